import { SHARE_LINK_CHANNELS } from '../links/shareLink.js';
import type { PublicShareProgram } from '../schemas/shareProgram.js';
import { arrayOf, type Check, nullable, object, oneOf, optional, text } from './check.js';
import { offerCheck } from './programChecks.js';
import { anyText } from './wireChecks.js';

// Twins of the share program's public schema, apart from the other checks so that a
// bundle that never reads a share program leaves them out.

/** Twin of `shareProgramChannelSchema`. */
export const shareProgramChannelCheck = oneOf(SHARE_LINK_CHANNELS, 'unknown share channel');

/** Twin of `publicShareProgramSchema`. */
export const publicShareProgramCheck = object<PublicShareProgram>(
  {
    // Any name, so that this check stays free of every network's share links: the share
    // widget shows only the channels it knows (a newer server may know more).
    channels: arrayOf(anyText) as Check<PublicShareProgram['channels']>,
    text: optional(anyText),
    rewardOn: nullable(oneOf(['visit', 'purchase', 'share'], 'unknown reward trigger')),
    incentive: nullable(offerCheck),
    campaign: text(1, 64, 'must be 1–64 letters, digits, "_" or "-"', /^[A-Za-z0-9_-]*$/),
  },
  false,
);
