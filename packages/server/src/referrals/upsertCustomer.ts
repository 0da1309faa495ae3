import { normalizeEmail } from '@vouch/core';
import type { Identity } from '@vouch/core/schemas';
import type { Kysely, Selectable } from 'kysely';
import type { CustomersTable, VouchTables } from '../db/schema.js';
import { randomBase62 } from '../sites/randomBase62.js';

export type CustomerRow = Selectable<CustomersTable>;

/**
 * The site's customer with the merchant's id `identity.id`, created on first sight;
 * a given `email` or `name` replaces the one kept (the latest identify wins), and one
 * not given keeps it. `visitor`, when given, is remembered as a browser the customer
 * uses (the same-browser self-referral rule). One statement, safe under concurrency.
 */
export async function upsertCustomer(
  db: Kysely<VouchTables>,
  siteId: string,
  identity: Pick<Identity, 'id' | 'email' | 'name'>,
  visitor: string | undefined,
  at: string,
): Promise<CustomerRow> {
  const email = identity.email ?? null;
  const customer = await db
    .insertInto('customers')
    .values({
      id: `cus_${randomBase62(20)}`,
      site_id: siteId,
      merchant_id: identity.id,
      email,
      email_normalized: email === null ? null : normalizeEmail(email),
      name: identity.name ?? null,
      first_visitor: visitor ?? null,
      created_at: at,
    })
    .onConflict((oc) =>
      oc.columns(['site_id', 'merchant_id']).doUpdateSet((eb) => ({
        email: eb.fn.coalesce('excluded.email', 'customers.email'),
        email_normalized: eb.fn.coalesce('excluded.email_normalized', 'customers.email_normalized'),
        name: eb.fn.coalesce('excluded.name', 'customers.name'),
        first_visitor: eb.fn.coalesce('customers.first_visitor', 'excluded.first_visitor'),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  if (visitor) await rememberVisitor(db, customer, visitor, at);
  return customer;
}

/** Records that `customer` was seen on the browser `visitor` (once per pair). */
export async function rememberVisitor(
  db: Kysely<VouchTables>,
  customer: Pick<CustomerRow, 'id' | 'site_id'>,
  visitor: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('referral_visitors')
    .values({ site_id: customer.site_id, customer_id: customer.id, visitor, first_seen_at: at })
    .onConflict((oc) => oc.columns(['customer_id', 'visitor']).doNothing())
    .execute();
}
