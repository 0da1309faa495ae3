import { text } from './check.js';
import { ANY } from './wireChecks.js';

// Apart from ./eventChecks.ts because the answers' checks need it too: a bundle splits
// by module, so reading an answer does not bring the event checks along.

const ISO_DATE =
  '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))';
const ISO_TIME = new RegExp(
  `^${ISO_DATE}T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$`,
);

/** Twin of `isoTimeSchema`. */
export const isoTimeCheck = text(0, ANY, 'must be an ISO date-time', ISO_TIME);
