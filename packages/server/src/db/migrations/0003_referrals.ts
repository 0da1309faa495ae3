import type { Kysely, Migration } from 'kysely';

/**
 * The referral engine: customers, their referral codes, the browsers each was seen on,
 * friends' coupon claims, conversions (orders) and rewards. Uniqueness that money
 * depends on is held by the database, so it also holds with several server instances:
 * one code per customer, one conversion per order id, one reward of each kind per order.
 */
export const referrals: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      // The merchant's own id, from `identify`.
      .addColumn('merchant_id', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('email_normalized', 'text')
      .addColumn('name', 'text')
      .addColumn('first_visitor', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('customers_merchant_id', ['site_id', 'merchant_id'])
      .execute();
    await db.schema
      .createIndex('customers_email')
      .on('customers')
      .columns(['site_id', 'email_normalized'])
      .execute();

    await db.schema
      .createTable('referral_codes')
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) =>
        c.notNull().unique().references('customers.id').onDelete('cascade'),
      )
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('referral_codes_pk', ['site_id', 'code'])
      .execute();

    // Browsers a customer was seen on, for the same-browser self-referral rule.
    await db.schema
      .createTable('referral_visitors')
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('customer_id', 'text', (c) =>
        c.notNull().references('customers.id').onDelete('cascade'),
      )
      .addColumn('visitor', 'text', (c) => c.notNull())
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('referral_visitors_pk', ['customer_id', 'visitor'])
      .execute();

    // A friend's coupon claimed on a landing: when the friend arrived, and which code a
    // pool coupon used at checkout (maybe on another device) credits.
    await db.schema
      .createTable('referral_claims')
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('visitor', 'text', (c) => c.notNull())
      .addColumn('coupon', 'text', (c) => c.notNull())
      // 1 when the coupon came from a pool (one holder); a fixed code credits nobody.
      .addColumn('pooled', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('referral_claims_pk', ['site_id', 'code', 'visitor'])
      .execute();
    await db.schema
      .createIndex('referral_claims_coupon')
      .on('referral_claims')
      .columns(['site_id', 'coupon'])
      .execute();

    await db.schema
      .createTable('conversions')
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('order_id', 'text', (c) => c.notNull())
      // Minor units (cents): up to 10,000,000 in a three-decimal currency needs 64 bits.
      .addColumn('amount_minor', 'bigint', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('set null'))
      .addColumn('email', 'text')
      .addColumn('email_normalized', 'text')
      .addColumn('visitor', 'text')
      // The referral code credited (or flagged), null when the order was not referred.
      .addColumn('code', 'text')
      .addColumn('coupon', 'text')
      .addColumn('referrer_domain', 'text')
      .addColumn('verified', 'integer', (c) => c.notNull())
      // none | attributed | review | refunded
      .addColumn('status', 'text', (c) => c.notNull())
      // JSON array of fraud reason codes.
      .addColumn('reasons', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('refunded_at', 'text')
      .addPrimaryKeyConstraint('conversions_pk', ['site_id', 'order_id'])
      .execute();
    // Velocity and listings per code; newest first per site; a buyer's earlier orders.
    await db.schema
      .createIndex('conversions_code')
      .on('conversions')
      .columns(['site_id', 'code', 'created_at'])
      .execute();
    await db.schema
      .createIndex('conversions_created')
      .on('conversions')
      .columns(['site_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('conversions_customer')
      .on('conversions')
      .columns(['customer_id'])
      .execute();
    await db.schema
      .createIndex('conversions_email')
      .on('conversions')
      .columns(['site_id', 'email_normalized'])
      .execute();

    await db.schema
      .createTable('rewards')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      // Unique per order: offer | friend | milestone:N.
      .addColumn('kind', 'text', (c) => c.notNull())
      // offer | friend | milestone
      .addColumn('reason', 'text', (c) => c.notNull())
      // Who gets it: a customer, or the browser of a friend who was not identified.
      .addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('set null'))
      .addColumn('visitor', 'text')
      // JSON RewardValue, and the coupon source to issue from on approval (null: none).
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('coupon_source', 'text')
      .addColumn('coupon', 'text')
      // pending | review | approved | voided
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('approves_at', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addForeignKeyConstraint(
        'rewards_conversion',
        ['site_id', 'order_id'],
        'conversions',
        ['site_id', 'order_id'],
        (fk) => fk.onDelete('cascade'),
      )
      // One conversion never yields two rewards of one kind, however often it is posted.
      .addUniqueConstraint('rewards_order_kind', ['site_id', 'order_id', 'kind'])
      .execute();
    await db.schema
      .createIndex('rewards_due')
      .on('rewards')
      .columns(['status', 'approves_at'])
      .execute();
    await db.schema
      .createIndex('rewards_created')
      .on('rewards')
      .columns(['site_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('rewards_customer')
      .on('rewards')
      .columns(['customer_id'])
      .execute();
    await db.schema
      .createIndex('rewards_code')
      .on('rewards')
      .columns(['site_id', 'code'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('rewards').execute();
    await db.schema.dropTable('conversions').execute();
    await db.schema.dropTable('referral_claims').execute();
    await db.schema.dropTable('referral_visitors').execute();
    await db.schema.dropTable('referral_codes').execute();
    await db.schema.dropTable('customers').execute();
  },
};
