import { clipUrl } from './clipUrl.js';
import { createConversions } from './conversions/createConversions.js';
import type { ConsentStorage } from './createConsentStorage.js';
import type { Emitter } from './createEmitter.js';
import type { IdentityStore } from './createIdentity.js';
import { createReferralTracker, type ReferralTrackerOptions } from './createReferralTracker.js';
import type { RetryLoop } from './createRetryLoop.js';
import { createTransport, type EventInput } from './createTransport.js';
import { type LazyNps, loadNps } from './nps/loadNps.js';
import { pageEvent } from './pageEvent.js';
import type { Platform } from './platform.js';
import type { VouchClient } from './VouchClient.js';
import type { VouchEventMap } from './VouchEventMap.js';

/** What the recording half of a client is given by the rest of it. */
export interface RecorderParts {
  site: string;
  /** The server, without a trailing slash. */
  endpoint: string;
  platform: Platform;
  storage: ConsentStorage;
  identity: IdentityStore;
  emitter: Emitter<VouchEventMap>;
  /** How referral landings are attributed. */
  attribution: ReferralTrackerOptions;
  /** Told when the client's snapshot may have changed. */
  onChange(): void;
}

/**
 * The recording half of a client: page views, referral landings and purchases, each kept
 * in storage until the server acknowledges it. The members of {@link VouchClient} of the
 * same names, and `pending()`, the number of those not acknowledged yet.
 */
export interface Recorder
  extends Pick<VouchClient, 'page' | 'captureReferral' | 'conversion' | 'flush' | 'destroy'> {
  pending(): number;
  /** The NPS prompt's calls, loaded on first use (`client.nps` waits for them). */
  nps: LazyNps;
}

/**
 * Creates the recording half of a client (see `createDeferredVouch`): the event transport
 * with its outbox, the referral landings and the conversion queue. Sending, retrying and
 * the checks of the answers load on first use.
 */
export function createRecorder(parts: RecorderParts): Recorder {
  const { site, endpoint, platform, storage, identity, emitter, onChange } = parts;
  const referrals = createReferralTracker(storage, platform, parts.attribution);
  const onError = (error: Error & { code?: string | undefined }, orderId?: string) =>
    emitter.emit('error', {
      message: orderId ? `conversion "${orderId}" was refused: ${error.message}` : error.message,
      ...(error.code && { code: error.code }),
      error,
    });
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

  const nps = loadNps({ ...parts, track });
  // A friend's visit through a shared link, on its way to the server (see sendShareVisit).
  let visit: Promise<RetryLoop | null> | undefined;

  return {
    nps,
    page: () => track(pageEvent(platform)),
    captureReferral() {
      const url = platform.location();
      const captured = referrals.capture(url, platform.referrer());
      if (!captured) return null;
      if (captured.isNewLanding) track({ type: 'landing', url: clipUrl(url), ref: captured.code });
      // A friend's visit, if the link was shared through a channel (the code that tells,
      // and reports it, loads on a referral landing only): once per page load.
      visit ||= import('./sendShareVisit.js').then(
        (module) => module.default(parts, url, captured.code),
        () => null,
      );
      onChange();
      return captured.code;
    },
    conversion(input) {
      conversions.record(input);
      nps.converted();
      onChange();
    },
    async flush() {
      await Promise.all([transport.flush(), conversions.flush(), nps.flush()]);
      onChange();
    },
    pending: () => transport.pending() + conversions.pending() + nps.pending(),
    destroy() {
      // Chained after the visit's start, so that it stops too if its code was still loading.
      void visit?.then((loop) => loop?.destroy());
      transport.destroy();
      conversions.destroy();
      nps.destroy();
    },
  };
}
