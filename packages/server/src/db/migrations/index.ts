import type { Migration, MigrationProvider } from 'kysely';
import { init } from './0001_init.js';
import { referralProgram } from './0002_referral_program.js';
import { referrals } from './0003_referrals.js';
import { nps } from './0004_nps.js';
import { npsRules } from './0005_nps_rules.js';
import { testimonials } from './0006_testimonials.js';
import { sharing } from './0007_sharing.js';

/**
 * Every migration, in order. Names sort as they apply; a new one is a new file
 * `NNNN_name.ts` added here, never an edit of one that has shipped.
 */
const migrations: Readonly<Record<string, Migration>> = {
  '0001_init': init,
  '0002_referral_program': referralProgram,
  '0003_referrals': referrals,
  '0004_nps': nps,
  '0005_nps_rules': npsRules,
  '0006_testimonials': testimonials,
  '0007_sharing': sharing,
};

/** Kysely's provider for the migrations compiled into this package. */
export function createMigrationProvider(): MigrationProvider {
  return { getMigrations: async () => ({ ...migrations }) };
}
