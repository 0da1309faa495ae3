import type { ErrorBody } from '@vouch/core/schemas';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError } from './ApiError.js';
import type { AppEnv } from './AppEnv.js';

/** Where the server reports what went wrong inside it. */
export interface Logger {
  error(message: string, error?: unknown): void;
}

/** The JSON error every failure answers with. */
export function errorResponse(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  body: ErrorBody['error'],
  headers: Readonly<Record<string, string>> = {},
): Response {
  const error: ErrorBody['error'] = { code: body.code, message: body.message };
  if (body.issues) error.issues = body.issues;
  return c.json({ error } satisfies ErrorBody, status, { ...headers });
}

/**
 * Hono's `onError`: an {@link ApiError} is answered as it is; anything else is logged
 * with its stack and answered 500 with a message that reveals nothing about the server.
 */
export function createErrorHandler(logger: Logger) {
  return (err: Error, c: Context<AppEnv>): Response => {
    if (err instanceof ApiError) {
      const body: ErrorBody['error'] = { code: err.code, message: err.message };
      if (err.issues) body.issues = err.issues;
      return errorResponse(c, err.status, body, err.headers);
    }
    if (err instanceof HTTPException && err.status < 500) {
      return errorResponse(c, err.status, { code: 'bad_request', message: err.message });
    }
    logger.error(`[vouch-server] ${c.req.method} ${c.req.path} failed`, err);
    return errorResponse(c, 500, {
      code: 'internal',
      message: 'Something went wrong on the server. It has been logged; please try again.',
    });
  };
}

/** Hono's `notFound`: a JSON 404 naming the method and path. */
export function notFound(c: Context<AppEnv>): Response {
  return errorResponse(c, 404, {
    code: 'not_found',
    message: `There is no ${c.req.method} ${c.req.path}.`,
  });
}
