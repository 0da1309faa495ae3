import {
  type CheckIssue,
  createEmitter,
  type DeferredVouch,
  type Emitter,
  endpointCheck,
  formatIssues,
  type Platform,
  publicKeyCheck,
  type SiteBasics,
  startDeferredVouch,
  type VouchClient,
  type VouchEventMap,
  withVouchDefaults,
} from '@vouch/core';
import type { mount as mountWidget } from '../mount.js';
import { type Command, createCommands, RECORDING_COMMANDS } from './createCommands.js';
import { fetchSiteConfig, siteConfigUrl } from './fetchSiteConfig.js';
import type { EventHandler, Runtime, RuntimeHost } from './Runtime.js';
import type { startRecording } from './startRecording.js';

/** Options of {@link createRuntime}. */
export interface RuntimeOptions {
  host: RuntimeHost;
  /** The environment of the core client; the script tag passes the browser platform. */
  platform: Platform;
  /**
   * Imports the recording code (`./startRecording.js`: page views, landings, conversions).
   * Called once the client exists; no widget waits for it.
   */
  loadRecording: () => Promise<{ startRecording: typeof startRecording }>;
  /** The mount machinery (`../mount.js`), in the runtime's own file. */
  mount: typeof mountWidget;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const NOT_STARTED = 'vouch could not start on this page';

/**
 * The runtime behind the script tag. It reads the site's settings, creates the core client
 * with them (with private defaults if they cannot be read: consent required), runs the
 * commands that were waiting, and mounts widgets; then, when the recording code it imports
 * at once has come, records the page view and any `?ref=` landing and starts the NPS
 * prompt's trigger if the site has rules. Until the client exists, commands, mounts and
 * event handlers wait here in order; a command that needs the recording code
 * (`conversion`, `nps`) also waits for it, and the commands after it with it.
 */
export function createRuntime({ host, platform, loadRecording, mount }: RuntimeOptions): Runtime {
  const commands = createCommands(host.warn);
  // The host page's handlers, kept from the start and then the client's own emitter.
  const bus = createEmitter<Record<string, unknown>>({
    onError: (error, name) =>
      platform.warn(`[vouch] a "${name}" handler threw: ${errorText(error)}`),
  });
  const queue: Array<[records: boolean, task: () => void]> = [];
  const mounts: Array<() => void> = [];
  let vouch: DeferredVouch | undefined;
  let client: VouchClient | undefined;
  let recording: Record<string, Command> | undefined;
  let loading = false;
  let settled = false;
  let config: SiteBasics | undefined;

  const guard = (command: string, task: () => void) => {
    try {
      task();
    } catch (error) {
      host.warn(command, errorText(error));
    }
  };
  // Commands run in order, once the client exists; one that records (and all after it)
  // once the recording code is here too. Without a client nothing waits for that code.
  const pump = () => {
    while (settled && queue[0] && (recording || !client || !queue[0][0])) queue.shift()?.[1]();
  };
  // Imports the recording code; a failure is reported and tried again on the next need.
  const record = () => {
    if (loading || recording || !vouch) return;
    const started = vouch;
    loading = true;
    loadRecording()
      .then(
        (module) => {
          recording = module.startRecording(started, host.warn, config?.nps);
        },
        (error) =>
          host.warn(
            'init',
            `page views and conversions did not load (${errorText(error)}); will retry`,
          ),
      )
      .finally(() => {
        loading = false;
        pump();
      });
  };

  const settle = (loaded: SiteBasics | undefined) => {
    config = loaded;
    guard('init', () => {
      // What the page gave (the loader checked only that they are strings); the rest of
      // the options are made here from checked settings, so they are not checked again.
      const issues: CheckIssue[] = [];
      publicKeyCheck(host.site, 'site', issues);
      endpointCheck(host.endpoint, 'endpoint', issues);
      if (issues.length) throw new TypeError(formatIssues(issues));
      vouch = startDeferredVouch(
        withVouchDefaults({
          site: host.site,
          endpoint: host.endpoint,
          platform,
          // The config read already gives consent and attribution (and primes
          // client.siteConfig()); without it, stay private: consent required.
          ...(loaded ? { config: loaded } : { consentRequired: true }),
        }),
        bus as unknown as Emitter<VouchEventMap>,
      );
      client = vouch.client;
    });
    settled = true;
    pump();
    const started = client;
    if (started) {
      // Kept by the client until the recording code comes, then recorded in this order.
      guard('init', () => started.captureReferral());
      guard('init', () => started.page());
      record();
    }
    for (const task of mounts.splice(0)) task();
  };
  const request =
    host.config ?? platform.fetch(siteConfigUrl(host.endpoint, host.site), { credentials: 'omit' });
  fetchSiteConfig(request).then(settle, (error) => {
    host.warn('init', `could not read the site settings (${errorText(error)}); using defaults`);
    settle(undefined);
  });

  // The loader hands `vouch('on' | 'off', …)` over unchecked.
  const listen = (method: 'on' | 'off', name: unknown, handler: unknown) =>
    typeof name === 'string' && typeof handler === 'function'
      ? void bus[method](name, handler as EventHandler)
      : host.warn(method, 'expects (name, function)');

  return {
    run(command, args) {
      const records = RECORDING_COMMANDS.includes(command);
      const run = Object.hasOwn(commands, command) ? commands[command] : undefined;
      if (!run && !records) return host.warn(command, 'unknown command');
      queue.push([
        records,
        () => {
          const now = records ? recording?.[command] : run;
          if (client && now) guard(command, () => now(client as VouchClient, args));
          else host.warn(command, NOT_STARTED);
        },
      ]);
      if (records) record();
      pump();
    },
    mount(element, widget, options) {
      let stop: (() => void) | undefined;
      let done = false;
      const start = () => {
        if (done) return;
        if (!client) return host.warn('mount', NOT_STARTED);
        const started = client;
        const failed = (error: unknown) =>
          host.warn('mount', `the "${widget.name}" widget failed: ${errorText(error)}`);
        // With `onError`, a failure (loading the widget's code, or mounting) is told, not thrown.
        stop = mount(element, widget, {
          client: started,
          options,
          theme: config?.theme ?? {},
          ...(config?.name && { siteName: config.name }),
          ...(host.nonce && { nonce: host.nonce }),
          onError: failed,
        });
      };
      if (settled) start();
      else mounts.push(start);
      return () => {
        if (done) return;
        done = true;
        guard('mount', () => stop?.());
      };
    },
    on: (name, handler) => listen('on', name, handler),
    off: (name, handler) => listen('off', name, handler),
    emit: (name, detail) => bus.emit(name, detail),
  };
}
