import { SHARE_COUPONS } from './couponFile.js';

/**
 * The demo site's share program, as a merchant would set it with
 * `PUT /v1/admin/share-program`: share buttons for the browser's own share sheet, the
 * networks and copying the link; when a friend opens a shopper's shared link (a distinct
 * visitor, not the shopper), the shopper gets 5% off, a single-use code from the shop's
 * own pool, once per campaign. Rewarding the act of sharing itself stays off: some
 * networks forbid it.
 * @returns the program, valid for `shareProgramSchema` of `@vouch/core`
 */
export function demoShareProgram() {
  return {
    enabled: true,
    channels: ['native', 'whatsapp', 'facebook', 'x', 'bluesky', 'email', 'copy'],
    rewardOn: 'visit',
    reward: {
      value: { kind: 'percent', percent: SHARE_COUPONS.percentOff },
      coupon: { pool: SHARE_COUPONS.pool },
    },
    campaign: 'share-visit-5',
  };
}
