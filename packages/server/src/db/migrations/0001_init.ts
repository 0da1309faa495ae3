import type { Kysely, Migration } from 'kysely';

/** Sites, their allowed origins, events, and rate-limit counters. */
export const init: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('public_key', 'text', (c) => c.notNull().unique())
      .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
      .addColumn('consent_required', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('attribution_days', 'integer', (c) => c.notNull().defaultTo(30))
      .addColumn('attribution', 'text', (c) => c.notNull().defaultTo('last'))
      .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
      .addColumn('theme', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('site_origins')
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('origin', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('site_origins_pk', ['site_id', 'origin'])
      .execute();
    // A preflight carries no key: it asks whether the origin belongs to any site.
    await db.schema
      .createIndex('site_origins_origin')
      .on('site_origins')
      .column('origin')
      .execute();

    await db.schema
      .createTable('events')
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('visitor', 'text')
      .addColumn('customer', 'text')
      .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('events_pk', ['site_id', 'id'])
      .execute();

    await db.schema
      .createTable('rate_limits')
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_limits_pk', ['bucket', 'window_start'])
      .execute();
    // Pruning deletes by window alone.
    await db.schema
      .createIndex('rate_limits_window_start')
      .on('rate_limits')
      .column('window_start')
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('rate_limits').execute();
    await db.schema.dropTable('events').execute();
    await db.schema.dropTable('site_origins').execute();
    await db.schema.dropTable('sites').execute();
  },
};
