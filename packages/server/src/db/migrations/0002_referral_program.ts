import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Coupon pools, and the referral settings of a site: its program (JSON text, null when
 * it has none) and whether `identify` must carry the HMAC of the customer id.
 */
export const referralProgram: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('sites').addColumn('referral_program', 'text').execute();
    await db.schema
      .alterTable('sites')
      .addColumn('identity_verification', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('coupons')
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      // A code means one thing at a shop's checkout, whichever pool it came in.
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('pool', 'text', (c) => c.notNull())
      // Codes are issued in the order they were uploaded: by upload, then line.
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      // Who holds it (chosen by the caller: a reward, a visitor's claim); null while free.
      .addColumn('issued_to', 'text')
      .addColumn('issued_at', 'text')
      .addPrimaryKeyConstraint('coupons_pk', ['site_id', 'code'])
      .execute();
    // One code per holder and pool, held by the database even if two servers race; NULLs
    // (free codes) are distinct on both engines. Also the index for "the holder's code".
    await db.schema
      .createIndex('coupons_holder')
      .on('coupons')
      .columns(['site_id', 'pool', 'issued_to'])
      .unique()
      .execute();
    // The next free code of a pool: only free codes are indexed, so taking one stays as
    // quick after the thousandth as after the first.
    await db.schema
      .createIndex('coupons_free')
      .on('coupons')
      .columns(['site_id', 'pool', 'imported_at', 'line'])
      .where(sql.ref('issued_to'), 'is', null)
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('coupons').execute();
    await db.schema.alterTable('sites').dropColumn('identity_verification').execute();
    await db.schema.alterTable('sites').dropColumn('referral_program').execute();
  },
};
