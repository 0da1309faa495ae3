import { createApi } from './api/createApi.js';
import { createConsentStorage } from './createConsentStorage.js';
import { createDismissals } from './createDismissals.js';
import { createEmitter, type Emitter } from './createEmitter.js';
import { createIdentity } from './createIdentity.js';
import { createKeptReferral } from './createKeptReferral.js';
import type { Recorder, RecorderParts } from './createRecorder.js';
import { createStore } from './createStore.js';
import { deferNps } from './nps/deferNps.js';
import type { VouchClient, VouchState } from './VouchClient.js';
import type { VouchEventMap } from './VouchEventMap.js';
import {
  type ResolvedVouchOptions,
  resolveVouchOptions,
  type VouchOptions,
} from './vouchOptions.js';

/** A client whose recording half comes later; see {@link createDeferredVouch}. */
export interface DeferredVouch {
  /** The client. Everything but recording works at once. */
  client: VouchClient;
  /**
   * Gives the client its recording half, made by `create` (`createRecorder`); the calls
   * that waited for it run now, in order. Only the first call counts.
   */
  attach(create: (parts: RecorderParts) => Recorder): void;
}

/**
 * Creates a vouch client without its recording half (page views, referral landings,
 * conversions: the event outbox and the checks of what goes into it), so that a page can
 * show widgets before that code has loaded. `createVouch` is this with `createRecorder`
 * attached at once; the script tag attaches it when its chunk arrives.
 *
 * Until then: `page()` and `captureReferral()` return null and `conversion()` returns
 * without checking its input, each waiting to run when the recorder is attached (a bad
 * conversion then becomes an `error` event instead of a `TypeError`); `flush()` waits for
 * it; `pending` counts nothing. Options are validated at once, as by `createVouch`.
 */
export function createDeferredVouch(options: VouchOptions): DeferredVouch {
  return startDeferredVouch(resolveVouchOptions(options));
}

/**
 * {@link createDeferredVouch} for options already checked and given their defaults
 * (`withVouchDefaults`). The script tag's runtime starts its client with it: it checks
 * what the page gave it (site key, endpoint) and makes the rest itself from checked
 * settings, so the checks of every public option stay off the page.
 * @param emitter where the client's events go: the runtime passes the bus that has held
 *   the host page's handlers since before the client existed. @default a new emitter
 */
export function startDeferredVouch(
  options: ResolvedVouchOptions,
  emitter: Emitter<VouchEventMap> = createEmitter<VouchEventMap>({
    onError: (error, name) =>
      options.platform.warn(`[vouch] a "${name}" handler threw: ${String(error)}`),
  }),
): DeferredVouch {
  const { site, endpoint, platform, consentRequired, config, ...attribution } = options;
  const storage = createConsentStorage({
    storage: platform.storage,
    namespace: `vouch:${site}:`,
    consentRequired,
    onFallback: () => platform.warn('[vouch] storage is unavailable; keeping data in memory'),
  });
  const identity = createIdentity(storage, platform);
  const kept = createKeptReferral(storage, platform, attribution.attributionDays);
  const referral = () => kept.current()?.code ?? null;
  let recorder: Recorder | undefined;
  let destroyed = false;
  const waiting: Array<(recorder: Recorder) => unknown> = [];
  /** Runs `call` now if the recorder is there, else when it comes; `early` meanwhile. */
  const record = <T>(call: (recorder: Recorder) => T, early: T): T => {
    if (recorder) return call(recorder);
    waiting.push(call);
    return early;
  };

  // When the kept referral runs out: the snapshot is refreshed once that time passes.
  let referralExpiry: number | null = null;
  const store = createStore<VouchState>(
    () => {
      referralExpiry = kept.expiresAt();
      return {
        site,
        identity: identity.identity(),
        consent: storage.consent(),
        referral: referral(),
        pending: recorder?.pending() ?? 0,
      };
    },
    (error) => platform.warn(`[vouch] a subscriber threw: ${String(error)}`),
  );

  const api = createApi({
    platform,
    endpoint,
    site,
    config,
    identity: identity.identity,
    visitor: identity.visitor,
    referral,
    storage,
    emitter,
  });
  const client: VouchClient = {
    ...emitter,
    ...api,
    ...createDismissals(storage, platform.now),
    identify(input) {
      identity.identify(input);
      store.refresh();
    },
    reset() {
      identity.reset();
      store.refresh();
    },
    consent(granted) {
      if (typeof granted !== 'boolean') throw new TypeError('[vouch] consent: expected a boolean');
      if (granted) storage.grant();
      else {
        storage.revoke();
        // The old visitor id was persisted under the consent now withdrawn: start anew.
        identity.rotateVisitor();
      }
      store.refresh();
    },
    page: () => record((r) => r.page(), null),
    captureReferral: () => record((r) => r.captureReferral(), null),
    nps: deferNps(record, platform.randomId),
    referral,
    conversion: (input) => record((r) => r.conversion(input), undefined),
    flush: () =>
      recorder
        ? recorder.flush()
        : new Promise((done) => waiting.push((r) => r.flush().then(done))),
    getSnapshot() {
      if (referralExpiry !== null && platform.now() >= referralExpiry) store.refresh();
      return store.get();
    },
    subscribe: store.subscribe,
    destroy() {
      destroyed = true;
      recorder?.destroy();
      api.destroy();
      store.clear();
    },
  };

  return {
    client,
    attach(create) {
      if (recorder || destroyed) return;
      const onChange = () => store.refresh();
      const parts = { site, endpoint, platform, storage, identity, emitter, attribution, onChange };
      const created = create(parts);
      recorder = created;
      for (const call of waiting.splice(0)) {
        try {
          call(created);
        } catch (error) {
          // A conversion whose input was bad: it would have thrown when made.
          emitter.emit('error', {
            message: error instanceof Error ? error.message : String(error),
            error,
          });
        }
      }
      store.refresh();
    },
  };
}
