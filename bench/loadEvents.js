// The client side of the events benchmark, run as its own process so that it can be
// pinned to the core the server does not use. Argument: the JSON line eventsServer.js
// printed, plus { connections, warmup, duration } in seconds and `crowd` (see
// measureThroughput.js). Prints one JSON line.
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';

const { url, publicKey, origin, connections, warmup, duration, crowd } = JSON.parse(
  process.argv[2] ?? '{}',
);

// Every request carries a new event id: a repeated id is acknowledged without a write,
// which would flatter the numbers. Here ids follow one another, which keeps a B-tree's
// inserts in a few pages; a crowd's are random, as browsers make them, and 64 clients
// send them through a proxy.
const CLIENTS = 64;
const prefix = randomBytes(6).toString('base64url');
let sequence = 0;
const nextId = crowd
  ? () => randomBytes(16).toString('base64url')
  : () => `${prefix}-${sequence.toString(36)}`;
function body() {
  sequence += 1;
  return JSON.stringify({
    site: publicKey,
    events: [
      {
        id: nextId(),
        type: 'page',
        at: new Date().toISOString(),
        url: `${origin}/products/oat-and-honey/`,
      },
    ],
  });
}

/** @param {number} seconds */
function run(seconds) {
  return autocannon({
    url: `${url}/v1/events`,
    method: 'POST',
    connections,
    duration: seconds,
    // What the browser client sends: a CORS-simple request from the shop's origin.
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: body(),
          ...(crowd && {
            headers: { ...request.headers, 'x-forwarded-for': `10.0.0.${sequence % CLIENTS}` },
          }),
        }),
      },
    ],
  });
}

if (warmup > 0) await run(warmup);
const result = await run(duration);
process.stdout.write(
  `${JSON.stringify({
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
  })}\n`,
);
