import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDatabases } from '../testing/describeDatabases.js';
import { startTestApp, type TestApp } from '../testing/startTestApp.js';

describeDatabases('script routes', (harness) => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp(await harness.open());
  });
  afterAll(() => test.close());

  it('serves the loader as JavaScript with a strong ETag, short cache and CORS *', async () => {
    const response = await test.fetch('/v1/vouch.js', {
      headers: { origin: 'https://any.example' },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(test.scripts.loader);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);

    const again = await test.fetch('/v1/vouch.js', { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const weak = await test.fetch('/v1/vouch.js', { headers: { 'if-none-match': `W/${etag}` } });
    expect(weak.status).toBe(304);
    const stale = await test.fetch('/v1/vouch.js', { headers: { 'if-none-match': '"old"' } });
    expect(stale.status).toBe(200);
  });

  it('serves widget chunks immutable, and brotli when accepted', async () => {
    const path = `/v1/widgets/${test.scripts.chunkName}`;
    const plain = await test.fetch(path, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(await plain.text()).toBe(test.scripts.chunk);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('access-control-allow-origin')).toBe('*');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toContain('Accept-Encoding');

    const br = await test.fetch(path, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    // fetch decodes it: the same script arrives.
    expect(await br.text()).toBe(test.scripts.chunk);
    expect(br.headers.get('etag')).not.toBe(plain.headers.get('etag'));
  });

  it('serves nothing outside the widgets folder, nor the compressed files by name', async () => {
    const attempts = [
      '/v1/widgets/../secret.js',
      '/v1/widgets/%2e%2e/secret.js',
      '/v1/widgets/..%2fsecret.js',
      '/v1/widgets/%2e%2e%2fsecret.js',
      '/v1/widgets/.hidden.js',
      '/v1/widgets/sub//x.js',
      '/v1/widgets/..%5csecret.js',
      `/v1/widgets/${test.scripts.chunkName}.br`,
      '/v1/widgets/missing.js',
      '/v1/widgets/',
    ];
    for (const path of attempts) {
      const response = await test.fetch(path);
      expect(response.status, path).toBe(404);
      const text = await response.text();
      expect(text, path).not.toContain('const secret');
      expect(text, path).not.toContain('export default');
    }
  });
});
