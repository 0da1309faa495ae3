import type { ConversionRequest, ConversionResult } from '../schemas/conversions.js';

/**
 * The key under which a referral banner for `code` is kept dismissed (`client.dismiss`):
 * by the shopper closing it, or by a purchase made with the code.
 */
export const bannerDismissalKey = (code: string): string => `referral-banner:${code}`;

/**
 * The key under which a friend's coupon counts as used: a banner showing `coupon` stays
 * away once an order with it was acknowledged. Shops take coupons in any case, so the key
 * does too. (A referral code has no colon, so the two kinds of key never meet.)
 */
export const couponDismissalKey = (coupon: string): string =>
  `referral-banner:coupon:${coupon.toUpperCase()}`;

/**
 * What an acknowledged purchase settles: the banner of the referral code it carried, of
 * the code the server credited (a pool coupon names its code, even from another device),
 * and of the coupon used. Whatever the server decided about paying the referrer, the
 * friend has bought, so their offer has done its job.
 */
export function convertedOfferKeys(
  request: Pick<ConversionRequest, 'ref' | 'coupon'>,
  result: Pick<ConversionResult, 'ref'>,
): string[] {
  const codes = new Set([request.ref, result.ref].filter((code) => !!code) as string[]);
  const keys = [...codes].map(bannerDismissalKey);
  if (request.coupon) keys.push(couponDismissalKey(request.coupon));
  return keys;
}
