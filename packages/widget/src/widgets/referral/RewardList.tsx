import type { RewardView } from '@vouch/core';
import { useId } from 'preact/hooks';
import type { ReferralMessages } from './referralMessages.js';

/** Props of {@link RewardList}. */
export interface RewardListProps {
  friends: number;
  rewards: readonly RewardView[];
  messages: ReferralMessages;
  /** For dates: the site's locale. */
  locale: string | undefined;
}

const formatDate = (iso: string, locale: string | undefined) => {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
};

/**
 * Friends who ordered, rewards earned and pending as three figures, then, behind a
 * disclosure the shopper opens (a list of any length must not move the page), each reward
 * that was not voided: what it is, why, where it stands and, once approved for a verified
 * customer, its coupon.
 */
export function RewardList({ friends, rewards, messages: m, locale }: RewardListProps) {
  const id = useId();
  const shown = rewards.filter((reward) => reward.status !== 'voided');
  const earned = shown.filter((reward) => reward.status === 'approved').length;
  const status = (reward: RewardView) => {
    if (reward.status === 'approved') return m.approved;
    if (reward.status === 'review') return m.review;
    return reward.approvesAt ? m.waitingUntil(formatDate(reward.approvesAt, locale)) : m.waiting;
  };
  return (
    <div data-vouch-part="rewards">
      <dl class="vouch-stats">
        <div>
          <dt>{m.friends}</dt>
          <dd>{friends}</dd>
        </div>
        <div>
          <dt>{m.earned}</dt>
          <dd>{earned}</dd>
        </div>
        <div>
          <dt>{m.pending}</dt>
          <dd>{shown.length - earned}</dd>
        </div>
      </dl>
      {shown.length > 0 && (
        <details>
          <summary>
            <span id={id}>{m.rewards}</span> ({shown.length})
          </summary>
          <ul aria-labelledby={id} class="vouch-rewards">
            {shown.map((reward) => (
              <li key={reward.id} data-status={reward.status}>
                {reward.offer.description} ({m.reasons[reward.reason]}): {status(reward)}
                {reward.coupon && (
                  <>
                    {`, ${m.code} `}
                    <code>{reward.coupon}</code>
                  </>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
