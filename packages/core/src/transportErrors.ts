import type { ErrorIssue } from './schemas/errors.js';

/** Details of an {@link HttpError}, as the server's error body gave them. */
export interface HttpErrorDetails {
  /** The server's error code (`rate_limited`, `invalid_request`, …), if it sent one. */
  code?: string;
  /** The fields the server found wrong. */
  issues?: ErrorIssue[];
  /** How long the server asked us to wait (`Retry-After`), in ms. */
  retryAfterMs?: number;
}

/** The server answered, but not with a success (or with a success we cannot read). */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  readonly code: string | undefined;
  readonly issues: ErrorIssue[] | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(status: number, message: string, details: HttpErrorDetails = {}) {
    super(message);
    this.status = status;
    this.code = details.code;
    this.issues = details.issues;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** The server did not answer in time; the request was aborted. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/** The request never reached the server (offline, DNS, CORS, connection reset). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

// The guards test the name, not the class, so that they still work when a page ends
// up with two copies of this module (two bundles, two versions).
const hasName = (error: unknown, name: string) =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;

/** Whether `error` is an {@link HttpError} (from any copy of this package). */
export const isHttpError = (error: unknown): error is HttpError => hasName(error, 'HttpError');

/** Whether `error` is a {@link TimeoutError} (from any copy of this package). */
export const isTimeoutError = (error: unknown): error is TimeoutError =>
  hasName(error, 'TimeoutError');

/** Whether `error` is a {@link NetworkError} (from any copy of this package). */
export const isNetworkError = (error: unknown): error is NetworkError =>
  hasName(error, 'NetworkError');
