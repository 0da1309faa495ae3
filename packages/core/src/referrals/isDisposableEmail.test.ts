import { describe, expect, it } from 'vitest';
import { DISPOSABLE_EMAIL_DOMAINS } from './disposableEmailDomains.js';
import { isDisposableEmail } from './isDisposableEmail.js';
import { matchesDomain } from './matchesDomain.js';

describe('isDisposableEmail', () => {
  it('knows common throwaway services and their subdomains, in any case', () => {
    expect(isDisposableEmail('ben@mailinator.com')).toBe(true);
    expect(isDisposableEmail('ben@YOPMAIL.fr')).toBe(true);
    expect(isDisposableEmail('ben@inbox.guerrillamail.com')).toBe(true);
  });

  it('leaves ordinary providers alone, including look-alike names', () => {
    expect(isDisposableEmail('ben@gmail.com')).toBe(false);
    expect(isDisposableEmail('ben@notmailinator.com')).toBe(false);
    expect(isDisposableEmail('ben@mailinator.com.example')).toBe(false);
    expect(isDisposableEmail('no address')).toBe(false);
  });

  it("takes the program's own domains as well", () => {
    expect(isDisposableEmail('ben@burner.example')).toBe(false);
    expect(isDisposableEmail('ben@burner.example', ['burner.example'])).toBe(true);
    expect(isDisposableEmail('ben@x.burner.example', ['burner.example'])).toBe(true);
  });

  it('has a sorted list of lower-case domains without repeats', () => {
    const sorted = [...DISPOSABLE_EMAIL_DOMAINS].sort();
    expect(DISPOSABLE_EMAIL_DOMAINS).toEqual(sorted);
    expect(new Set(DISPOSABLE_EMAIL_DOMAINS).size).toBe(DISPOSABLE_EMAIL_DOMAINS.length);
    for (const domain of DISPOSABLE_EMAIL_DOMAINS) expect(domain).toMatch(/^[a-z0-9.-]+$/);
  });
});

describe('matchesDomain', () => {
  it('matches a domain and its subdomains, ignoring case, www, a port and a trailing dot', () => {
    const blocked = ['coupons.example', 'Deals.Example.'];
    expect(matchesDomain('coupons.example', blocked)).toBe(true);
    expect(matchesDomain('WWW.Coupons.Example:8443', blocked)).toBe(true);
    expect(matchesDomain('us.deals.example.', blocked)).toBe(true);
    expect(matchesDomain('mycoupons.example', blocked)).toBe(false);
    expect(matchesDomain('', blocked)).toBe(false);
    expect(matchesDomain('coupons.example', [''])).toBe(false);
  });
});
