import type { VouchDatabase } from '../db/openDatabase.js';
import { findSiteByPublicKey } from '../sites/findSiteByPublicKey.js';
import type { Site } from '../sites/Site.js';
import { UsageError } from './UsageError.js';

/** The site a command's `--site PUBLIC_KEY` names; a missing or unknown key names the flag. */
export async function siteFlag(
  database: VouchDatabase,
  command: string,
  publicKey: string | undefined,
): Promise<Site> {
  if (!publicKey) {
    throw new UsageError(`${command}: --site is required (the public key, pk_…)`);
  }
  const site = await findSiteByPublicKey(database, publicKey);
  if (!site) {
    throw new UsageError(
      `${command}: --site "${publicKey}": no site has this public key (see vouch-server sites list)`,
    );
  }
  return site;
}

/** `on` or `off` of a flag such as `--identity-verification on`. */
export function onOff(command: string, flag: string, value: string): boolean {
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new UsageError(`${command}: --${flag} must be on or off, not "${value}"`);
}
