import type { WidgetModule, WidgetOptions } from '../WidgetModule.js';

/** An event handler of the host page, as given to `vouch('on', name, handler)`. */
export type EventHandler = (detail: unknown) => void;

/** What the loader gives the runtime chunk when it starts it. */
export interface RuntimeHost {
  /** The site's public key (`pk_…`). */
  site: string;
  /** The server's base URL without a trailing slash (`https://vouch.shop.example`). */
  endpoint: string;
  /** The nonce for `<style>` fallbacks on strict-CSP pages. */
  nonce?: string | undefined;
  /**
   * The site config request, started by the loader beside the runtime chunk so that the
   * two load in parallel. When absent the runtime makes the request itself.
   */
  config?: Promise<Response> | undefined;
  /** Logs one `[vouch] COMMAND: message` warning per distinct message and emits `error`. */
  warn(command: string, message: string): void;
}

/** The runtime chunk once started: commands, mounting and the host-page event bus. */
export interface Runtime {
  /** Runs a forwarded command (`identify`, `reset`, `consent`, `conversion`, `nps`). */
  run(command: string, args: readonly unknown[]): void;
  /** Mounts a loaded widget once the client is ready; returns the unmount. */
  mount(element: Element, widget: WidgetModule, options: WidgetOptions): () => void;
  /** Adds a host-page handler; warns `on: expects (name, function)` about anything else. */
  on(name: unknown, handler: unknown): void;
  /** Removes a host-page handler; warns `off: expects (name, function)` about anything else. */
  off(name: unknown, handler: unknown): void;
  emit(name: string, detail?: unknown): void;
}

/** The runtime chunk's exports. */
export interface RuntimeModule {
  start(host: RuntimeHost): Runtime;
}

/**
 * The chunks of the script-tag build by name (`runtime` and each widget), as the loader
 * carries them: the hashes of the entry file (`NAME-HASH.js`) and of the shared chunks it
 * imports (`shared-HASH.js`), separated by spaces, so that the loader fetches them all in
 * parallel instead of discovering them one import at a time. A widget's entry leaves the
 * runtime out: the loader fetches it anyway, beside the widget. Written this short because
 * the loader's every byte is on every page of the shop.
 */
export type ChunkManifest = Readonly<Record<string, string>>;
