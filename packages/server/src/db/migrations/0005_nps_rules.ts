import type { Kysely, Migration } from 'kysely';

/**
 * A site's NPS rules: JSON text, null when the page shows no NPS prompt by itself (every
 * site until its merchant turns the prompt on).
 */
export const npsRules: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('sites').addColumn('nps_rules', 'text').execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('sites').dropColumn('nps_rules').execute();
  },
};
