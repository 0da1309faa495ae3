import type { RewardView } from '@vouch/core';
import { tags } from '../../dom/tags.js';
import type { ReferralMessages } from './referralMessages.js';

const { code, dd, details, div, dl, dt, li, span, summary, ul } = tags;

/** What {@link rewardList} shows. */
export interface RewardListSettings {
  friends: number;
  rewards: readonly RewardView[];
  messages: ReferralMessages;
  /** For dates: the site's locale. */
  locale: string | undefined;
  /** The id of the list's name, unique to the widget instance. */
  id: string;
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
export function rewardList({ friends, rewards, messages: m, locale, id }: RewardListSettings) {
  const shown = rewards.filter((reward) => reward.status !== 'voided');
  const earned = shown.filter((reward) => reward.status === 'approved').length;
  const status = (reward: RewardView) => {
    if (reward.status === 'approved') return m.approved;
    if (reward.status === 'review') return m.review;
    return reward.approvesAt ? m.waitingUntil(formatDate(reward.approvesAt, locale)) : m.waiting;
  };
  const figure = (term: string, value: number) => div(dt(term), dd(value));
  return div(
    { 'data-vouch-part': 'rewards' },
    dl(
      { class: 'vouch-stats' },
      figure(m.friends, friends),
      figure(m.earned, earned),
      figure(m.pending, shown.length - earned),
    ),
    shown[0] &&
      details(
        summary(span({ id }, m.rewards), ` (${shown.length})`),
        ul(
          { 'aria-labelledby': id, class: 'vouch-rewards' },
          shown.map((reward) =>
            li(
              { 'data-status': reward.status },
              `${reward.offer.description} (${m.reasons[reward.reason]}): ${status(reward)}`,
              reward.coupon && [`, ${m.code} `, code(reward.coupon)],
            ),
          ),
        ),
      ),
  );
}
