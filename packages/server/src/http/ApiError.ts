import type { ErrorIssue } from '@vouch/core/schemas';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * An error the API answers as it is: `{ error: { code, message, issues? } }` with its
 * status and headers. Anything else thrown becomes a 500 with a generic message.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly issues: ErrorIssue[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    extra: { issues?: ErrorIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = extra.issues;
    this.headers = extra.headers ?? {};
  }
}
