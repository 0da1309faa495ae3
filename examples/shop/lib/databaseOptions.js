import { isAbsolute, resolve } from 'node:path';

/**
 * Where the shop's vouch data lives, from the environment as the contract names it:
 * `DATABASE_URL` (postgres://…) first, else the SQLite file at `VOUCH_DB`, else
 * `.vouch/vouch.db` under the working directory.
 * @param {NodeJS.ProcessEnv} env
 * @param {string} cwd
 * @returns {{ url: string, label: string } | { file: string, label: string }}
 *   `label` says where the data is without printing a password.
 */
export function databaseOptions(env, cwd) {
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    return { url: env.DATABASE_URL, label: `${url.protocol}//${url.host}${url.pathname}` };
  }
  const given = env.VOUCH_DB || '.vouch/vouch.db';
  const file = isAbsolute(given) ? given : resolve(cwd, given);
  return { file, label: file };
}
