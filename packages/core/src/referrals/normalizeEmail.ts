/** Domains whose mailboxes ignore dots in the local part. */
const GMAIL = new Set(['gmail.com', 'googlemail.com']);

/**
 * An e-mail address as a mailbox, for telling whether two addresses reach the same
 * person: trimmed and lower-cased, a `+tag` removed from the local part (sub-addressing
 * delivers to the same mailbox at Gmail, Outlook, iCloud, Fastmail and most others), and
 * for Gmail the dots removed and `googlemail.com` read as `gmail.com`. So
 * `A.B+x@GoogleMail.com` is `ab@gmail.com`. A string without `@` comes back trimmed and
 * lower-cased. For comparing only: never send mail to the result.
 */
export function normalizeEmail(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 1) return address;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1).replace(/\.$/, '');
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL.has(domain)) {
    domain = 'gmail.com';
    local = local.replaceAll('.', '');
  }
  return `${local}@${domain}`;
}

/** The domain of an address, lower-cased, or null when it has none. */
export function emailDomain(email: string): string | null {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  const domain = at < 0 ? '' : address.slice(at + 1).replace(/\.$/, '');
  return domain || null;
}
