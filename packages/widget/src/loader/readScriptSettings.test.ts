import { describe, expect, it } from 'vitest';
import { readScriptSettings } from './readScriptSettings.js';

function script(attributes: Record<string, string>): HTMLScriptElement {
  const element = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

describe('readScriptSettings', () => {
  it('takes the endpoint from the origin of its own src, and the site key', () => {
    expect(
      readScriptSettings(
        script({ src: 'https://vouch.shop.example/v1/vouch.js?v=2', 'data-site': 'pk_x' }),
      ),
    ).toEqual({ site: 'pk_x', endpoint: 'https://vouch.shop.example', nonce: undefined });
  });

  it('resolves a relative src against the page', () => {
    expect(readScriptSettings(script({ src: '/v1/vouch.js' })).endpoint).toBe(location.origin);
  });

  it('lets data-endpoint override the origin, without a trailing slash', () => {
    const settings = readScriptSettings(
      script({
        src: 'https://cdn.example/vouch.js',
        'data-endpoint': 'https://api.example/vouch/',
      }),
    );
    expect(settings.endpoint).toBe('https://api.example/vouch');
  });

  it('reads the nonce from data-nonce, else from the script itself', () => {
    expect(readScriptSettings(script({ 'data-nonce': 'abc' })).nonce).toBe('abc');
    const nonced = script({ src: '/v1/vouch.js' });
    nonced.nonce = 'from-csp';
    expect(readScriptSettings(nonced).nonce).toBe('from-csp');
  });

  it('works without a script element', () => {
    expect(readScriptSettings(null)).toEqual({ site: undefined, endpoint: '', nonce: undefined });
  });
});
