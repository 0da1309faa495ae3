import { describe, expect, it } from 'vitest';
import { emailDomain, normalizeEmail } from './normalizeEmail.js';

describe('normalizeEmail', () => {
  it('reads Gmail dots, +tags and googlemail as the one mailbox they reach', () => {
    expect(normalizeEmail('a.b+x@gmail.com')).toBe('ab@gmail.com');
    expect(normalizeEmail('  A.B+x+y@GoogleMail.com ')).toBe('ab@gmail.com');
    expect(normalizeEmail('a..b@gmail.com.')).toBe('ab@gmail.com');
  });

  it('lower-cases and drops +tags elsewhere, but keeps their dots', () => {
    expect(normalizeEmail('Ada.Lovelace+shop@Example.COM')).toBe('ada.lovelace@example.com');
    expect(normalizeEmail('ada.lovelace@example.com')).not.toBe(
      normalizeEmail('adalovelace@example.com'),
    );
  });

  it('keeps a local part that starts with +, and strings without @', () => {
    expect(normalizeEmail('+x@example.com')).toBe('+x@example.com');
    expect(normalizeEmail(' Not An Email ')).toBe('not an email');
    expect(normalizeEmail('@example.com')).toBe('@example.com');
  });
});

describe('emailDomain', () => {
  it('gives the lower-cased domain, or null', () => {
    expect(emailDomain('ada@Mail.Example.')).toBe('mail.example');
    expect(emailDomain('ada')).toBeNull();
    expect(emailDomain('ada@')).toBeNull();
  });
});
