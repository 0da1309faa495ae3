import type { RecorderParts } from '../createRecorder.js';
import type { EventInput } from '../createTransport.js';
import { formatIssues } from '../formatIssues.js';
import { num, object, optional, validate } from '../guards/check.js';
import { eventIdCheck, isHttpUrl } from '../guards/wireChecks.js';
import type { VouchEvent } from '../schemas/events.js';
import { createNpsAnswers } from './createNpsAnswers.js';
import { createNpsKept } from './createNpsKept.js';
import { decideNps, type NpsDecision, type NpsPage } from './decideNps.js';
import type { NpsStorageKeys } from './loadNps.js';
import type { NpsAnswerInput } from './npsAnswerInput.js';
import { npsCategory } from './npsCategory.js';
import {
  type NpsKeptState,
  withNpsAnswered,
  withNpsDismissed,
  withNpsPageView,
  withNpsShown,
} from './npsKeptState.js';
import { type NpsRulesInput, npsRules } from './npsRules.js';

/** The page view a client asks {@link NpsCalls.decide} about; site and visitor are its own. */
export type NpsPageInput = Omit<NpsPage, 'site' | 'visitor' | 'url'> & {
  /** @default the platform's current URL */
  url?: string | undefined;
};

/** A prompt closed without an answer. */
export interface NpsDismissal {
  /** The prompt's id, as `nps.shown()` returned it. */
  id: string;
  /** The score picked before closing, if any. */
  score?: number | undefined;
}

/** The NPS calls of a client's recording half. */
export interface NpsCalls {
  /** Counts the page view (once per `startedAt`) and decides by `rules`; see `decideNps`. */
  decide(rules: NpsRulesInput, page: NpsPageInput): NpsDecision;
  /** The prompt `id` became visible. A bad `id` is an `error` event (the caller made it). */
  shown(id: string): void;
  /** The shopper answered. */
  submit(answer: NpsAnswerInput): void;
  /** The shopper closed the prompt without answering. */
  dismiss(dismissal: NpsDismissal): void;
  /** The kept rule state. */
  state(): NpsKeptState;
  flush(): Promise<void>;
  pending(): number;
  destroy(): void;
}

/** What {@link createNpsCalls} is given by the recording half. */
export interface NpsCallsParts extends Omit<RecorderParts, 'attribution'> {
  /** Queues an event in the outbox; null when it could not be (an `error` was emitted). */
  track(input: EventInput): VouchEvent | null;
}

const dismissalCheck = object<NpsDismissal>(
  { id: eventIdCheck, score: optional(num(0, 10, true, 'must be an integer from 0 to 10')) },
  true,
);

/**
 * The client's NPS calls: each updates the visitor's kept rule state (in consent-aware
 * storage under `keys`), records what happened — `nps_shown` and `nps_dismissed`
 * through the event outbox, the answer through its own queue to `POST /v1/nps` — and
 * emits `nps:shown`, `nps:submitted` or `nps:dismissed`. Every record carries the
 * prompt's id, so a retry, a beacon or a reload counts nothing twice. Bad input throws a
 * `TypeError` naming the field, before anything is kept.
 */
export function createNpsCalls(parts: NpsCallsParts, keys: NpsStorageKeys): NpsCalls {
  const { platform, identity, emitter, track } = parts;
  const kept = createNpsKept(parts.storage, keys);
  const now = platform.now;
  // The page an answer was given on, when it is one the server accepts.
  const pageUrl = () => {
    const url = platform.location();
    return url.length <= 2048 && isHttpUrl(url) ? url : undefined;
  };
  const answers = createNpsAnswers({
    site: parts.site,
    endpoint: parts.endpoint,
    platform,
    storage: parts.storage,
    queueKey: keys.queue,
    onError: (error, id) =>
      emitter.emit('error', {
        message: id ? `NPS answer "${id}" was refused: ${error.message}` : error.message,
        ...(error.code && { code: error.code }),
        error,
      }),
    onChange: parts.onChange,
    context: () => ({
      visitor: identity.visitor(),
      customer: identity.identity()?.id,
      url: pageUrl(),
    }),
  });

  return {
    decide(rules, page) {
      const state = kept.update((before) => withNpsPageView(before, page.startedAt));
      const full = { ...page, url: page.url ?? platform.location() };
      return decideNps(
        state,
        npsRules(rules),
        { ...full, site: parts.site, visitor: identity.visitor() },
        now(),
      );
    },
    shown(id) {
      const checked = validate(eventIdCheck, id);
      if (!checked.ok) {
        const message = `[vouch] nps shown: "id": ${checked.issues[0]?.message}`;
        emitter.emit('error', { message, error: new TypeError(message) });
        return;
      }
      kept.update((state) => withNpsShown(state, now()));
      track({ type: 'nps_shown', prompt: id });
      emitter.emit('nps:shown', { id });
    },
    submit(answer) {
      const request = answers.record(answer);
      kept.update((state) => withNpsAnswered(state, now()));
      if (!request) return;
      emitter.emit('nps:submitted', {
        id: request.id,
        score: request.score,
        category: npsCategory(request.score),
        ...(request.comment && { comment: request.comment }),
      });
    },
    dismiss(dismissal) {
      const checked = validate(dismissalCheck, dismissal);
      if (!checked.ok) throw new TypeError(`[vouch] nps dismiss: ${formatIssues(checked.issues)}`);
      const { id, score } = dismissal;
      kept.update((state) => withNpsDismissed(state, now()));
      track({ type: 'nps_dismissed', prompt: id, ...(score !== undefined && { score }) });
      emitter.emit('nps:dismissed', { id, ...(score !== undefined && { score }) });
    },
    state: kept.read,
    flush: answers.flush,
    pending: answers.pending,
    destroy: answers.destroy,
  };
}
