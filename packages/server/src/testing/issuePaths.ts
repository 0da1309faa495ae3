import { expect } from 'vitest';

/** Expects a 400 `invalid_request` and answers the paths of its issues, sorted. */
export async function issuePaths(response: Response): Promise<string[]> {
  expect(response.status).toBe(400);
  const { error } = (await response.json()) as {
    error: { code: string; issues?: Array<{ path: string }> };
  };
  expect(error.code).toBe('invalid_request');
  return (error.issues ?? []).map((issue) => issue.path).sort();
}
