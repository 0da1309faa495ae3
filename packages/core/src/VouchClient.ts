import type { Api } from './api/createApi.js';
import type { ConsentState } from './createConsentStorage.js';
import type { Dismissals } from './createDismissals.js';
import type { Emitter } from './createEmitter.js';
import type { VouchNps } from './nps/deferNps.js';
import type { ConversionInput } from './schemas/conversions.js';
import type { VouchEvent } from './schemas/events.js';
import type { Identity } from './schemas/identity.js';
import type { VouchEventMap } from './VouchEventMap.js';

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
  /** The NPS prompt's rules and records (see {@link VouchNps}). */
  nps: VouchNps;
  /** Sends pending events now; resolves when they are acknowledged or a request failed. */
  flush(): Promise<void>;
  getSnapshot(): VouchState;
  subscribe(listener: () => void): () => void;
  /** Stops timers and listeners. Pending events stay queued for the next page. */
  destroy(): void;
}
