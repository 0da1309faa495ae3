// @vitest-environment happy-dom
// The one module allowed to touch browser globals is tested in a DOM environment; all
// other core tests run in plain Node, which proves they need none.
import { afterEach, describe, expect, it } from 'vitest';
import { createBrowserPlatform } from './browser.js';

afterEach(() => {
  window.localStorage.clear();
});

describe('createBrowserPlatform', () => {
  it('reads the page through the globals, only when asked', () => {
    document.title = 'Lather & Leaf';
    const platform = createBrowserPlatform();
    expect(platform.location()).toBe(window.location.href);
    expect(platform.title()).toBe('Lather & Leaf');
    expect(typeof platform.referrer()).toBe('string');
    expect(Math.abs(platform.now() - Date.now())).toBeLessThan(1000);
    const r = platform.random();
    expect(r >= 0 && r < 1).toBe(true);
  });

  it('stores through localStorage and lists its keys', () => {
    const platform = createBrowserPlatform();
    platform.storage?.set('vouch:k', '1');
    expect(window.localStorage.getItem('vouch:k')).toBe('1');
    expect(platform.storage?.keys()).toContain('vouch:k');
    platform.storage?.remove('vouch:k');
    expect(platform.storage?.get('vouch:k')).toBeNull();
    // The probe write leaves nothing behind.
    expect(window.localStorage.getItem('vouch:probe')).toBeNull();
  });

  it('gives null storage when localStorage throws (private mode, sandboxed iframe)', () => {
    const original = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      expect(createBrowserPlatform().storage).toBeNull();
    } finally {
      if (original) Object.defineProperty(window, 'localStorage', original);
    }
  });

  it('makes 21-character URL-safe ids that do not repeat', () => {
    const platform = createBrowserPlatform();
    const ids = new Set(Array.from({ length: 1000 }, () => platform.randomId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/);
  });

  it('reports a page hide once even when pagehide and visibilitychange both fire', () => {
    const platform = createBrowserPlatform();
    let hides = 0;
    const stop = platform.onPageHide(() => hides++);
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(new Event('pagehide'));
    expect(hides).toBe(1);
    window.dispatchEvent(new Event('pageshow'));
    window.dispatchEvent(new Event('pagehide'));
    expect(hides).toBe(2);
    stop();
    window.dispatchEvent(new Event('pageshow'));
    window.dispatchEvent(new Event('pagehide'));
    expect(hides).toBe(2);
  });

  it('calls the online listener until stopped', () => {
    const platform = createBrowserPlatform();
    let onlines = 0;
    const stop = platform.onOnline(() => onlines++);
    window.dispatchEvent(new Event('online'));
    stop();
    window.dispatchEvent(new Event('online'));
    expect(onlines).toBe(1);
  });

  it('fires and cancels timers', async () => {
    const platform = createBrowserPlatform();
    const fired: string[] = [];
    const cancelled = platform.setTimeout(() => fired.push('cancelled'), 5);
    platform.clearTimeout(cancelled);
    await new Promise<void>((resolve) => platform.setTimeout(resolve, 20));
    expect(fired).toEqual([]);
  });
});
