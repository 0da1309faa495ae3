import { describe, expect, it } from 'vitest';
import {
  HttpError,
  isHttpError,
  isNetworkError,
  isTimeoutError,
  NetworkError,
  TimeoutError,
} from './transportErrors.js';

describe('transport errors', () => {
  it('carry their name, status and server details', () => {
    const error = new HttpError(429, 'slow down', { code: 'rate_limited', retryAfterMs: 2000 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'HttpError',
      status: 429,
      code: 'rate_limited',
      retryAfterMs: 2000,
    });
    expect(new TimeoutError('t').name).toBe('TimeoutError');
    expect(new NetworkError('n', { cause: 'x' }).cause).toBe('x');
  });

  it('guards by name, so errors from another copy of the package are recognised', () => {
    const foreign = Object.assign(new Error('from another bundle'), {
      name: 'HttpError',
      status: 500,
    });
    expect(isHttpError(foreign)).toBe(true);
    expect(isHttpError(new HttpError(400, 'x'))).toBe(true);
    expect(isTimeoutError(new TimeoutError('x'))).toBe(true);
    expect(isNetworkError(new NetworkError('x'))).toBe(true);
    expect(isHttpError(new TimeoutError('x'))).toBe(false);
    expect(isNetworkError(null)).toBe(false);
    expect(isTimeoutError('TimeoutError')).toBe(false);
  });
});
