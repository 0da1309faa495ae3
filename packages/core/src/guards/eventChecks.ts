import type { VouchEvent } from '../schemas/events.js';
import { type Check, num, object, oneOf, optional, text } from './check.js';
import { isoTimeCheck } from './isoTimeCheck.js';
import {
  customerIdCheck,
  eventIdCheck,
  httpUrlCheck,
  isHttpUrl,
  referralCodeCheck,
} from './wireChecks.js';

// Twins of the event schemas, for the code that records events (loaded after a widget
// can paint). wireChecks.test.ts holds each to its schema.

type PageEvent = Extract<VouchEvent, { type: 'page' }>;
type LandingEvent = Extract<VouchEvent, { type: 'landing' }>;
type NpsShownEvent = Extract<VouchEvent, { type: 'nps_shown' }>;
type NpsDismissedEvent = Extract<VouchEvent, { type: 'nps_dismissed' }>;

const eventBase = {
  id: eventIdCheck,
  at: isoTimeCheck,
  visitor: optional(eventIdCheck),
  customer: optional(customerIdCheck),
};

const pageEventCheck = object<PageEvent>(
  {
    ...eventBase,
    type: oneOf(['page'], 'expected "page"'),
    url: httpUrlCheck,
    referrer: optional(text(0, 2048, 'must be an http(s) URL or empty', (v) => !v || isHttpUrl(v))),
    title: optional(text(0, 300, 'must be at most 300 characters')),
  },
  true,
);

const landingEventCheck = object<LandingEvent>(
  {
    ...eventBase,
    type: oneOf(['landing'], 'expected "landing"'),
    url: httpUrlCheck,
    ref: referralCodeCheck,
  },
  true,
);

const npsShownEventCheck = object<NpsShownEvent>(
  { ...eventBase, type: oneOf(['nps_shown'], 'expected "nps_shown"'), prompt: eventIdCheck },
  true,
);

const npsDismissedEventCheck = object<NpsDismissedEvent>(
  {
    ...eventBase,
    type: oneOf(['nps_dismissed'], 'expected "nps_dismissed"'),
    prompt: eventIdCheck,
    // Not `npsScoreCheck`: importing npsChecks here would bring all of it into the recording
    // half, as the NPS sender (loaded later) shares it. wireChecks.test holds both equal.
    score: optional(num(0, 10, true, 'must be an integer from 0 to 10')),
  },
  true,
);

/** The event types {@link eventCheck} knows; the tests compare them with `eventSchema`'s. */
export const EVENT_CHECKS: Record<VouchEvent['type'], Check<VouchEvent>> = {
  page: pageEventCheck,
  landing: landingEventCheck,
  nps_shown: npsShownEventCheck,
  nps_dismissed: npsDismissedEventCheck,
};

/** Twin of `eventSchema`. */
export const eventCheck: Check<VouchEvent> = (value, path, issues) => {
  const type =
    typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  const check =
    typeof type === 'string' && Object.hasOwn(EVENT_CHECKS, type)
      ? EVENT_CHECKS[type as VouchEvent['type']]
      : null;
  if (check) check(value, path, issues);
  else issues.push({ path: path ? `${path}.type` : 'type', message: 'unknown event type' });
};
