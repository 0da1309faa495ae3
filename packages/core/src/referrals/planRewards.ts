import { toMinor } from '../schemas/money.js';
import type {
  CouponSource,
  ReferralProgram,
  RewardRule,
  RewardValue,
} from '../schemas/referrals.js';

const DAY_MS = 86_400_000;

/** Why a reward exists: a friend's order, every Nth friend, or the friend's own offer. */
export type RewardReason = 'friend' | 'milestone' | 'offer';

/** A reward as it is first recorded. */
export type PlannedRewardStatus = 'pending' | 'review' | 'approved';

/** One reward a referred order yields. */
export interface PlannedReward {
  /**
   * Unique among one order's rewards, so that storage can hold it once even when the
   * order is recorded twice at the same moment: `friend`, `offer`, `milestone:5`.
   */
  kind: string;
  reason: RewardReason;
  /** `referrer` owns the code; `buyer` is the friend who placed the order. */
  recipient: 'referrer' | 'buyer';
  value: RewardValue;
  /** Where its coupon comes from when approved; null for store credit or a used coupon. */
  coupon: CouponSource | null;
  status: PlannedRewardStatus;
  /** When a pending reward is due for approval (epoch ms); null unless pending. */
  approvesAt: number | null;
}

/** Why a referred order earns its referrer nothing. */
export type RewardSkip = 'below_minimum' | 'currency_mismatch' | 'already_credited';

/** What {@link planRewards} decided. */
export interface RewardPlan {
  /** Whether the buyer now counts as one of the referrer's friends. */
  credited: boolean;
  /** Why the referrer earns nothing, when the order is clean but does not qualify. */
  skipped: RewardSkip | null;
  /** The friend's place among the referrer's credited friends (1 = first), when credited. */
  friendNumber: number | null;
  rewards: PlannedReward[];
}

/** The referred order, and what is known of the code's history. */
export interface RewardPlanInput {
  /** The order total in major units of `currency`. */
  amount: number;
  currency: string;
  /** Whether fraud rules flagged the order: then everything goes to review, unpaid. */
  flagged: boolean;
  /** Friends credited to the code before this order. */
  friendsBefore: number;
  /** Whether this buyer was already credited to the code (a repeat order earns nothing). */
  alreadyCredited: boolean;
  /**
   * Whether the buyer took the friend's offer: used its coupon at checkout, or the offer
   * is store credit (which needs no coupon). The offer is then recorded for the buyer.
   */
  offerTaken: boolean;
  /** The clock, epoch ms. */
  now: number;
}

/**
 * The rewards one referred order yields under `program`:
 *
 * - the friend's `offer`, recorded when taken: a used coupon is `approved` at once (the
 *   discount was given at checkout); store credit is `pending` for the hold, like the
 *   referrer's reward, so that a return can void it;
 * - the referrer's `friend` reward, once per friend, when the order reaches
 *   `minOrderAmount` in the program's currency (an order in another currency cannot be
 *   compared and earns nothing unless the minimum is 0): `pending` until `holdDays` have
 *   passed (`approvesAt`);
 * - a `milestone` reward for each milestone whose `every` divides the friend's number.
 *
 * A flagged order yields the offer and the referrer's reward in `review`, and no
 * milestone: it does not count as a friend until a person approves it.
 */
export function planRewards(program: ReferralProgram, input: RewardPlanInput): RewardPlan {
  const hold = input.flagged
    ? { status: 'review' as const, approvesAt: null }
    : { status: 'pending' as const, approvesAt: input.now + program.holdDays * DAY_MS };
  const rewards: PlannedReward[] = [];
  if (input.offerTaken && !input.alreadyCredited) {
    const { value } = program.friendOffer;
    const usedAtCheckout = value.kind !== 'credit' && !input.flagged;
    rewards.push({
      kind: 'offer',
      reason: 'offer',
      recipient: 'buyer',
      value,
      coupon: null,
      ...(usedAtCheckout ? { status: 'approved' as const, approvesAt: null } : hold),
    });
  }
  const skipped = input.alreadyCredited ? 'already_credited' : minimumIssue(program, input);
  if (skipped) return { credited: false, skipped, friendNumber: null, rewards };

  const forReferrer = (kind: string, reason: RewardReason, rule: RewardRule): PlannedReward => ({
    kind,
    reason,
    recipient: 'referrer',
    value: rule.value,
    coupon: rule.value.kind === 'credit' ? null : (rule.coupon ?? null),
    ...hold,
  });
  rewards.push(forReferrer('friend', 'friend', program.referrerReward));
  if (input.flagged) return { credited: false, skipped: null, friendNumber: null, rewards };

  const friendNumber = input.friendsBefore + 1;
  const reached = new Set<number>();
  for (const { every, reward } of program.milestones) {
    if (friendNumber % every !== 0 || reached.has(every)) continue;
    reached.add(every);
    rewards.push(forReferrer(`milestone:${every}`, 'milestone', reward));
  }
  return { credited: true, skipped: null, friendNumber, rewards };
}

function minimumIssue(program: ReferralProgram, input: RewardPlanInput): RewardSkip | null {
  if (program.minOrderAmount === 0) return null;
  if (input.currency !== program.currency) return 'currency_mismatch';
  const order = toMinor(input.amount, input.currency);
  return order < toMinor(program.minOrderAmount, program.currency) ? 'below_minimum' : null;
}
