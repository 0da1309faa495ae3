import type { Kysely, Migration } from 'kysely';

/**
 * Sharing: the site's share program (JSON text, null until the merchant sets one), the
 * shares shoppers made, friends' visits through shared links and the rewards sharing
 * earned. The guarantees money depends on are held by the database: one share per id,
 * one counted visit per code and browser, one share reward per customer and campaign.
 */
export const sharing: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('sites').addColumn('share_program', 'text').execute();

    await db.schema
      .createTable('shares')
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      // The client's idempotency id.
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('visitor', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('set null'))
      // The sharer's referral code when they had one: the code their link carries.
      .addColumn('code', 'text')
      .addColumn('url', 'text')
      .addColumn('campaign', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('shares_pk', ['site_id', 'id'])
      .execute();
    await db.schema
      .createIndex('shares_created')
      .on('shares')
      .columns(['site_id', 'created_at'])
      .execute();
    // "Is this browser one the code's owner shared from?"
    await db.schema
      .createIndex('shares_visitor')
      .on('shares')
      .columns(['site_id', 'visitor'])
      .execute();

    // A friend's first visit through a shared link: counted once per code and browser.
    await db.schema
      .createTable('share_visits')
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('visitor', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('share_visits_pk', ['site_id', 'code', 'visitor'])
      .execute();
    await db.schema
      .createIndex('share_visits_created')
      .on('share_visits')
      .columns(['site_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('share_rewards')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('customer_id', 'text', (c) =>
        c.notNull().references('customers.id').onDelete('cascade'),
      )
      .addColumn('campaign', 'text', (c) => c.notNull())
      // `visit` or `share`: what earned it.
      .addColumn('trigger', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      // JSON RewardValue, and the coupon source to issue from (null: store credit).
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('coupon_source', 'text')
      .addColumn('coupon', 'text')
      // approved, or pending while its coupon pool is empty
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      // Once per customer and campaign, however many friends visit at once.
      .addUniqueConstraint('share_rewards_once', ['site_id', 'customer_id', 'campaign'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('share_rewards').execute();
    await db.schema.dropTable('share_visits').execute();
    await db.schema.dropTable('shares').execute();
    await db.schema.alterTable('sites').dropColumn('share_program').execute();
  },
};
