// The runtime chunk of the script-tag build (`widgets/runtime-HASH.js`), loaded by the
// loader when the page is idle or a widget is needed. What it imports here lazily stays
// out of it: the recording code (its own chunk, imported once the client exists). The
// mount machinery and the widgets' DOM kit are in it: every widget needs them, and one
// file compresses better than two.
import { createBrowserPlatform } from '@vouch/core/browser';
import { mount } from '../mount.js';
import { createRuntime } from './createRuntime.js';
import type { Runtime, RuntimeHost } from './Runtime.js';

/** Starts the runtime in this page, with the browser platform. */
export function start(host: RuntimeHost): Runtime {
  return createRuntime({
    host,
    platform: createBrowserPlatform(),
    loadRecording: () => import('./startRecording.js'),
    mount,
  });
}
