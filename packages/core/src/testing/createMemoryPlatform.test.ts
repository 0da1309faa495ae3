import { describe, expect, it } from 'vitest';
import { eventIdSchema } from '../schemas/primitives.js';
import { createMemoryPlatform } from './createMemoryPlatform.js';

describe('createMemoryPlatform', () => {
  it('fires due timers in time order when the clock advances, including timers they set', () => {
    const platform = createMemoryPlatform({ now: 1000 });
    const fired: string[] = [];
    platform.setTimeout(() => fired.push(`b@${platform.now()}`), 200);
    platform.setTimeout(() => {
      fired.push(`a@${platform.now()}`);
      platform.setTimeout(() => fired.push(`c@${platform.now()}`), 50);
    }, 100);
    const cancelled = platform.setTimeout(() => fired.push('never'), 10);
    platform.clearTimeout(cancelled);

    platform.advance(99);
    expect(fired).toEqual([]);
    platform.advance(200);
    expect(fired).toEqual(['a@1100', 'c@1150', 'b@1200']);
    expect(platform.now()).toBe(1299);
    expect(platform.timers()).toBe(0);
  });

  it('keeps storage in the map it was given, so a second platform sees a "reload"', () => {
    const data = new Map<string, string>();
    createMemoryPlatform({ storage: data }).storage?.set('k', 'v');
    const reloaded = createMemoryPlatform({ storage: data });
    expect(reloaded.storage?.get('k')).toBe('v');
    expect(reloaded.storage?.keys()).toEqual(['k']);
    expect(createMemoryPlatform({ storage: null }).storage).toBeNull();
  });

  it('gives distinct valid ids and notifies hide and online listeners until stopped', () => {
    const platform = createMemoryPlatform();
    const a = platform.randomId();
    expect(a).toHaveLength(21);
    expect(eventIdSchema.safeParse(a).success).toBe(true);
    expect(platform.randomId()).not.toBe(a);

    let hides = 0;
    let onlines = 0;
    const stopHide = platform.onPageHide(() => hides++);
    const stopOnline = platform.onOnline(() => onlines++);
    platform.hide();
    platform.goOnline();
    stopHide();
    stopOnline();
    platform.hide();
    platform.goOnline();
    expect([hides, onlines]).toEqual([1, 1]);
  });

  it('records beacons and rejects fetch by default, like an offline page', async () => {
    const platform = createMemoryPlatform();
    expect(platform.sendBeacon?.('https://api.example/v1/events', '{}')).toBe(true);
    expect(platform.beacons).toEqual([{ url: 'https://api.example/v1/events', body: '{}' }]);
    await expect(platform.fetch('https://api.example/')).rejects.toThrow(TypeError);
  });
});
