import type { Kysely, Migration } from 'kysely';

/**
 * NPS answers, one per site and prompt id (the answer's idempotency id), with the
 * category computed from the score when stored and a detractor's consent to be
 * contacted. Prompts shown and dismissed stay in `events`; an index by type and time
 * lets the statistics count them per period.
 */
export const nps: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('nps_answers')
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('score', 'integer', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      // 0 or 1: the respondent agreed to be contacted about the answer.
      .addColumn('contact', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('email', 'text')
      // The merchant's id for the customer, as the page identified them.
      .addColumn('customer', 'text')
      .addColumn('visitor', 'text')
      .addColumn('url', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('nps_answers_pk', ['site_id', 'id'])
      .execute();
    await db.schema
      .createIndex('nps_answers_at')
      .on('nps_answers')
      .columns(['site_id', 'at'])
      .execute();
    await db.schema
      .createIndex('events_type_at')
      .on('events')
      .columns(['site_id', 'type', 'at'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('events_type_at').execute();
    await db.schema.dropTable('nps_answers').execute();
  },
};
