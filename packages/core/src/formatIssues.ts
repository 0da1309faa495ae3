import type { CheckIssue } from './guards/check.js';

/** Issues as one readable line naming every field: `"site": must be …; "attribution": …`. */
export function formatIssues(issues: readonly CheckIssue[]): string {
  return issues.map((issue) => `"${issue.path}": ${issue.message}`).join('; ');
}
