import { validate } from './guards/check.js';
import { referralCodeCheck } from './guards/wireChecks.js';

/**
 * The referral code in `url`'s `ref` query parameter (any case: `?REF=` works too), or
 * `null` when there is none, it is not a valid code, or `url` is not a URL. Never throws.
 */
export function readReferral(url: string): string | null {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return null;
  }
  for (const [name, value] of params) {
    if (name.toLowerCase() !== 'ref') continue;
    const code = value.trim();
    return validate(referralCodeCheck, code).ok ? code : null;
  }
  return null;
}
