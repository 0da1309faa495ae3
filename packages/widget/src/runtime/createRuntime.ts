import { createVouch, type Platform, type SiteConfig, type VouchClient } from '@vouch/core';
import { mount } from '../mount.js';
import { createCommands } from './createCommands.js';
import { createEmitter } from './createEmitter.js';
import { fetchSiteConfig, siteConfigUrl } from './fetchSiteConfig.js';
import type { EventHandler, Runtime, RuntimeHost } from './Runtime.js';

/** Options of {@link createRuntime}. */
export interface RuntimeOptions {
  host: RuntimeHost;
  /** The environment of the core client; the script tag passes the browser platform. */
  platform: Platform;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The runtime behind the script tag. It reads the site's settings, creates the core client
 * with them (with private defaults if they cannot be read: consent required), runs the
 * commands that were waiting, then records the page view and any `?ref=` landing. Until
 * the client exists, commands, mounts and event handlers wait here in order.
 */
export function createRuntime({ host, platform }: RuntimeOptions): Runtime {
  const commands = createCommands(host.warn);
  const bus = createEmitter((name, error) =>
    platform.warn(`[vouch] a "${name}" handler threw: ${errorText(error)}`),
  );
  const waiting: Array<() => void> = [];
  let client: VouchClient | undefined;
  let settled = false;
  let config: SiteConfig | undefined;

  const whenSettled = (task: () => void) => (settled ? task() : waiting.push(task));
  const guard = (command: string, task: () => void) => {
    try {
      task();
    } catch (error) {
      host.warn(command, errorText(error));
    }
  };

  const settle = (loaded: SiteConfig | undefined) => {
    config = loaded;
    guard('init', () => {
      client = createVouch({
        site: host.site,
        endpoint: host.endpoint,
        platform,
        // The config read already primes client.siteConfig() and gives consent and
        // attribution; without it, stay private: consent required.
        ...(loaded ? { config: loaded } : { consentRequired: true }),
      });
    });
    settled = true;
    if (client) bus.handoff(client as unknown as Parameters<typeof bus.handoff>[0]);
    for (const task of waiting.splice(0)) task();
    const started = client;
    if (started) {
      guard('init', () => started.captureReferral());
      guard('init', () => started.page());
    }
  };
  const request =
    host.config ?? platform.fetch(siteConfigUrl(host.endpoint, host.site), { credentials: 'omit' });
  fetchSiteConfig(request).then(settle, (error) => {
    host.warn('init', `could not read the site settings (${errorText(error)}); using defaults`);
    settle(undefined);
  });

  const events = () =>
    (client ?? bus) as unknown as {
      on(name: string, handler: EventHandler): void;
      off(name: string, handler: EventHandler): void;
      emit(name: string, detail?: unknown): void;
    };

  return {
    run(command, args) {
      const run = Object.hasOwn(commands, command) ? commands[command] : undefined;
      if (!run) return host.warn(command, 'unknown command');
      whenSettled(() =>
        client
          ? guard(command, () => run(client as VouchClient, args))
          : host.warn(command, 'vouch could not start on this page'),
      );
    },
    mount(element, widget, options) {
      let stop: (() => void) | undefined;
      let done = false;
      whenSettled(() => {
        if (done) return;
        if (!client) return host.warn('mount', 'vouch could not start on this page');
        stop = mount(element, widget, {
          client,
          options,
          theme: config?.theme ?? {},
          ...(host.nonce && { nonce: host.nonce }),
          onError: (error) =>
            host.warn('mount', `the "${widget.name}" widget failed: ${errorText(error)}`),
        });
      });
      return () => {
        if (done) return;
        done = true;
        guard('mount', () => stop?.());
      };
    },
    on: (name, handler) => events().on(name, handler),
    off: (name, handler) => events().off(name, handler),
    emit: (name, detail) => events().emit(name, detail),
  };
}
