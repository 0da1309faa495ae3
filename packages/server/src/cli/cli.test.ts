import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabases } from '../testing/describeDatabases.js';
import { ensureBuilt } from '../testing/ensureBuilt.js';
import { runCliCaptured } from '../testing/runCliCaptured.js';

const cli = runCliCaptured;

describe('vouch-server command line', () => {
  const env = { VOUCH_DB: ':memory:' };

  it('prints its usage for --help', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['sites', 'create', '--help']]) {
      const { code, stdout } = await cli(argv, env);
      expect(code).toBe(0);
      expect(stdout).toContain('vouch-server sites create --name NAME --origin URL');
    }
  });

  it('exits 2 with a message naming the flag for bad arguments', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /say which command/],
      [['serve'], /unknown command "serve"/],
      [['sites'], /sites: say create, list or update/],
      [['sites', 'delete'], /unknown action "delete"/],
      [['sites', 'create', '--origin', 'https://a.example'], /--name is required/],
      [['sites', 'create', '--name', 'A'], /--origin is required/],
      [['sites', 'create', '--name'], /--name needs a value/],
      [['sites', 'create', '--nmae', 'A'], /unknown option --nmae/],
      [['sites', 'create', '--name', 'A', '--origin', 'shop.example'], /--origin "shop.example"/],
      [
        ['sites', 'create', '--name', 'A', '--origin', 'https://a.example/shop'],
        /--origin "https:\/\/a.example\/shop": must be an origin/,
      ],
      [['sites', 'list', 'extra'], /unexpected argument "extra"/],
      [['start', '--port', 'eighty'], /--port must be a whole number/],
      [['start', '--port', '70000'], /--port must be a whole number/],
      [['migrate', '--force'], /unknown option --force/],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr, stdout } = await cli(argv, env);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr, argv.join(' ')).toMatch(message);
      expect(stdout).toBe('');
    }
  });

  it('says PORT when the environment gives a bad port', async () => {
    const { code, stderr } = await cli(['start'], { ...env, PORT: 'x' });
    expect(code).toBe(2);
    expect(stderr).toContain('PORT must be a whole number');
  });

  it('exits 1 with the reason when the database cannot be used', async () => {
    const { code, stderr } = await cli(['migrate'], { DATABASE_URL: 'mysql://db/shop' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^vouch-server: database url must be a postgres/);
  });
});

describeDatabases('vouch-server sites and migrate', (harness) => {
  const env = () =>
    harness.options.url
      ? { DATABASE_URL: harness.options.url }
      : { VOUCH_DB: harness.options.file };

  it('migrates, then finds nothing to do', async () => {
    const first = await cli(['migrate'], env());
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Applied 0001_init(, \w+)* to /);
    const second = await cli(['migrate'], env());
    expect(second.stdout).toMatch(/is up to date\n$/);
  });

  it('creates a site, forgiving a trailing slash, and lists it without secrets', async () => {
    const created = await cli(
      [
        'sites',
        'create',
        '--name',
        'Lather & Leaf',
        '--origin',
        'https://Soap.example/',
        '--origin',
        'http://localhost:8787',
        '--json',
      ],
      env(),
    );
    expect(created.code).toBe(0);
    const printed = JSON.parse(created.stdout);
    expect(Object.keys(printed)).toEqual(['site', 'publicKey', 'secretKey']);
    expect(printed.site.origins).toEqual(['http://localhost:8787', 'https://soap.example']);

    const text = await cli(
      ['sites', 'create', '--name', 'Text', '--origin', 'https://text.example'],
      env(),
    );
    expect(text.stdout).toMatch(/public key {2}pk_\w{24}/);
    expect(text.stdout).toMatch(/secret key {2}sk_\w{40}/);
    expect(text.stdout).toContain('shown only this once');

    const listed = await cli(['sites', 'list', '--json'], env());
    const sites = JSON.parse(listed.stdout) as Array<{ publicKey: string }>;
    expect(sites.map((s) => s.publicKey)).toContain(printed.publicKey);
    expect(listed.stdout).not.toContain(printed.secretKey);
    const plain = await cli(['sites', 'list'], env());
    expect(plain.stdout).toContain(
      `${printed.publicKey}  Lather & Leaf  http://localhost:8787 https://soap.example\n`,
    );
    expect(plain.stdout).not.toMatch(/sk_/);
  });
});

describe('vouch-server as a process', () => {
  let bin: string;
  let dir: string;
  const children: ChildProcess[] = [];
  beforeAll(() => {
    bin = ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'vouch-cli-'));
  });
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  function run(args: string[], env: Record<string, string>) {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH, ...env },
    });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      child.on('close', (code) => resolve({ code, stdout, stderr })),
    );
    const printed = (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (match) resolve(match);
        };
        child.stdout.on('data', check);
        child.on('close', () => reject(new Error(`exited before printing ${pattern}: ${stderr}`)));
      });
    return { child, exited, printed };
  }

  it('creates a site whose printed keys work against the started server', async () => {
    const env = { VOUCH_DB: join(dir, 'data', 'shop.db') };
    const created = await run(
      ['sites', 'create', '--name', 'Spawned', '--origin', 'https://spawned.example', '--json'],
      env,
    ).exited;
    expect(created.code).toBe(0);
    const { publicKey, secretKey } = JSON.parse(created.stdout) as Record<string, string>;

    const server = run(['start', '--port', '0', '--host', '127.0.0.1'], env);
    const [, url] = await server.printed(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const config = await fetch(`${url}/v1/sites/${publicKey}/config`, {
      headers: { origin: 'https://spawned.example' },
    });
    expect(config.status).toBe(200);
    expect(((await config.json()) as { name: string }).name).toBe('Spawned');
    const admin = await fetch(`${url}/v1/admin/site`, {
      headers: { authorization: `Bearer ${secretKey}` },
    });
    expect(admin.status).toBe(200);
    expect(((await admin.json()) as { publicKey: string }).publicKey).toBe(publicKey);

    server.child.kill('SIGTERM');
    const stopped = await server.exited;
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain('SIGTERM: stopping');
  });

  it('lets two processes migrate one SQLite file at the same moment', async () => {
    const env = { VOUCH_DB: join(dir, 'race.db') };
    const results = await Promise.all([run(['migrate'], env).exited, run(['migrate'], env).exited]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const applied = results.filter((r) => r.stdout.startsWith('Applied 0001_init'));
    expect(applied).toHaveLength(1);
  });

  it('exits 2 naming the flag', async () => {
    const result = await run(['sites', 'create', '--name', 'X'], {}).exited;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--origin is required');
  });
});
