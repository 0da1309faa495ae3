import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { VouchDatabase } from '../db/openDatabase.js';
import { type CreatedSite, createSite } from '../sites/createSite.js';
import { findSiteByPublicKey } from '../sites/findSiteByPublicKey.js';
import { describeDatabases } from '../testing/describeDatabases.js';
import { referralProgramFixture } from '../testing/referralProgramFixture.js';
import { runCliCaptured } from '../testing/runCliCaptured.js';

describeDatabases('vouch-server sites update, coupons, referral-program', (harness) => {
  let database: VouchDatabase;
  let created: CreatedSite;
  let dir: string;
  beforeAll(async () => {
    database = await harness.open();
    created = await createSite(database, { name: 'Soap', origins: ['https://soap.example'] });
    dir = mkdtempSync(join(tmpdir(), 'vouch-cli-files-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the command in-process on this file's database, in `dir`. */
  const cli = (...argv: string[]) =>
    runCliCaptured(
      argv,
      harness.options.url
        ? { DATABASE_URL: harness.options.url }
        : { VOUCH_DB: harness.options.file },
      dir,
    );
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return name;
  };
  const site = () => ['--site', created.publicKey];

  it('sites update changes only the settings given', async () => {
    const result = await cli(
      'sites',
      'update',
      ...site(),
      '--identity-verification',
      'on',
      '--attribution-days',
      '14',
      '--add-origin',
      'https://Shop.example/',
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('identity verification  on');
    expect(result.stdout).toContain(
      'origins                https://shop.example https://soap.example',
    );
    const stored = await findSiteByPublicKey(database, created.publicKey);
    expect(stored).toMatchObject({
      name: 'Soap',
      identityVerification: true,
      attributionDays: 14,
      attribution: 'last',
      origins: ['https://shop.example', 'https://soap.example'],
    });
    const off = await cli('sites', 'update', ...site(), '--identity-verification', 'off', '--json');
    expect(JSON.parse(off.stdout)).toMatchObject({
      identityVerification: false,
      attributionDays: 14,
    });
    expect(off.stdout).not.toMatch(/sk_|secret/i);
  });

  it('sites update sets the NPS rules, or turns the prompt off', async () => {
    const on = await cli('sites', 'update', ...site(), '--nps-rules', '{"delayMs":5000}');
    expect(on).toMatchObject({ code: 0, stderr: '' });
    expect(on.stdout).toContain('NPS prompt             on {"delayMs":5000}');
    expect(await findSiteByPublicKey(database, created.publicKey)).toMatchObject({
      npsRules: { delayMs: 5000 },
    });
    const defaults = await cli('sites', 'update', ...site(), '--nps-rules', '{}', '--json');
    expect(JSON.parse(defaults.stdout)).toMatchObject({ npsRules: {} });
    const off = await cli('sites', 'update', ...site(), '--nps-rules', 'off');
    expect(off.stdout).toContain('NPS prompt             off');
    expect((await findSiteByPublicKey(database, created.publicKey))?.npsRules).toBeNull();
  });

  it('sites update exits 2 naming the flag', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--identity-verification', 'on'], /--site is required/],
      [
        ['--site', 'pk_nosuchsite0000000000000', '--locale', 'de'],
        /--site "pk_nosuch\w+": no site/,
      ],
      [site(), /say what to change/],
      [
        [...site(), '--identity-verification', 'yes'],
        /--identity-verification must be on or off, not "yes"/,
      ],
      [[...site(), '--attribution-days', 'ten'], /--attribution-days must be a whole number/],
      [[...site(), '--attribution-days', '0'], /--attribution-days: Too small/],
      [[...site(), '--attribution', 'middle'], /--attribution: /],
      [
        [...site(), '--add-origin', 'shop.example'],
        /--add-origin "shop.example": must be an origin/,
      ],
      [[...site(), '--theme', 'accent=red'], /--theme must be a JSON object/],
      [[...site(), '--nps-rules', 'on'], /--nps-rules must be a JSON object .*, or off/],
      [
        [...site(), '--nps-rules', '{"sampleRate":2}'],
        /--nps-rules sampleRate: must be from 0 to 1/,
      ],
      [[...site(), '--nps-rules', '{"delay":1}'], /--nps-rules: .*"delay"/],
    ];
    for (const [args, message] of cases) {
      const result = await cli('sites', 'update', ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
  });

  it('coupons import reports bad lines by number, imports the good ones, and exits 1', async () => {
    const file = write('friends.csv', 'code\nFR-001\nFR-002\nbad code\nFR-001\n');
    const result = await cli('coupons', 'import', ...site(), '--pool', 'friends', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'Imported 2 codes into pool "friends" (now 2: 0 issued, 2 left).',
        'Skipped 1 invalid and 1 duplicate lines:',
        '  line 4  "bad code"  invalid: must be 3–64 letters, digits, - or _',
        '  line 5  "FR-001"  duplicate: repeats line 2',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe(
      'vouch-server: 1 invalid line in friends.csv; fix and import again\n',
    );
  });

  it('coupons import of the same file again imports nothing and succeeds', async () => {
    const file = write('again.csv', 'FR-001\nFR-003\n');
    const result = await cli('coupons', 'import', '--pool', 'friends', ...site(), file, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      pool: 'friends',
      imported: 1,
      duplicates: 1,
      total: 3,
      problems: [{ line: 1, code: 'FR-001', message: 'is already in this pool' }],
    });
  });

  it('coupons import refuses what it cannot import, importing nothing', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [[...site(), 'friends.csv'], 2, /--pool is required/],
      [[...site(), '--pool', 'friends'], 2, /say which FILE/],
      [[...site(), '--pool', 'friends', 'missing.csv'], 2, /cannot read missing.csv: ENOENT/],
      [[...site(), '--pool', 'Friends', 'friends.csv'], 2, /--pool "Friends": must be 1–40/],
      [[...site(), '--pool', 'friends', 'friends.csv', 'x.csv'], 2, /unexpected argument "x.csv"/],
      [
        [...site(), '--pool', 'friends', write('two.csv', 'A-100,1\nA-101,2\n')],
        1,
        /nothing imported from two.csv: line 1: 2 columns and no header/,
      ],
      [
        [...site(), '--pool', 'friends', write('empty.csv', '\n\n')],
        1,
        /nothing imported from empty.csv: the file has no codes/,
      ],
    ];
    for (const [args, code, message] of cases) {
      const result = await cli('coupons', 'import', ...args);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
    const list = await cli('coupons', 'list', ...site());
    expect(list.stdout).toBe('friends  total 3  issued 0  left 3\n');
  });

  it('coupons list shows every pool, or how to make one', async () => {
    write('ref.csv', 'REF-1\nREF-2\n');
    await cli('coupons', 'import', ...site(), '--pool', 'referrer', 'ref.csv');
    const json = await cli('coupons', 'list', ...site(), '--json');
    expect(JSON.parse(json.stdout)).toEqual({
      pools: [
        { pool: 'friends', total: 3, issued: 0, left: 3 },
        { pool: 'referrer', total: 2, issued: 0, left: 2 },
      ],
    });
    const other = await createSite(database, { name: 'Empty', origins: [] });
    const none = await cli('coupons', 'list', '--site', other.publicKey);
    expect(none.stdout).toMatch(/^No coupon pools yet/);
  });

  it('referral-program set stores a program and prints its warnings; get prints it back', async () => {
    const program = referralProgramFixture({
      friendOffer: { value: { kind: 'percent', percent: 10 }, coupon: { pool: 'newcomers' } },
    });
    const file = write('program.json', JSON.stringify(program));
    const set = await cli('referral-program', 'set', ...site(), '--file', file);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Saved the referral program (on).');
    expect(set.stdout).toContain(
      'Warnings:\n  friendOffer.coupon.pool: pool "newcomers" has no coupons yet',
    );
    const get = await cli('referral-program', 'get', ...site());
    expect(JSON.parse(get.stdout)).toEqual(program);
    expect(get.stderr).toContain('friendOffer.coupon.pool');
    const json = await cli('referral-program', 'get', ...site(), '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      program,
      warnings: [{ path: 'friendOffer.coupon.pool' }],
    });
    const roundTrip = await cli(
      'referral-program',
      'set',
      ...site(),
      '--file',
      write('back.json', get.stdout),
    );
    expect(roundTrip.code).toBe(0);
  });

  it('referral-program set names every bad field and stores nothing', async () => {
    const before = (await cli('referral-program', 'get', ...site())).stdout;
    const bad = write(
      'bad.json',
      JSON.stringify({ ...referralProgramFixture(), holdDays: -1, currency: 'XYZ' }),
    );
    const cases: Array<[string[], RegExp]> = [
      [
        ['--file', bad],
        /--file bad.json is not a valid program:\n {2}currency: .*\n {2}holdDays: /,
      ],
      [['--file', write('broken.json', '{"enabled": tru')], /--file broken.json: not JSON/],
      [['--file', 'nowhere.json'], /--file nowhere.json: cannot read it \(ENOENT\)/],
      [[], /--file is required/],
    ];
    for (const [args, message] of cases) {
      const result = await cli('referral-program', 'set', ...site(), ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect((await cli('referral-program', 'get', ...site())).stdout).toBe(before);
    const none = await createSite(database, { name: 'None', origins: [] });
    const empty = await cli('referral-program', 'get', '--site', none.publicKey);
    expect(empty).toMatchObject({ code: 0, stdout: '' });
    expect(empty.stderr).toMatch(/^No referral program yet/);
  });

  it('prints the new commands in its usage and refuses unknown actions', async () => {
    const help = await cli('--help');
    for (const line of [
      'vouch-server sites update --site PUBLIC_KEY',
      'vouch-server coupons import --site PUBLIC_KEY --pool NAME FILE',
      'vouch-server coupons list --site PUBLIC_KEY',
      'vouch-server referral-program set --site PUBLIC_KEY --file program.json',
      'vouch-server referral-program get --site PUBLIC_KEY',
    ]) {
      expect(help.stdout).toContain(line);
    }
    expect((await cli('coupons', 'delete')).stderr).toMatch(/coupons: unknown action "delete"/);
    expect((await cli('referral-program')).stderr).toMatch(/referral-program: say set or get/);
  });
});
