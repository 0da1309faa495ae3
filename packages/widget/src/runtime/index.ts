// The runtime chunk of the script-tag build (`widgets/runtime-HASH.js`), loaded by the
// loader when the page is idle or a widget is needed.
import { createBrowserPlatform } from '@vouch/core/browser';
import { createRuntime } from './createRuntime.js';
import type { Runtime, RuntimeHost } from './Runtime.js';

/** Starts the runtime in this page, with the browser platform. */
export function start(host: RuntimeHost): Runtime {
  return createRuntime({ host, platform: createBrowserPlatform() });
}
