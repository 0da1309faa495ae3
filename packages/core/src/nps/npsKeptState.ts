import { num, object, optional } from '../guards/check.js';

/**
 * What the NPS rules remember about a visitor, as a small JSON value in the client's
 * consent-aware storage. Times are epoch milliseconds.
 */
export interface NpsKeptState {
  /** Page views counted so far (single-page-app routes included). */
  pageViews: number;
  /** When the page view last counted began, so that it is counted once. */
  pageAt?: number | undefined;
  shownAt?: number | undefined;
  answeredAt?: number | undefined;
  dismissedAt?: number | undefined;
  /** The visitor's last purchase. */
  convertedAt?: number | undefined;
}

const time = optional(num(0, Number.MAX_SAFE_INTEGER, true, 'must be a time in ms'));

/** Checks a kept state read back from storage; one that fails is dropped, never cast. */
export const npsKeptStateCheck = object<NpsKeptState>(
  {
    pageViews: num(0, Number.MAX_SAFE_INTEGER, true, 'must be a count'),
    pageAt: time,
    shownAt: time,
    answeredAt: time,
    dismissedAt: time,
    convertedAt: time,
  },
  false,
);

/** A visitor the rules have not seen. */
export const NPS_FRESH_STATE: NpsKeptState = { pageViews: 0 };

/** Counts the page view that began at `startedAt`, once however often it is asked. */
export function withNpsPageView(state: NpsKeptState, startedAt: number): NpsKeptState {
  return state.pageAt === startedAt
    ? state
    : { ...state, pageViews: state.pageViews + 1, pageAt: startedAt };
}

/** The prompt appeared at `now`. */
export function withNpsShown(state: NpsKeptState, now: number): NpsKeptState {
  return { ...state, shownAt: now };
}

/** The visitor answered at `now`. */
export function withNpsAnswered(state: NpsKeptState, now: number): NpsKeptState {
  return { ...state, answeredAt: now };
}

/** The visitor closed the prompt without answering at `now`. */
export function withNpsDismissed(state: NpsKeptState, now: number): NpsKeptState {
  return { ...state, dismissedAt: now };
}

/** The visitor bought something at `now`. */
export function withNpsConversion(state: NpsKeptState, now: number): NpsKeptState {
  return { ...state, convertedAt: now };
}
