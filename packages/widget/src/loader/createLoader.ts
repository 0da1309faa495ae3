import type { ChunkManifest, Runtime, RuntimeModule } from '../runtime/Runtime.js';
import type { WidgetModule, WidgetOptions } from '../WidgetModule.js';
import { createChunkLoader } from './createChunkLoader.js';
import { defineMountElements } from './defineMountElements.js';
import { observeMounts } from './observeMounts.js';
import { datasetOptions } from './readOptions.js';
import { readScriptSettings } from './readScriptSettings.js';
import { scheduleIdle } from './scheduleIdle.js';

/** `window.vouch` once the loader runs: runs each command at once, never throws. */
export interface VouchFunction {
  (command: string, ...args: unknown[]): unknown;
  /** Set on the installed function: a second copy of the loader then does nothing. */
  loaded: true;
}

/** Options of {@link createLoader}. */
export interface LoaderOptions {
  /** The window to install `vouch` into. @default window */
  window?: Window & typeof globalThis;
  /** Chunk hashes per name (`runtime` and each widget), written in at build time. */
  manifest: ChunkManifest;
  /** Loads an ES module by URL. The script tag passes `(url) => import(url)`. */
  importModule: (url: string) => Promise<unknown>;
  /** The loader's own `<script>` element. @default document.currentScript */
  script?: Element | null;
}

/** A `ref` query parameter, in any case, as core's `readReferral` reads it. */
const LANDING = /[?&]ref=[^&]/i;
const FORWARDED = ['identify', 'reset', 'consent', 'conversion', 'nps'];
const NO_SITE = 'no site key: set data-site or call vouch("init", { site })';
const errorText = (error: unknown) => String((error as Error | null)?.message ?? error);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * Installs the script-tag loader into a window: replays the queued `vouch(...)` calls in
 * order, then makes `window.vouch` run commands at once; mounts `data-vouch` elements and
 * `<vouch-NAME>` elements, now and later; loads the runtime chunk when the page is idle,
 * or at once when a mount or command needs it. Idempotent: if the window already has a
 * loaded `vouch`, that one is returned and nothing else happens.
 */
export function createLoader(options: LoaderOptions): VouchFunction {
  const win = options.window ?? window;
  const slot = win as unknown as { vouch?: { q?: ArrayLike<unknown>[]; loaded?: true } };
  const existing = slot.vouch;
  if (existing?.loaded) return existing as VouchFunction;
  const doc = win.document;
  const settings = readScriptSettings(
    options.script === undefined ? doc.currentScript : options.script,
  );
  const { manifest } = options;
  // The widgets this server has: every one its build made.
  const names = Object.keys(manifest).filter((name) => name !== 'runtime');
  const warned = new Set<string>();
  const mounted = new WeakMap<Element, () => void>();
  // Calls for the runtime, in order: commands, handlers, and events raised before it came.
  const pending: Array<(runtime: Runtime) => void> = [];
  let runtime: Promise<Runtime> | undefined;
  let ready: Runtime | undefined;
  let scheduled = false;

  /** The one way anything goes wrong here: a warning once per message, an event each time. */
  const warn = (command: string, message: string) => {
    try {
      const text = `[vouch] ${command}: ${message}`;
      if (!warned.has(text)) win.console.warn(text);
      warned.add(text);
      later((started) => started.emit('error', { message, command }));
    } catch {}
  };
  const later = (task: (runtime: Runtime) => void) => (ready ? task(ready) : pending.push(task));
  const guard = (command: string, task: () => unknown) => {
    try {
      return task();
    } catch (error) {
      warn(command, errorText(error));
    }
  };
  const load = createChunkLoader(
    manifest,
    options.importModule,
    () => `${settings.endpoint}/v1/widgets/`,
  );

  const startRuntime = (): Promise<Runtime> => {
    const { site, endpoint, nonce } = settings;
    if (!site) return Promise.reject(new Error(NO_SITE));
    if (!runtime) {
      // The site's settings load beside the runtime chunk: neither waits for the other.
      const config = win.fetch(`${endpoint}/v1/sites/${encodeURIComponent(site)}/config`, {
        credentials: 'omit',
      });
      config.catch(() => {});
      const starting = load('runtime').then((module) => {
        const started = (module as RuntimeModule).start({ site, endpoint, nonce, warn, config });
        ready = started;
        for (const task of pending.splice(0)) task(started);
        return started;
      });
      starting.catch(() => {
        if (runtime === starting) runtime = undefined;
      });
      runtime = starting;
    }
    return runtime;
  };
  const need = (command: string) =>
    startRuntime().catch((error) => warn(command, `${errorText(error)}; will retry`));
  // Page views need the runtime on every page, but only once idle. A referral landing
  // starts it at once: a shopper who clicks on quickly would otherwise take the code away.
  const schedule = () => {
    if (scheduled || !settings.site) return;
    scheduled = true;
    if (LANDING.test(win.location.search)) need('init');
    else scheduleIdle(win, () => need('init'));
  };

  /** Mounts by name, replacing a widget already there; never throws. */
  const mountWidget = (element: Element, name: string, widgetOptions: WidgetOptions) => {
    let stop: (() => void) | undefined;
    let done = false;
    const forget = () => mounted.get(element) === unmount && mounted.delete(element);
    const unmount = () => {
      if (done) return;
      done = true;
      forget();
      guard('mount', () => stop?.());
    };
    guard('mount', () => {
      mounted.get(element)?.();
      if (!names.includes(name)) {
        return warn('mount', `unknown widget "${name}"; expected one of ${names.join(', ')}`);
      }
      mounted.set(element, unmount);
      Promise.all([startRuntime(), load(name)])
        .then(([started, module]) => {
          if (!done)
            stop = started.mount(
              element,
              (module as { default: WidgetModule }).default,
              widgetOptions,
            );
        })
        .catch((error) => {
          if (done) return;
          forget();
          warn('mount', `"${name}" did not load (${errorText(error)}); will retry`);
        });
    });
    return unmount;
  };

  // Checked by the runtime (it warns about a bad pair), which keeps this file small.
  const listen = (method: 'on' | 'off') => (name: unknown, handler: unknown) =>
    later((started) => started[method](name, handler));
  const commands: Record<string, (...args: unknown[]) => unknown> = {
    init(value) {
      const { site, endpoint } = isObject(value) ? value : {};
      if (!isObject(value) || [site, endpoint].some((v) => v != null && typeof v !== 'string')) {
        return warn('init', 'expects { site, endpoint? }');
      }
      if (runtime) {
        if (site && site !== settings.site) warn('init', 'already started with another site');
        return;
      }
      if (typeof site === 'string') settings.site = site;
      if (typeof endpoint === 'string') settings.endpoint = endpoint.replace(/\/+$/, '');
      schedule();
    },
    on: listen('on'),
    off: listen('off'),
    mount(target, name, widgetOptions) {
      const element = typeof target === 'string' ? doc.querySelector(target) : target;
      if ((element as Node | null)?.nodeType !== 1) return warn('mount', 'no such element');
      if (widgetOptions !== undefined && !isObject(widgetOptions))
        return warn('mount', 'options must be an object');
      return mountWidget(element as Element, String(name), widgetOptions ?? {});
    },
  };
  for (const command of FORWARDED) {
    commands[command] = (...args) => {
      later((started) => started.run(command, args));
      if (ready) return;
      if (!settings.site) warn(command, NO_SITE);
      else if (command === 'nps' || command === 'conversion') need(command);
    };
  }

  const run = (command?: unknown, ...args: unknown[]): unknown => {
    const name = typeof command === 'string' ? command : typeof command;
    return guard(name, () =>
      typeof command === 'string' && Object.hasOwn(commands, command)
        ? commands[command]?.(...args)
        : warn(name, `unknown command; expected one of ${Object.keys(commands).join(', ')}`),
    );
  };
  const vouch = run as VouchFunction;
  vouch.loaded = true;
  const queue = Array.isArray(existing?.q) ? existing.q : [];
  slot.vouch = vouch;
  for (const args of queue) run(...Array.from(args));

  guard('mount', () => {
    defineMountElements(win, names, mountWidget);
    observeMounts(
      win,
      (element) =>
        mounted.has(element) ||
        mountWidget(element, element.dataset.vouch ?? '', datasetOptions(element)),
      (element) => mounted.get(element)?.(),
    );
  });
  schedule();
  return vouch;
}
