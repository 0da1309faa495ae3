/**
 * @typedef {object} BudgetRow
 * @property {string} budget What is measured.
 * @property {string} measured The measured value, or why there is none.
 * @property {string} limit The contract's limit.
 * @property {'ok' | 'over' | ''} verdict Empty when nothing was measured.
 * @property {string} [note] Ratios to peers, conditions of the run.
 */

/**
 * Renders budget rows as a fixed-width table, one line per budget, so that a reader (or
 * a diff of two runs) sees every budget beside its limit.
 * @param {BudgetRow[]} rows
 * @returns {string}
 */
export function formatTable(rows) {
  /** @type {BudgetRow} */
  const header = {
    budget: 'budget',
    measured: 'measured',
    limit: 'limit',
    verdict: '',
    note: 'note',
  };
  const all = [header, ...rows];
  const width = (/** @type {'budget' | 'measured' | 'limit'} */ key) =>
    Math.max(...all.map((row) => row[key].length));
  const widths = { budget: width('budget'), measured: width('measured'), limit: width('limit') };
  const line = (/** @type {BudgetRow} */ row) =>
    [
      row.budget.padEnd(widths.budget),
      row.measured.padStart(widths.measured),
      row.limit.padEnd(widths.limit),
      (row.verdict === 'over' ? 'OVER' : row.verdict).padEnd(4),
      row.note ?? '',
    ]
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(widths.budget + widths.measured + widths.limit + 12);
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** @param {number} bytes */
export function kib(bytes) {
  return `${(bytes / 1024).toFixed(2)} KiB`;
}
