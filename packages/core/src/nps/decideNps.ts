import { matchesUrlPattern } from './matchesUrlPattern.js';
import type { NpsKeptState } from './npsKeptState.js';
import type { NpsRules } from './npsRules.js';
import { samplingBucket } from './samplingBucket.js';

/** The page view a decision is for. */
export interface NpsPage {
  /** The page's URL (the debug switch and the URL rules read it). */
  url: string;
  /** When this page view began (epoch ms); a single-page-app route change starts a new one. */
  startedAt: number;
  /** The site's public key and the visitor's id, for sticky sampling. */
  site: string;
  visitor: string;
  /** `vouch('nps')` asked for the prompt now. */
  requested?: boolean;
  /** A vouch prompt of any kind is on screen now. */
  promptOnScreen?: boolean;
}

/** Why the prompt is not shown. */
export type NpsSkipReason =
  | 'prompt-on-screen'
  | 'shown-this-page'
  | 'sampled-out'
  | 'answered-recently'
  | 'dismissed-recently'
  | 'ignored-recently'
  | 'manual-only'
  | 'not-included'
  | 'excluded'
  | 'too-few-page-views'
  | 'no-conversion'
  | 'conversion-too-recent';

/** What {@link decideNps} answers. */
export type NpsDecision =
  | { show: 'now'; reason: 'debug' | 'requested' | 'rules' }
  | { show: 'later'; inMs: number; reason: 'delay' }
  | { show: 'no'; reason: NpsSkipReason };

/** The page parameter that shows the prompt at once, for the merchant's testing. */
export const NPS_DEBUG_PARAM = 'vouch_nps';
const DAY_MS = 86_400_000;

/**
 * Whether the NPS prompt shows on this page view: now, after a delay (the caller sets
 * the timer, and drops it when the page view ends — a single-page-app route change
 * starts a new one and so cancels it), or not, with the reason. Pure and deterministic.
 *
 * In order: never over another vouch prompt, nor twice in one page view; `?vouch_nps=1`
 * then shows it at once; otherwise the visitor must be in the sticky sample and outside
 * the quiet intervals (after an answer `resurveyDays`; after a dismissal, or a prompt
 * left without either, `dismissedDays`). `vouch('nps')` shows it then; the automatic
 * trigger also needs the URL rules, the page-view count, the days after a purchase and,
 * last, `delayMs` on the page.
 *
 * @param state what is kept about the visitor, with this page view already counted
 * @param now epoch ms
 */
export function decideNps(
  state: NpsKeptState,
  rules: NpsRules,
  page: NpsPage,
  now: number,
): NpsDecision {
  const no = (reason: NpsSkipReason): NpsDecision => ({ show: 'no', reason });
  if (page.promptOnScreen) return no('prompt-on-screen');
  if (state.shownAt !== undefined && state.shownAt >= page.startedAt) return no('shown-this-page');
  if (debugRequested(page.url)) return { show: 'now', reason: 'debug' };

  if (samplingBucket(page.site, rules.survey, page.visitor) >= rules.sampleRate) {
    return no('sampled-out');
  }
  const quiet = quietReason(state, rules, now);
  if (quiet) return no(quiet);
  if (page.requested) return { show: 'now', reason: 'requested' };
  if (rules.trigger === 'manual') return no('manual-only');

  const matches = (pattern: string) => matchesUrlPattern(pattern, page.url);
  if (rules.include.length && !rules.include.some(matches)) return no('not-included');
  if (rules.exclude.some(matches)) return no('excluded');
  if (state.pageViews < rules.minPageViews) return no('too-few-page-views');
  if (rules.afterConversionDays !== null) {
    if (state.convertedAt === undefined) return no('no-conversion');
    if (now < state.convertedAt + rules.afterConversionDays * DAY_MS) {
      return no('conversion-too-recent');
    }
  }
  const waited = now - page.startedAt;
  return waited >= rules.delayMs
    ? { show: 'now', reason: 'rules' }
    : { show: 'later', inMs: rules.delayMs - waited, reason: 'delay' };
}

function debugRequested(url: string): boolean {
  try {
    return new URL(url).searchParams.get(NPS_DEBUG_PARAM) === '1';
  } catch {
    return false;
  }
}

function quietReason(state: NpsKeptState, rules: NpsRules, now: number): NpsSkipReason | null {
  const within = (at: number | undefined, days: number) =>
    at !== undefined && now < at + days * DAY_MS;
  if (within(state.answeredAt, rules.resurveyDays)) return 'answered-recently';
  if (within(state.dismissedAt, rules.dismissedDays)) return 'dismissed-recently';
  // Shown, then the page was left without an answer or a dismissal: as quiet as a dismissal.
  const { shownAt } = state;
  const left =
    shownAt !== undefined &&
    (state.answeredAt ?? -1) < shownAt &&
    (state.dismissedAt ?? -1) < shownAt;
  if (left && within(shownAt, rules.dismissedDays)) return 'ignored-recently';
  return null;
}
