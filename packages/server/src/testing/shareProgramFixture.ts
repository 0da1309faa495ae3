import type { ShareProgram } from '@vouch/core/schemas';

/** A share program that is on and rewards a friend's visit with a coupon from `thanks`. */
export function shareProgramFixture(change: Partial<ShareProgram> = {}): ShareProgram {
  return {
    enabled: true,
    channels: ['native', 'whatsapp', 'x', 'copy'],
    text: 'Our soaps are lovely',
    rewardOn: 'visit',
    reward: { value: { kind: 'percent', percent: 5 }, coupon: { pool: 'thanks' } },
    campaign: 'spring',
    ...change,
  };
}
