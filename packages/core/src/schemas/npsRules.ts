import * as z from 'zod/mini';

// The bounds of `npsRules()` (../nps/npsRules.ts), which applies these settings in the
// page; npsRules.test.ts holds the two to the same answers. Every issue of a field
// carries that field's one message, whatever was wrong with the value.

const DAYS = 'must be 0–3650 days';
const PATTERN = 'must be 1–500 characters';

/** A number (a whole one when `whole`) from `min` to `max`. */
const range = (min: number, max: number, message: string, whole = false) =>
  (whole ? z.int : z.number)({ error: message }).check(
    z.minimum(min, message),
    z.maximum(max, message),
  );

/** Up to 50 URL patterns of 1–500 characters. */
const patterns = z
  .array(z.string({ error: PATTERN }).check(z.minLength(1, PATTERN), z.maxLength(500, PATTERN)), {
    error: 'must be a list of patterns',
  })
  .check(z.maxLength(50, 'must be up to 50 patterns'));

/**
 * When and to whom a site's NPS prompt appears (`NpsRulesInput` of `@vouch/core`), as the
 * merchant sets them: every field optional (its default applies), unknown fields refused.
 */
export const npsRulesSchema = z.strictObject({
  /** `auto` shows the prompt when the rules hold; `manual` only on `vouch('nps')`. @default 'auto' */
  trigger: z.optional(z.enum(['auto', 'manual'], { error: "must be 'auto' or 'manual'" })),
  /** Milliseconds on a page before the prompt shows. @default 10000 */
  delayMs: z.optional(range(0, 3_600_000, 'must be 0–3600000 ms')),
  /** Shown only from this page view of the visitor on. @default 2 */
  minPageViews: z.optional(range(0, 1000, 'must be a whole number 0–1000', true)),
  /** Shown only this many days after the visitor's last purchase; null: to anyone. @default null */
  afterConversionDays: z.optional(z.nullable(range(0, 3650, 'must be null or 0–3650 days'))),
  /** Pages it may show on (`/path*` or a whole URL; `*` is any run); none: every page. @default [] */
  include: z.optional(patterns),
  /** Pages it never shows on by itself (the same patterns). @default [] */
  exclude: z.optional(patterns),
  /** Share of visitors ever asked, 0–1, sticky per visitor. @default 1 */
  sampleRate: z.optional(range(0, 1, 'must be from 0 to 1')),
  /** Days before asking again someone who answered. @default 90 */
  resurveyDays: z.optional(range(0, 3650, DAYS)),
  /** Days before asking again someone who closed or ignored the prompt. @default 30 */
  dismissedDays: z.optional(range(0, 3650, DAYS)),
  /** Names the survey; a new name draws the sample anew. @default 'nps' */
  survey: z.optional(
    z
      .string({ error: 'must be 1–100 characters' })
      .check(
        z.minLength(1, 'must be 1–100 characters'),
        z.maxLength(100, 'must be 1–100 characters'),
      ),
  ),
});
