import {
  conversionInputCheck,
  createRecorder,
  type DeferredVouch,
  type NpsRulesInput,
} from '@vouch/core';
import { checkArgument, type Warn } from './checkArgument.js';
import type { Command } from './createCommands.js';
import { type NpsTrigger, startNpsTrigger } from './startNpsTrigger.js';

/** A vouch prompt on screen: an NPS prompt or a referral banner, in a widget's shadow root. */
const PROMPTS = '[data-vouch-part="nps"],[data-vouch-part="banner"]';

/**
 * The NPS trigger of this page: the site's rules decide when `<vouch-nps>` is added to
 * the page (the loader mounts it); a single-page app's route change is a new page view.
 */
function pageNpsTrigger(vouch: DeferredVouch, rules: NpsRulesInput | null, warn: Warn) {
  const trigger = startNpsTrigger({
    client: vouch.client,
    rules,
    startedAt: Math.round(performance.timeOrigin),
    show: () => document.body.append(document.createElement('vouch-nps')),
    onScreen: () =>
      [...document.querySelectorAll('*')].some((element) =>
        element.shadowRoot?.querySelector(PROMPTS),
      ),
    warn: (message) => warn('nps', message),
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (timer) => clearTimeout(timer as number),
    now: Date.now,
  });
  // The Navigation API sees every same-document navigation; without it, history moves.
  const nav = (window as { navigation?: EventTarget }).navigation;
  if (nav) nav.addEventListener('navigatesuccess', trigger.routeChanged);
  else addEventListener('popstate', trigger.routeChanged);
  return trigger;
}

/**
 * Gives the client its recording half and returns the commands that need it:
 * `conversion`, and `nps` (show the prompt now, if the visitor may be asked). With the
 * site's NPS rules, or `?vouch_nps=1` in the page's URL, the prompt's trigger starts at
 * once; otherwise on the first `vouch('nps')`, so a page of a site without the prompt
 * never loads its code.
 * @param warn reports a problem with a command (one warning per message, `error` event)
 * @param npsRules the site's NPS rules; null (or absent) when the site shows no prompt by
 *   itself
 */
export function startRecording(
  vouch: DeferredVouch,
  warn: Warn,
  npsRules: NpsRulesInput | null = null,
): Record<string, Command> {
  vouch.attach(createRecorder);
  let nps: NpsTrigger | undefined;
  // `?vouch_nps=1` (core's NPS_DEBUG_PARAM), which the rules then read themselves.
  if (npsRules || /[?&]vouch_nps=1(&|$)/.test(location.search)) {
    nps = pageNpsTrigger(vouch, npsRules, warn);
  }
  return {
    conversion(client, [input]) {
      if (checkArgument(warn, 'conversion', conversionInputCheck, input)) client.conversion(input);
    },
    nps(_, args) {
      if (args.length) return warn('nps', 'expects no argument');
      nps ??= pageNpsTrigger(vouch, npsRules, warn);
      nps.request();
    },
  };
}
