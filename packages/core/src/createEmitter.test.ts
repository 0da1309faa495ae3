import { describe, expect, expectTypeOf, it } from 'vitest';
import { createEmitter } from './createEmitter.js';
import type { VouchEventMap } from './VouchEventMap.js';

describe('createEmitter', () => {
  it('delivers payloads to handlers of that name until unsubscribed', () => {
    const emitter = createEmitter<VouchEventMap>();
    const seen: string[] = [];
    const off = emitter.on('referral:copied', (payload) => seen.push(payload.code));
    emitter.on('share', (payload) => seen.push(`share:${payload.channel}`));
    emitter.emit('referral:copied', {
      code: 'abc12345',
      link: 'https://shop.example/?ref=abc12345',
    });
    emitter.emit('share', { channel: 'x', url: 'https://shop.example/' });
    off();
    off();
    emitter.emit('referral:copied', { code: 'zzzz9999', link: 'https://shop.example/' });
    expect(seen).toEqual(['abc12345', 'share:x']);
  });

  it('off removes one handler and leaves the others', () => {
    const emitter = createEmitter<VouchEventMap>();
    const seen: number[] = [];
    const first = () => seen.push(1);
    emitter.on('nps:shown', first);
    emitter.on('nps:shown', () => seen.push(2));
    emitter.off('nps:shown', first);
    emitter.emit('nps:shown', { id: 'n1' });
    expect(seen).toEqual([2]);
  });

  it('isolates a throwing handler: the others run and onError hears about it', () => {
    const errors: Array<[unknown, string]> = [];
    const emitter = createEmitter<VouchEventMap>({
      onError: (error, name) => errors.push([error, name]),
    });
    const seen: string[] = [];
    const boom = new Error('host page bug');
    emitter.on('conversion', () => {
      throw boom;
    });
    emitter.on('conversion', (payload) => seen.push(payload.orderId));
    emitter.emit('conversion', { orderId: 'o-1', status: 'none', ref: null, verified: false });
    expect(seen).toEqual(['o-1']);
    expect(errors).toEqual([[boom, 'conversion']]);
  });

  it('lets a handler unsubscribe itself while the event is delivered', () => {
    const emitter = createEmitter<VouchEventMap>();
    const seen: string[] = [];
    const off = emitter.on('error', () => {
      seen.push('once');
      off();
    });
    emitter.on('error', () => seen.push('always'));
    emitter.emit('error', { message: 'x' });
    emitter.emit('error', { message: 'y' });
    expect(seen).toEqual(['once', 'always', 'always']);
  });

  it('types names and payloads', () => {
    const emitter = createEmitter<VouchEventMap>();
    expectTypeOf(emitter.emit).parameter(0).toEqualTypeOf<keyof VouchEventMap>();
    // @ts-expect-error an unknown event name is a type error
    emitter.on('nps:unknown', () => {});
    // @ts-expect-error a payload of the wrong shape is a type error
    emitter.emit('share', { channel: 1 });
  });
});
