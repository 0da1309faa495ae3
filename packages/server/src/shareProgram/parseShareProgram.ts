import { type ShareProgram, shareProgramSchema } from '@vouch/core/schemas';

/**
 * A program as stored in `sites.share_program`, or null when the text no longer makes a
 * valid program: an invalid program is treated as none rather than rewarding shares by
 * rules nobody can read.
 */
export function parseShareProgram(text: string): ShareProgram | null {
  try {
    const parsed = shareProgramSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
