import { Hono } from 'hono';
import { expect, it } from 'vitest';
import { startServer } from './startServer.js';

it('listens on a free port, says where, and stops', async () => {
  const app = new Hono().get('/', (c) => c.text('hi'));
  const server = await startServer({ app, port: 0, hostname: '127.0.0.1' });
  expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  expect(server.port).toBeGreaterThan(0);
  expect(await (await fetch(server.url)).text()).toBe('hi');
  await server.close();
  await expect(fetch(server.url)).rejects.toThrow();
});

it('rejects when the port is taken', async () => {
  const app = new Hono();
  const first = await startServer({ app, port: 0, hostname: '127.0.0.1' });
  try {
    await expect(startServer({ app, port: first.port, hostname: '127.0.0.1' })).rejects.toThrow(
      /EADDRINUSE/,
    );
  } finally {
    await first.close();
  }
});

it('names localhost when listening on every interface', async () => {
  const server = await startServer({ app: new Hono(), port: 0 });
  try {
    expect(server.url).toBe(`http://localhost:${server.port}`);
  } finally {
    await server.close();
  }
});
