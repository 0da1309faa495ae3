import { validate } from '../guards/check.js';
import { httpUrlCheck, referralCodeCheck } from '../guards/wireChecks.js';
import { SHARE_CHANNELS } from './shareChannels.js';
import { withQuery } from './withQuery.js';

/**
 * Where a link can be shared from: a channel of `shareUrl`, the browser's own share sheet
 * (`native`), or a copied link (`copy`).
 */
export const SHARE_LINK_CHANNELS = [...SHARE_CHANNELS, 'native', 'copy'] as const;

/** A value of {@link SHARE_LINK_CHANNELS}. */
export type ShareLinkChannel = (typeof SHARE_LINK_CHANNELS)[number];

/** Options of {@link shareLink}. */
export interface ShareLinkOptions {
  /** The sharer's referral code, set as `ref`. Without it the link credits nobody. */
  code?: string;
  /** Where the link is shared: `utm_source`. */
  channel: ShareLinkChannel;
  /** `utm_campaign`, 1–100 characters. @default 'vouch' */
  campaign?: string;
}

/** `utm_medium` of every shared link. */
const MEDIUM = 'share';

const isShareLinkChannel = (value: unknown): value is ShareLinkChannel =>
  (SHARE_LINK_CHANNELS as readonly unknown[]).includes(value);

const fail = (message: string) => {
  throw new TypeError(`[vouch] shareLink: ${message}`);
};

/**
 * The link a sharer shares: `url` with their referral code as `ref` and
 * `utm_source=<channel>&utm_medium=share&utm_campaign=<campaign>`, so that a friend's visit
 * and purchase are credited to the sharer and the channel. Every `utm_*` parameter already
 * in `url` is replaced (a page's own campaign must not take the credit), and so is any
 * `ref` in any case, also without `code`: a page reached through someone else's link must
 * not pass their code on. Every other parameter is kept as written, and so is the fragment.
 * `readReferral` and `readShareChannel` read the code and the channel back.
 * Throws a `TypeError` naming `url`, `code`, `channel` or `campaign` when one is invalid.
 */
export function shareLink(url: string, options: ShareLinkOptions): string {
  const { code, channel, campaign = 'vouch' } = options ?? ({} as ShareLinkOptions);
  if (!validate(httpUrlCheck, url).ok) fail('"url" must be an absolute http(s) URL');
  if (code !== undefined && !validate(referralCodeCheck, code).ok) {
    fail('"code" must be 4–32 letters or digits');
  }
  if (!isShareLinkChannel(channel)) {
    fail(`"channel" must be one of ${SHARE_LINK_CHANNELS.join(', ')}; got ${String(channel)}`);
  }
  if (typeof campaign !== 'string' || !campaign.trim() || campaign.length > 100) {
    fail('"campaign" must be 1–100 characters');
  }
  const added: [string, string][] = [
    ['utm_source', channel],
    ['utm_medium', MEDIUM],
    ['utm_campaign', campaign],
  ];
  if (code !== undefined) added.unshift(['ref', code]);
  return withQuery(url, added, (name) => name === 'ref' || name.startsWith('utm_'));
}

/**
 * The channel a link was shared through, as {@link shareLink} wrote it: `utm_source` when
 * `utm_medium` is `share` (parameter names and values in any case), or `null` when the
 * link was not shared that way, names no known channel, or `url` is not a URL. Never
 * throws.
 */
export function readShareChannel(url: string): ShareLinkChannel | null {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return null;
  }
  let source: string | undefined;
  let medium: string | undefined;
  for (const [name, value] of params) {
    const key = name.toLowerCase();
    if (key === 'utm_source') source ??= value.trim().toLowerCase();
    else if (key === 'utm_medium') medium ??= value.trim().toLowerCase();
  }
  return medium === MEDIUM && isShareLinkChannel(source) ? source : null;
}
