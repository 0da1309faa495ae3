import { beforeAll, expect, it } from 'vitest';
import type { VouchDatabase } from '../db/openDatabase.js';
import { createSite } from '../sites/createSite.js';
import { findSiteByPublicKey } from '../sites/findSiteByPublicKey.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { referralProgramFixture } from '../testing/referralProgramFixture.js';
import { loadReferralProgram } from './loadReferralProgram.js';

describeDatabases('loadReferralProgram', (harness) => {
  let database: VouchDatabase;
  beforeAll(async () => {
    database = await harness.open();
  });

  async function siteWith(stored: string | null) {
    const { site, publicKey } = await createSite(database, { name: 'Program', origins: [] });
    await database.db
      .updateTable('sites')
      .set({ referral_program: stored })
      .where('id', '=', site.id)
      .execute();
    return { siteId: site.id, publicKey };
  }

  it('answers the stored program when it is on, from the database or a transaction', async () => {
    const program = referralProgramFixture();
    const { siteId, publicKey } = await siteWith(JSON.stringify(program));
    expect(await loadReferralProgram(database, siteId)).toEqual(program);
    expect(await loadReferralProgram(database.db, siteId)).toEqual(program);
    await database.db.transaction().execute(async (trx) => {
      expect(await loadReferralProgram(trx, siteId)).toEqual(program);
    });
    expect((await findSiteByPublicKey(database, publicKey))?.referralProgram).toEqual(program);
  });

  it('answers null for no program, a program turned off, an unreadable one, or no site', async () => {
    const off = referralProgramFixture({ enabled: false });
    for (const stored of [null, JSON.stringify(off), '{"enabled":true}', 'not json']) {
      const { siteId } = await siteWith(stored);
      expect(await loadReferralProgram(database, siteId), String(stored)).toBeNull();
    }
    const { publicKey } = await siteWith(JSON.stringify(off));
    expect((await findSiteByPublicKey(database, publicKey))?.referralProgram).toEqual(off);
    expect(await loadReferralProgram(database, 'site_missing')).toBeNull();
  });
});
