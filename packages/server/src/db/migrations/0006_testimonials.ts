import type { Kysely, Migration } from 'kysely';

/**
 * Testimonials, one per site and id (the submission's idempotency id). Each carries its
 * moderation status, the author's consent (the version of the text they agreed to and
 * when), what the server found out about it (verified buyer, incentivized, spam
 * reasons), the merchant's reply, and the SHA-256 of the token that lets the author
 * withdraw it. The indexes serve the public reads (approved, newest or highest first,
 * per product), the admin list by status and the duplicate-text check.
 */
export const testimonials: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('testimonials')
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      // `pending`, `approved`, `rejected` or `hidden`.
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('rating', 'integer', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      // SHA-256 of the body lowercased with its white space collapsed: duplicate text.
      .addColumn('body_hash', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('product', 'text')
      .addColumn('order_id', 'text')
      .addColumn('photo_url', 'text')
      .addColumn('consent_version', 'text')
      .addColumn('consented_at', 'text', (c) => c.notNull())
      .addColumn('customer', 'text')
      .addColumn('visitor', 'text')
      .addColumn('url', 'text')
      // 0 or 1.
      .addColumn('verified_buyer', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('incentivized', 'integer', (c) => c.notNull().defaultTo(0))
      // JSON array of spam reasons; `[]` when none.
      .addColumn('spam_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('reject_reason', 'text')
      .addColumn('reply_body', 'text')
      .addColumn('replied_at', 'text')
      .addColumn('withdraw_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('testimonials_pk', ['site_id', 'id'])
      .execute();
    await db.schema
      .createIndex('testimonials_status_created')
      .on('testimonials')
      .columns(['site_id', 'status', 'created_at', 'id'])
      .execute();
    await db.schema
      .createIndex('testimonials_product_created')
      .on('testimonials')
      .columns(['site_id', 'product', 'status', 'created_at', 'id'])
      .execute();
    await db.schema
      .createIndex('testimonials_body_hash')
      .on('testimonials')
      .columns(['site_id', 'body_hash', 'created_at'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('testimonials').execute();
  },
};
