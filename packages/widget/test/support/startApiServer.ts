import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in for the parts of the vouch API the runtime calls, on a real local port. */
export interface ApiServer {
  /** `http://127.0.0.1:PORT`, the endpoint. */
  url: string;
  /** What `GET /v1/sites/:site/config` answers for a site: a status and a JSON body. */
  config: (site: string) => { status: number; body: unknown };
  /** Every event posted to `POST /v1/events`, in order of arrival, with its batch's `site`. */
  events: Array<Record<string, unknown>>;
  /** The events of one site. */
  eventsOf(site: string): Array<Record<string, unknown>>;
  /** Every request line seen (`GET /v1/sites/pk_…/config`). */
  requests: string[];
  close(): Promise<void>;
}

/** A valid site config for `site`. */
export function siteConfig(site: string, overrides: Record<string, unknown> = {}) {
  return {
    site,
    name: 'Test shop',
    consentRequired: false,
    attributionDays: 30,
    attribution: 'last',
    locale: 'en',
    theme: {},
    ...overrides,
  };
}

const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type, x-vouch-site',
  'access-control-allow-methods': 'GET, POST',
};

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { ...cors, 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return JSON.parse(text) as Record<string, unknown>;
}

/** Starts the server on 127.0.0.1, answering a valid config for every site. */
export async function startApiServer(): Promise<ApiServer> {
  const api: Omit<ApiServer, 'url' | 'close'> = {
    config: (site) => ({ status: 200, body: siteConfig(site) }),
    events: [],
    eventsOf: (site) => api.events.filter((event) => event.site === site),
    requests: [],
  };
  const server = createServer(async (request, response) => {
    api.requests.push(`${request.method} ${request.url}`);
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors);
      return response.end();
    }
    const config = request.url?.match(/^\/v1\/sites\/([^/]+)\/config$/);
    if (request.method === 'GET' && config?.[1]) {
      const answer = api.config(decodeURIComponent(config[1]));
      return send(response, answer.status, answer.body);
    }
    if (request.method === 'POST' && request.url === '/v1/events') {
      const batch = await readJson(request);
      const events = batch.events as Array<Record<string, unknown>>;
      api.events.push(...events.map((event) => ({ ...event, site: batch.site })));
      return send(response, 200, { received: events.length, stored: events.length });
    }
    send(response, 404, { error: { code: 'not_found', message: 'no such route' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(api, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
