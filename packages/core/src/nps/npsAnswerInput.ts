import { type Check, object, optional } from '../guards/check.js';
import { npsCommentCheck, npsScoreCheck } from '../guards/npsChecks.js';
import { booleanCheck, emailCheck, eventIdCheck } from '../guards/wireChecks.js';

/** An answer to the NPS prompt, as the widget (or a developer's own UI) gives it. */
export interface NpsAnswerInput {
  /** The prompt's id, as `nps.shown()` returned it: the answer's idempotency id. */
  id: string;
  /** 0–10. */
  score: number;
  /** The answer to the follow-up question, at most 2,000 characters (trimmed). */
  comment?: string | undefined;
  /** A detractor agreed to be contacted about their answer. */
  contact?: boolean | undefined;
  /** Where to contact them; only together with `contact`. */
  email?: string | undefined;
}

/** The fields of an {@link NpsAnswerInput}, each with its check. */
export const npsAnswerFields: { [K in keyof NpsAnswerInput]-?: Check<NpsAnswerInput[K]> } = {
  id: eventIdCheck,
  score: npsScoreCheck,
  comment: optional(npsCommentCheck),
  contact: optional(booleanCheck),
  email: optional(emailCheck),
};

/** Checks an {@link NpsAnswerInput} where it is given, so a bad field throws at once. */
export const npsAnswerInputCheck = object<NpsAnswerInput>(npsAnswerFields, true);
