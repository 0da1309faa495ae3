import type { Recorder } from '../createRecorder.js';
import type { NpsCalls, NpsDismissal, NpsPageInput } from './createNpsCalls.js';
import type { NpsDecision } from './decideNps.js';
import type { NpsAnswerInput } from './npsAnswerInput.js';
import type { NpsKeptState } from './npsKeptState.js';
import type { NpsRulesInput } from './npsRules.js';

/**
 * The NPS prompt's calls on a vouch client (`client.nps`), for the `nps` widget or a
 * developer's own prompt. Their code loads on first use, after a widget can paint; calls
 * made before it has arrived wait for it and run in the order they were made.
 */
export interface VouchNps {
  /**
   * Whether the prompt shows on this page view by `rules`: now, after `inMs` (set the
   * timer, and drop it when the page view or single-page-app route ends), or not, with
   * the reason. Counts the page view once per `page.startedAt`. `?vouch_nps=1` in the
   * page URL shows it at once, for testing. Throws a `TypeError` naming a bad rule.
   */
  decide(rules: NpsRulesInput, page: NpsPageInput): Promise<NpsDecision>;
  /**
   * The prompt became visible: records an `nps_shown` event and emits `nps:shown`.
   * Returns the prompt's id (`id`, or a new one), which its answer or dismissal carries.
   * A bad `id` becomes an `error` event.
   */
  shown(id?: string): string;
  /**
   * The shopper answered: the answer (with the visitor, the identified customer and the
   * page) is kept until `POST /v1/nps` acknowledges its id, and `nps:submitted` emitted.
   * Resolves once it is kept (not sent); rejects with a `TypeError` naming a bad field
   * (`score` an integer 0–10, `comment` ≤ 2,000 characters, `email` only with
   * `contact: true`), keeping nothing. The same id again sends nothing.
   */
  submit(answer: NpsAnswerInput): Promise<void>;
  /**
   * The shopper closed the prompt without answering (`score` if one was picked): records
   * an `nps_dismissed` event and emits `nps:dismissed`. Dismissals never count in the score.
   * Rejects with a `TypeError` naming a bad field.
   */
  dismiss(dismissal: NpsDismissal): Promise<void>;
  /** The visitor's kept rule state (page views, last shown, answered, dismissed, purchase). */
  state(): Promise<NpsKeptState>;
}

/** The client's `nps`, made of the deferred client's `record` (see `createDeferredVouch`). */
export function deferNps(
  record: <T>(call: (recorder: Recorder) => T, early: T) => T,
  randomId: () => string,
): VouchNps {
  // Each call waits for the recording half, then for the NPS code (loaded on first use);
  // calls made meanwhile run in the order they were made.
  const call = <K extends keyof NpsCalls>(name: K, ...args: unknown[]) =>
    new Promise((done, fail) => {
      record((recorder) => {
        recorder.nps
          .calls()
          .then((calls) => done((calls[name] as (...all: unknown[]) => unknown)(...args)))
          .catch(fail);
      }, undefined);
    });
  return {
    decide: (rules, page) => call('decide', rules, page),
    shown(id = randomId()) {
      call('shown', id).catch(() => undefined);
      return id;
    },
    submit: (answer) => call('submit', answer),
    dismiss: (dismissal) => call('dismiss', dismissal),
    state: () => call('state'),
  } as VouchNps;
}
