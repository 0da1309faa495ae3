import type { NpsRequest, NpsResult } from '../schemas/nps.js';
import { type Check, num, object, oneOf, optional, text } from './check.js';
import { isoTimeCheck } from './isoTimeCheck.js';
import {
  ANY,
  booleanCheck,
  customerIdCheck,
  emailCheck,
  eventIdCheck,
  httpUrlCheck,
  publicKeyCheck,
} from './wireChecks.js';

// Twins of the NPS schemas (../schemas/nps.ts), for the code that sends an answer.
// wireChecks.test.ts holds each to its schema. Nothing here imports zod, not even a
// constant: the schema module would come along into the page.

/** `MAX_NPS_COMMENT` of the schemas; the tests hold the two equal. */
const MAX_COMMENT = 2000;

/** Twin of `npsScoreSchema`. */
export const npsScoreCheck = num(0, 10, true, 'must be an integer from 0 to 10');

/** Twin of `npsCommentSchema`: the limit counts the trimmed text, as the server does. */
export const npsCommentCheck = text(
  0,
  ANY,
  `must be at most ${MAX_COMMENT} characters`,
  (value) => value.trim().length <= MAX_COMMENT,
);

/** Twin of `npsCategorySchema`. */
export const npsCategoryCheck = oneOf(
  ['detractor', 'passive', 'promoter'],
  'must be one of "detractor", "passive", "promoter"',
);

const npsRequestFields = object<NpsRequest>(
  {
    id: eventIdCheck,
    score: npsScoreCheck,
    comment: optional(npsCommentCheck),
    customer: optional(customerIdCheck),
    site: optional(publicKeyCheck),
    visitor: optional(eventIdCheck),
    at: isoTimeCheck,
    url: optional(httpUrlCheck),
    contact: optional(booleanCheck),
    email: optional(emailCheck),
  },
  true,
);

/** Twin of `npsRequestSchema`, with its rule that `email` comes only with `contact: true`. */
export const npsRequestCheck: Check<NpsRequest> = (value, path, issues) => {
  npsRequestFields(value, path, issues);
  if (typeof value !== 'object' || value === null) return;
  const { email, contact } = value as Partial<NpsRequest>;
  if (email !== undefined && contact !== true) {
    issues.push({
      path: path ? `${path}.email` : 'email',
      message: 'is accepted only together with "contact": true',
    });
  }
};

/** Twin of `npsResultSchema`. */
export const npsResultCheck = object<NpsResult>(
  { id: eventIdCheck, category: npsCategoryCheck, stored: booleanCheck },
  false,
);
