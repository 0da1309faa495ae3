import type { NpsRulesInput, VouchClient } from '@vouch/core';

/** What {@link startNpsTrigger} needs. */
export interface NpsTriggerSettings {
  client: Pick<VouchClient, 'nps'>;
  /** The site's rules; null when the site shows no prompt by itself (then only on request). */
  rules: NpsRulesInput | null;
  /** When this page view began (epoch ms). */
  startedAt: number;
  /** Puts the prompt on the page. */
  show(): void;
  /** Whether a vouch prompt (an NPS prompt, a referral banner) is on screen now. */
  onScreen(): boolean;
  /** Reports a problem (such as a bad rule), never thrown into the page. */
  warn(message: string): void;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
  now(): number;
}

/** What {@link startNpsTrigger} returns. */
export interface NpsTrigger {
  /** `vouch('nps')`: show the prompt now, if the visitor may be asked. */
  request(): void;
  /** A single-page app went to another route: a new page view, whose wait starts again. */
  routeChanged(): void;
  /** Stops: no timer is left behind. */
  stop(): void;
}

/**
 * Shows the NPS prompt when the site's rules say so (`client.nps.decide`): at once, after
 * the delay the rules leave (checked again then: another prompt may be on screen by
 * now), or not. A route change of a single-page app drops a pending prompt and decides
 * again for the new page view; `request()` asks for it now. Without rules nothing shows
 * by itself, but `?vouch_nps=1` still shows the prompt at once for the merchant's test.
 */
export function startNpsTrigger(settings: NpsTriggerSettings): NpsTrigger {
  const { client, show, warn } = settings;
  const rules: NpsRulesInput = settings.rules ?? { trigger: 'manual' };
  let startedAt = settings.startedAt;
  let timer: unknown;
  // Each decision's number: one that comes back after a newer one started is dropped.
  let latest = 0;
  let stopped = false;
  const drop = () => {
    latest++;
    settings.clearTimeout(timer);
  };
  const decide = (requested: boolean) => {
    drop();
    const run = latest;
    client.nps.decide(rules, { startedAt, requested, promptOnScreen: settings.onScreen() }).then(
      (decision) => {
        if (stopped || run !== latest) return;
        if (decision.show === 'now') show();
        else if (decision.show === 'later') {
          timer = settings.setTimeout(() => decide(false), decision.inMs);
        }
      },
      (error: unknown) => warn(error instanceof Error ? error.message : String(error)),
    );
  };
  decide(false);
  return {
    request: () => stopped || decide(true),
    routeChanged() {
      if (stopped) return;
      startedAt = settings.now();
      decide(false);
    },
    stop() {
      stopped = true;
      drop();
    },
  };
}
