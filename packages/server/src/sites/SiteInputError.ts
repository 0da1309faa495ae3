import type { ErrorIssue } from '@vouch/core/schemas';

/** Thrown when the settings given for a site are invalid; `issues` names every bad field. */
export class SiteInputError extends Error {
  override readonly name = 'SiteInputError';
  readonly issues: ErrorIssue[];

  constructor(issues: ErrorIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
    this.issues = issues;
  }
}

/** True for a {@link SiteInputError}, also one from another copy of this package. */
export function isSiteInputError(error: unknown): error is SiteInputError {
  return error instanceof Error && error.name === 'SiteInputError';
}
