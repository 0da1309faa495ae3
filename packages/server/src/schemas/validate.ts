import { type ErrorIssue, toErrorIssues } from '@vouch/core/schemas';
import * as z from 'zod/mini';

// The shared schemas use zod/mini, which carries no message texts (the browser would pay
// for them); the server adds English ones to every issue without a message of its own.
const english = z.locales.en().localeError;

/** The outcome of {@link validate}: the parsed value, or every problem with its path. */
export type Validated<T> = { success: true; data: T } | { success: false; issues: ErrorIssue[] };

/** Validates `value` with a shared schema, with readable English messages. */
export function validate<T extends z.core.$ZodType>(
  schema: T,
  value: unknown,
): Validated<z.output<T>> {
  // The error map costs a third of a successful parse, so a value is parsed without it
  // first and again with it only when there is a failure to describe.
  const quick = z.safeParse(schema, value);
  if (quick.success) return { success: true, data: quick.data };
  const result = z.safeParse(schema, value, { error: english });
  return result.success
    ? { success: true, data: result.data }
    : { success: false, issues: toErrorIssues(result.error.issues) };
}
