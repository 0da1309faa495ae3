import { type ReferralProgram, referralProgramSchema } from '@vouch/core/schemas';

/**
 * A program as stored in `sites.referral_program`, or null when the text no longer
 * makes a valid program (a hand-edited row, a schema that moved on): an invalid program
 * is treated as none rather than paying rewards by rules nobody can read.
 */
export function parseReferralProgram(text: string): ReferralProgram | null {
  try {
    const parsed = referralProgramSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
