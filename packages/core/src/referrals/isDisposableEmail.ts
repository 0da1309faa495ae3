import { DISPOSABLE_EMAIL_DOMAINS } from './disposableEmailDomains.js';
import { matchesDomain } from './matchesDomain.js';
import { emailDomain } from './normalizeEmail.js';

/**
 * Whether `email` is at a throwaway-mailbox service: one of the built-in
 * {@link DISPOSABLE_EMAIL_DOMAINS} or of `extraDomains` (a program's
 * `fraud.disposableEmailDomains`), or a subdomain of one. Case does not matter.
 */
export function isDisposableEmail(email: string, extraDomains: readonly string[] = []): boolean {
  const domain = emailDomain(email);
  if (!domain) return false;
  return matchesDomain(domain, DISPOSABLE_EMAIL_DOMAINS) || matchesDomain(domain, extraDomains);
}
