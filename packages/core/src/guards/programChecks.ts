import type { Offer, PublicReferralProgram, RewardValue } from '../schemas/referrals.js';
import { type Check, num, object, oneOf } from './check.js';
import { amountCheck, currencyCheck } from './orderChecks.js';
import { anyText, count } from './wireChecks.js';

// Twins of the referral program's public schemas. Apart from ./wireChecks.ts so that a
// bundle that never reads a program (createVouch alone) leaves them out: a bundle splits
// by module, not by export.

const REWARD_VALUE_CHECKS: Record<RewardValue['kind'], Check<RewardValue>> = {
  percent: object(
    {
      kind: oneOf(['percent'], 'expected "percent"'),
      percent: num(1, 100, true, 'must be a whole number from 1 to 100'),
    },
    true,
  ),
  amount: object(
    { kind: oneOf(['amount'], 'expected "amount"'), amount: amountCheck, currency: currencyCheck },
    true,
  ),
  credit: object(
    { kind: oneOf(['credit'], 'expected "credit"'), amount: amountCheck, currency: currencyCheck },
    true,
  ),
};

/** Twin of `rewardValueSchema`. */
export const rewardValueCheck: Check<RewardValue> = (value, path, issues) => {
  const kind =
    typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  const check =
    typeof kind === 'string' && Object.hasOwn(REWARD_VALUE_CHECKS, kind)
      ? REWARD_VALUE_CHECKS[kind as RewardValue['kind']]
      : null;
  if (check) check(value, path, issues);
  else
    issues.push({
      path: path ? `${path}.kind` : 'kind',
      message: 'must be percent, amount or credit',
    });
};

/** Twin of `offerSchema`. */
export const offerCheck = object<Offer>({ value: rewardValueCheck, description: anyText }, false);

/** Twin of `publicReferralProgramSchema`. */
export const publicReferralProgramCheck = object<PublicReferralProgram>(
  {
    friendOffer: offerCheck,
    referrerReward: offerCheck,
    minOrderAmount: amountCheck,
    currency: currencyCheck,
    holdDays: count,
  },
  false,
);
