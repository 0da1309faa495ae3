import { beforeAll, expect, it } from 'vitest';
import type { VouchDatabase } from '../db/openDatabase.js';
import { recordNpsAnswer } from '../nps/recordNpsAnswer.js';
import { type CreatedSite, createSite } from '../sites/createSite.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { runCliCaptured } from '../testing/runCliCaptured.js';

describeDatabases('vouch-server nps', (harness) => {
  let database: VouchDatabase;
  let created: CreatedSite;
  beforeAll(async () => {
    database = await harness.open();
    created = await createSite(database, { name: 'Soap', origins: ['https://soap.example'] });
    const answers: Array<[string, number, string?]> = [
      ['2030-03-04T10:00:00Z', 10],
      ['2030-03-05T10:00:00Z', 9, '+1 would buy again'],
      ['2030-03-12T10:00:00Z', 2, 'Leaked'],
    ];
    for (const [index, [at, score, comment]] of answers.entries()) {
      await recordNpsAnswer(
        database.db,
        created.site.id,
        { id: `prompt-cli-${index}`, score, at, ...(comment ? { comment } : {}) },
        Date.parse(at),
      );
    }
  });

  const cli = (...argv: string[]) =>
    runCliCaptured(
      argv,
      harness.options.url
        ? { DATABASE_URL: harness.options.url }
        : { VOUCH_DB: harness.options.file },
      process.cwd(),
    );
  const site = () => ['--site', created.publicKey];

  it('nps stats prints each week with its margin', async () => {
    // All: 2 promoters, 1 detractor of 3: NPS 33.3; adjusted Wald margin 68.0.
    // Week of 03-04: 2 promoters: 100 ± 64.4; week of 03-11: 1 detractor: −100 ± 73.5.
    const result = await cli('nps', 'stats', ...site(), '--interval', 'week');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'all  NPS 33.3 ± 68  answers 3 (2 promoters, 0 passives, 1 detractors)  shown 0  dismissed 0',
      '2030-03-04  NPS 100 ± 64.4  answers 2 (2 promoters, 0 passives, 0 detractors)  shown 0  dismissed 0',
      '2030-03-11  NPS -100 ± 73.5  answers 1 (0 promoters, 0 passives, 1 detractors)  shown 0  dismissed 0',
      'scores 0–10: 0 0 1 0 0 0 0 0 0 1 1',
      '',
    ]);
    const json = JSON.parse((await cli('nps', 'stats', ...site(), '--json')).stdout);
    expect(json.summary).toMatchObject({ nps: 33.3, marginOfError: 68, total: 3 });
  });

  it('nps export prints CSV with formulas defused', async () => {
    const result = await cli('nps', 'export', ...site(), '--category', 'promoter');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      'id,at,score,category,comment,contact,email,customer,visitor,url\r\n' +
        "prompt-cli-1,2030-03-05T10:00:00.000Z,9,promoter,'+1 would buy again,false,,,,\r\n" +
        'prompt-cli-0,2030-03-04T10:00:00.000Z,10,promoter,,false,,,,\r\n',
    );
  });

  it('names a bad flag', async () => {
    const tz = await cli('nps', 'stats', ...site(), '--tz', 'Nowhere/Land');
    expect(tz.code).toBe(2);
    expect(tz.stderr).toMatch(/nps stats: --tz: must be an IANA time zone/);
    const category = await cli('nps', 'export', ...site(), '--category', 'fan');
    expect(category.code).toBe(2);
    expect(category.stderr).toMatch(/nps export: --category: /);
    expect((await cli('nps')).stderr).toMatch(/nps: say stats or export/);
  });
});
