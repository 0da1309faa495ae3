// `npm run bench`: every budget of the contract (CONTRACT §5) beside its measured value.
// The root script builds everything for production first; this file only measures.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from '../test/support/startPostgres.js';
import { formatTable, kib } from './formatTable.js';
import { layoutShiftRow, measureLayoutShift } from './measureLayoutShift.js';
import { measureThroughput } from './measureThroughput.js';
import { NPM_COMPONENTS, npmImportSize } from './npmImportSize.js';
import { scriptSizes, WIDGETS } from './scriptSizes.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scriptDir = join(root, 'packages/widget/dist/script');
const serverDist = join(root, 'packages/server/dist/index.js');
const KiB = 1024;
// Peer figures measured when the project was planned (DESIGN.md, brotli).
const FORMBRICKS_BYTES = 217 * KiB;
const REACT_SHARE_BYTES = 66 * KiB;

/** @typedef {import('./formatTable.js').BudgetRow} BudgetRow */

/**
 * A size row: measured against a limit, or "not built yet".
 * @param {string} budget @param {number | undefined} bytes @param {number} limit @param {string} [note]
 * @returns {BudgetRow}
 */
function sizeRow(budget, bytes, limit, note) {
  if (bytes === undefined) {
    return { budget, measured: 'not built yet', limit: `≤ ${kib(limit)}`, verdict: '' };
  }
  return {
    budget,
    measured: kib(bytes),
    limit: `≤ ${kib(limit)}`,
    verdict: bytes <= limit ? 'ok' : 'over',
    ...(note ? { note } : {}),
  };
}

/** @param {string} budget @param {string} limit @returns {BudgetRow} */
const notYet = (budget, limit) => ({ budget, measured: 'not measured yet', limit, verdict: '' });

/** @param {number} n */
const perSecond = (n) => `${Math.round(n).toLocaleString('en-US')}/s`;

function sizeRows() {
  const sizes = scriptSizes(scriptDir);
  const { loader, runtime } = sizes;
  const base = loader !== undefined && runtime !== undefined ? loader + runtime : undefined;
  /** @type {BudgetRow[]} */
  const rows = [
    sizeRow('loader vouch.js', loader, 2 * KiB),
    {
      budget: 'runtime chunk (client, mount machinery, DOM kit), with what it imports',
      measured: runtime === undefined ? 'not built yet' : kib(runtime),
      limit: 'counts toward the 12 KiB',
      verdict: '',
    },
    sizeRow(
      'loader + runtime, before any widget',
      base,
      12 * KiB,
      base === undefined
        ? undefined
        : `leaves ${kib(12 * KiB - base)} for the first widget (${kib(10 * KiB - base)} for nps); Formbricks loads ≈ 217 KiB, ${(FORMBRICKS_BYTES / base).toFixed(0)}× more`,
    ),
  ];
  // Before the first widget paints: the loader, the runtime (the mount machinery and the
  // DOM kit in it), the widget and every chunk they import (Preact only in a chunk of its
  // own that a widget written with Preact imports).
  rows.push(sizeRow('loader + runtime + nps prompt', sizes.firstPaint.get('nps'), 10 * KiB));
  for (const name of WIDGETS) {
    const bytes = sizes.firstPaint.get(name);
    if (name !== 'nps' && bytes !== undefined) {
      rows.push(sizeRow(`loader + runtime + ${name}, the first widget`, bytes, 12 * KiB));
    }
  }
  for (const name of WIDGETS) {
    const bytes = sizes.widgets.get(name);
    const note =
      name === 'share' && bytes !== undefined
        ? `React + react-share ≈ 66 KiB, ${(REACT_SHARE_BYTES / bytes).toFixed(0)}× more`
        : undefined;
    rows.push(sizeRow(`widget ${name}, loaded lazily`, bytes, 3 * KiB, note));
  }
  if (sizes.shared !== undefined) {
    rows.push({
      budget: 'chunks shared by widgets (copy field, controls …)',
      measured: kib(sizes.shared),
      limit: 'counts toward the first widget',
      verdict: '',
      note: 'loaded once, with the first widget of a page',
    });
  }
  /** @type {Record<string, string>} */
  const later = {
    recording: 'recording code (page views, landings, conversions)',
    api: 'API calls (a widget reads its data)',
    events: 'event sender',
    conversions: 'conversion sender',
  };
  for (const [name, bytes] of sizes.later) {
    rows.push({
      budget: `after the first paint: ${later[name] ?? name}`,
      measured: kib(bytes),
      limit: 'off the paint path',
      verdict: '',
      note: name === 'recording' ? 'every page, once the runtime runs' : 'on first use',
    });
  }
  const built = [...sizes.widgets.values()].filter((bytes) => bytes !== undefined);
  rows.push(
    sizeRow(
      'every widget together (+ loader and every other chunk)',
      sizes.all,
      25 * KiB,
      built.length ? `${built.length} of ${WIDGETS.length} widgets built` : undefined,
    ),
  );
  return rows;
}

/**
 * @param {string} name @param {number} minimum events/s
 * @param {import('./measureThroughput.js').ThroughputResult} result
 * @returns {BudgetRow[]}
 */
function throughputRows(name, minimum, result) {
  const how = `${result.pinned ? 'server on core 0, load on core 1' : 'no taskset: unpinned'}, ${result.failed} failed`;
  return [
    {
      budget: `POST /v1/events, ${name}`,
      measured: perSecond(result.eventsPerSecond),
      limit: `≥ ${perSecond(minimum)}`,
      verdict: result.eventsPerSecond >= minimum && result.failed === 0 ? 'ok' : 'over',
      note: how,
    },
    {
      budget: `POST /v1/events, ${name}, p99 latency`,
      measured: `${result.p99} ms`,
      limit: '≤ 20 ms',
      verdict: result.p99 <= 20 ? 'ok' : 'over',
      note: `median ${result.p50} ms`,
    },
  ];
}

/**
 * Not a budget: the same server and database under a crowd's load (see
 * measureThroughput.js), so that what the budget's load leaves out stays in view.
 * @param {string} name @param {import('./measureThroughput.js').ThroughputResult} crowd
 * @param {import('./measureThroughput.js').ThroughputResult} budget the budget's run
 * @returns {BudgetRow}
 */
function crowdRow(name, crowd, budget) {
  return {
    budget: `POST /v1/events, ${name}, a crowd of browsers`,
    measured: perSecond(crowd.eventsPerSecond),
    limit: 'not a budget',
    verdict: '',
    note: `random ids, 64 addresses, rate limit counted; p99 ${crowd.p99} ms, ${crowd.failed} failed; ${(crowd.eventsPerSecond / budget.eventsPerSecond).toFixed(2)}× the budget's load`,
  };
}

/** @param {string} message */
const progress = (message) => process.stderr.write(`${message}\n`);

async function main() {
  if (!existsSync(scriptDir) || !existsSync(serverDist)) {
    progress(
      'Nothing built yet: run `npm run bench` (it installs and builds first) or `npm run build`.',
    );
    process.exitCode = 1;
    return;
  }
  const warmup = Number(process.env.BENCH_WARMUP ?? 5);
  const duration = Number(process.env.BENCH_DURATION ?? 10);
  const rows = sizeRows();
  // The npm import of each component, as an app's production build ships it.
  const widgetDir = join(root, 'packages/widget');
  if (existsSync(join(widgetDir, 'dist/index.js'))) {
    for (const name of NPM_COMPONENTS) {
      const { bytes } = await npmImportSize(widgetDir, name);
      rows.push(sizeRow(`@vouch/widget npm import of ${name}, Preact excluded`, bytes, 6 * KiB));
    }
  } else rows.push(sizeRow('@vouch/widget npm import of one widget', undefined, 6 * KiB));
  const layoutShift = notYet('layout shift caused by a widget', '0.000');
  rows.push(
    notYet('requests before a widget is visible', 'scripts only, chain ≤ 2'),
    notYet('main-thread blocking at 4× CPU slowdown', '0 ms median, no task ≥ 50 ms'),
    layoutShift,
    notYet('JavaScript heap added', '≤ 256 KiB'),
    notYet('click to next paint at 4× CPU slowdown', '≤ 100 ms'),
  );

  const work = join(root, '.bench');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    progress('Measuring layout shift of the referral card in the example shop, in Chromium…');
    Object.assign(layoutShift, layoutShiftRow(await measureLayoutShift(work)));
    progress(`Measuring POST /v1/events on SQLite (${warmup} s warm-up + ${duration} s)…`);
    const sqlite = await measureThroughput({
      databaseFile: join(work, 'events.db'),
      warmup,
      duration,
    });
    rows.push(...throughputRows('SQLite', 15_000, sqlite));
    progress(`Measuring POST /v1/events on SQLite from a crowd (${warmup} s + ${duration} s)…`);
    const sqliteCrowd = await measureThroughput({
      databaseFile: join(work, 'crowd.db'),
      warmup,
      duration,
      crowd: true,
    });
    rows.push(crowdRow('SQLite', sqliteCrowd, sqlite));

    // PostgreSQL runs on the load generator's core, so the server's core stays its own.
    const postgres = await startPostgres({ parent: work, cpus: '1' });
    if (postgres) {
      /** @type {import('./measureThroughput.js').ThroughputResult} */
      let pg;
      try {
        progress(`Measuring POST /v1/events on PostgreSQL (${warmup} s warm-up + ${duration} s)…`);
        pg = await measureThroughput({ databaseUrl: postgres.url, warmup, duration });
        const pgRows = throughputRows('PostgreSQL', 12_000, pg);
        if (pgRows[0])
          pgRows[0].note += `; ${(pg.eventsPerSecond / sqlite.eventsPerSecond).toFixed(2)}× SQLite`;
        rows.push(...pgRows);
      } finally {
        postgres.stop();
      }
      // A cluster of its own, so that the crowd does not write into the budget's table.
      const fresh = await startPostgres({ parent: work, cpus: '1' });
      if (fresh) {
        try {
          progress(
            `Measuring POST /v1/events on PostgreSQL from a crowd (${warmup} s + ${duration} s)…`,
          );
          const pgCrowd = await measureThroughput({
            databaseUrl: fresh.url,
            warmup,
            duration,
            crowd: true,
          });
          rows.push(crowdRow('PostgreSQL', pgCrowd, pg));
        } finally {
          fresh.stop();
        }
      }
    } else {
      rows.push({
        budget: 'POST /v1/events, PostgreSQL',
        measured: 'PostgreSQL not found',
        limit: '≥ 12,000/s',
        verdict: '',
        note: 'apt-get install -y postgresql',
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`${formatTable(rows)}\n`);
}

await main();
