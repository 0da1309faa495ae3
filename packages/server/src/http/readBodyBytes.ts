import type { Context } from 'hono';
import { ApiError } from './ApiError.js';
import type { AppEnv } from './AppEnv.js';

/**
 * The request body's bytes, at most `limit` of them: a larger body is refused (413
 * `body_too_large`) by its declared length before anything is read, and by the bytes
 * actually received when no length is given (chunked), so an endless body never fills
 * memory.
 */
export async function readBodyBytes(c: Context<AppEnv>, limit: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new ApiError(413, 'body_too_large', `The body is larger than ${limit} bytes.`);
  const declared = c.req.header('content-length');
  if (declared !== undefined) {
    if (Number(declared) > limit) throw tooLarge();
    return new Uint8Array(await c.req.arrayBuffer());
  }
  return readLimited(c.req.raw.body, limit, tooLarge);
}

async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
