interface Issue {
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
  readonly code?: string;
  readonly expected?: unknown;
}

/**
 * Zod issues as one readable line naming every field: `"site": must be a public site
 * key (pk_…); "attributionDays": expected number`. zod/mini ships no messages (it says
 * "Invalid input"), so the generic ones are replaced by what was expected.
 */
export function formatIssues(issues: ReadonlyArray<Issue>): string {
  return issues
    .map((issue) => {
      const field = issue.path.length ? issue.path.map(String).join('.') : '(root)';
      let message = issue.message;
      if (message === 'Invalid input') {
        if (issue.code === 'invalid_type') message = `expected ${String(issue.expected)}`;
        else if (issue.code === 'unrecognized_keys') message = 'unknown field';
        else message = 'is not valid';
      }
      return `"${field}": ${message}`;
    })
    .join('; ');
}
