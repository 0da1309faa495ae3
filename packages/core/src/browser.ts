/// <reference lib="dom" />

import type { Platform, PlatformStorage } from './platform.js';
import { randomId } from './randomId.js';

/**
 * `localStorage` behind the {@link PlatformStorage} shape, or `null` when it cannot be
 * used. Merely reading `window.localStorage` throws in sandboxed iframes and with
 * cookies blocked, and Safari's private mode used to throw on the first write, so a
 * probe write decides.
 */
function openLocalStorage(): PlatformStorage | null {
  try {
    const store = window.localStorage;
    const probe = 'vouch:probe';
    store.setItem(probe, '1');
    store.removeItem(probe);
    return {
      get: (key) => store.getItem(key),
      set: (key, value) => store.setItem(key, value),
      remove: (key) => store.removeItem(key),
      keys: () => {
        const keys: string[] = [];
        for (let i = 0; i < store.length; i++) {
          const key = store.key(i);
          if (key !== null) keys.push(key);
        }
        return keys;
      },
    };
  } catch {
    return null;
  }
}

/**
 * The {@link Platform} of a web page. This is the only module of `@vouch/core` that
 * touches browser globals, and only when called, never at import.
 */
export function createBrowserPlatform(): Platform {
  const beacon =
    typeof navigator.sendBeacon === 'function'
      ? (url: string, body: string) => {
          // A string body goes out as text/plain;charset=UTF-8: a CORS-simple request.
          try {
            return navigator.sendBeacon(url, body);
          } catch {
            return false;
          }
        }
      : null;

  return {
    fetch: (input, init) => fetch(input, init),
    storage: openLocalStorage(),
    location: () => location.href,
    referrer: () => document.referrer,
    title: () => document.title,
    now: () => Date.now(),
    random: () => Math.random(),
    // getRandomValues, unlike randomUUID, also works on plain-http pages.
    randomId: () => randomId((bytes) => crypto.getRandomValues(bytes)),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    onPageHide(listener) {
      // Unloading fires both pagehide and visibilitychange (in either order, depending
      // on the browser); a tab switch fires only the latter. Report each hide once.
      let hidden = false;
      const hide = () => {
        if (hidden) return;
        hidden = true;
        listener();
      };
      const onVisibility = () => {
        if (document.visibilityState === 'hidden') hide();
        else hidden = false;
      };
      const onShow = () => {
        hidden = false;
      };
      window.addEventListener('pagehide', hide);
      window.addEventListener('pageshow', onShow);
      document.addEventListener('visibilitychange', onVisibility);
      return () => {
        window.removeEventListener('pagehide', hide);
        window.removeEventListener('pageshow', onShow);
        document.removeEventListener('visibilitychange', onVisibility);
      };
    },
    onOnline(listener) {
      window.addEventListener('online', listener);
      return () => window.removeEventListener('online', listener);
    },
    sendBeacon: beacon,
    warn: (message) => console.warn(message),
  };
}
