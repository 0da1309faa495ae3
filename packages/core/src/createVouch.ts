import { type Api, createApi } from './api/createApi.js';
import { clipUrl } from './clipUrl.js';
import { createConversions } from './conversions/createConversions.js';
import { type ConsentState, createConsentStorage } from './createConsentStorage.js';
import { createDismissals, type Dismissals } from './createDismissals.js';
import { createEmitter, type Emitter } from './createEmitter.js';
import { createIdentity } from './createIdentity.js';
import { createReferralTracker } from './createReferralTracker.js';
import { createStore } from './createStore.js';
import { createTransport, type EventInput } from './createTransport.js';
import { pageEvent } from './pageEvent.js';
import type { ConversionInput } from './schemas/conversions.js';
import type { VouchEvent } from './schemas/events.js';
import type { Identity } from './schemas/identity.js';
import type { VouchEventMap } from './VouchEventMap.js';
import { resolveVouchOptions, type VouchOptions } from './vouchOptions.js';

/** What a vouch client knows, as `getSnapshot()` returns it. */
export interface VouchState {
  site: string;
  identity: Identity | null;
  consent: ConsentState;
  /** The referral code credited by a later conversion, while inside its window. */
  referral: string | null;
  /** Events and conversions waiting for the server's acknowledgement. */
  pending: number;
}

/** The client behind the script tag, for developers who build their own UI. */
export interface VouchClient extends Emitter<VouchEventMap>, Api, Dismissals {
  /** Names the customer; later events carry their id. Throws a `TypeError` naming a bad field. */
  identify(identity: Identity): void;
  /** Forgets the customer (logout) and starts a new anonymous visitor. */
  reset(): void;
  /** Records the shopper's storage consent (persisted once granted; wiped when withdrawn). */
  consent(granted: boolean): void;
  /** Records a `page` event for the current page; returns it, or null if it could not be. */
  page(): VouchEvent | null;
  /** Keeps a `?ref=CODE` landing for attribution and reports it once per code; returns the code. */
  captureReferral(): string | null;
  /** The attributed referral code still inside its window, or null. */
  referral(): string | null;
  /**
   * Records a purchase (on the thank-you page): validated at once (a `TypeError` names
   * each bad field), then kept until the server acknowledges its `orderId`, with the kept
   * referral, the visitor, the identified customer and the landing's referring site.
   * The same order again sends nothing. Emits `conversion` with the server's answer.
   */
  conversion(input: ConversionInput): void;
  /** Sends pending events now; resolves when they are acknowledged or a request failed. */
  flush(): Promise<void>;
  getSnapshot(): VouchState;
  subscribe(listener: () => void): () => void;
  /** Stops timers and listeners. Pending events stay queued for the next page. */
  destroy(): void;
}

/**
 * Creates a vouch client. Options are validated: a bad one throws a `TypeError` naming
 * the field. Nothing is sent or stored until a method asks for it.
 */
export function createVouch(options: VouchOptions): VouchClient {
  const { site, endpoint, platform, consentRequired, config, ...attribution } =
    resolveVouchOptions(options);
  const storage = createConsentStorage({
    storage: platform.storage,
    namespace: `vouch:${site}:`,
    consentRequired,
    onFallback: () => platform.warn('[vouch] storage is unavailable; keeping data in memory'),
  });
  const emitter = createEmitter<VouchEventMap>({
    onError: (error, name) => platform.warn(`[vouch] a "${name}" handler threw: ${String(error)}`),
  });
  const identity = createIdentity(storage, platform);
  const referrals = createReferralTracker(storage, platform, attribution);
  const onError = (error: Error & { code?: string | undefined }, orderId?: string) =>
    emitter.emit('error', {
      message: orderId ? `conversion "${orderId}" was refused: ${error.message}` : error.message,
      ...(error.code && { code: error.code }),
      error,
    });
  const onChange = () => store.refresh();
  const transport = createTransport({ site, endpoint, platform, storage, onError, onChange });
  const conversions = createConversions({
    site,
    endpoint,
    platform,
    storage,
    onError,
    onChange,
    onResult: (result) => emitter.emit('conversion', result),
    context() {
      const kept = referrals.current();
      return {
        ref: kept?.code,
        referrerDomain: kept?.domain,
        visitor: identity.visitor(),
        customer: identity.identity() ?? undefined,
      };
    },
  });
  const api = createApi({
    platform,
    endpoint,
    site,
    config,
    identity: identity.identity,
    visitor: identity.visitor,
    referral: () => referrals.current()?.code ?? null,
  });
  // When the kept referral runs out: the snapshot is refreshed once that time passes.
  let referralExpiry: number | null = null;
  const store = createStore<VouchState>(
    () => {
      referralExpiry = referrals.expiresAt();
      return {
        site,
        identity: identity.identity(),
        consent: storage.consent(),
        referral: referrals.current()?.code ?? null,
        pending: transport.pending() + conversions.pending(),
      };
    },
    (error) => platform.warn(`[vouch] a subscriber threw: ${String(error)}`),
  );

  const track = (input: EventInput) => {
    try {
      const customer = identity.identity()?.id;
      return transport.send({
        ...input,
        visitor: identity.visitor(),
        ...(customer && { customer }),
      });
    } catch (error) {
      emitter.emit('error', {
        message: error instanceof Error ? error.message : String(error),
        error,
      });
      return null;
    }
  };

  return {
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
    page: () => track(pageEvent(platform)),
    captureReferral() {
      const url = platform.location();
      const captured = referrals.capture(url, platform.referrer());
      if (!captured) return null;
      if (captured.isNewLanding) track({ type: 'landing', url: clipUrl(url), ref: captured.code });
      store.refresh();
      return captured.code;
    },
    referral: () => referrals.current()?.code ?? null,
    conversion(input) {
      conversions.record(input);
      store.refresh();
    },
    async flush() {
      await Promise.all([transport.flush(), conversions.flush()]);
      store.refresh();
    },
    getSnapshot() {
      if (referralExpiry !== null && platform.now() >= referralExpiry) store.refresh();
      return store.get();
    },
    subscribe: store.subscribe,
    destroy() {
      transport.destroy();
      conversions.destroy();
      store.clear();
    },
  };
}
