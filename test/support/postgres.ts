import type { TestProject } from 'vitest/node';
import { startPostgres } from './startPostgres.js';

declare module 'vitest' {
  interface ProvidedContext {
    /** An admin URL of a PostgreSQL server for tests, or '' when none is available. */
    postgresUrl: string;
  }
}

/**
 * Gives the server and end-to-end suites a real PostgreSQL: the one named by
 * VOUCH_TEST_DATABASE_URL, or else a throwaway cluster started from the machine's
 * PostgreSQL programs for the length of the run (`startPostgres`, shared with the
 * benchmark command).
 */
export default async function setup(project: TestProject) {
  const given = process.env.VOUCH_TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return;
  }
  const cluster = await startPostgres();
  if (!cluster) {
    if (process.env.VOUCH_REQUIRE_ALL_SUITES) {
      throw new Error(
        'PostgreSQL not found, and every suite is required: apt-get install -y postgresql, or set VOUCH_TEST_DATABASE_URL',
      );
    }
    project.provide('postgresUrl', '');
    return;
  }
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
