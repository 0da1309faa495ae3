import type { VouchDatabase } from '../db/openDatabase.js';
import type { Logger } from '../http/handleError.js';
import { approveDueRewards } from './approveDueRewards.js';

/** Options of {@link startRewardSweep}. */
export interface RewardSweepOptions {
  database: VouchDatabase;
  /**
   * Time between the end of one sweep and the start of the next.
   * @default 60000
   */
  everyMs?: number;
  /**
   * The clock, epoch milliseconds.
   * @default Date.now
   */
  now?: () => number;
  /**
   * Where a failed sweep is reported; the next one runs anyway.
   * @default console
   */
  logger?: Logger;
}

/**
 * Approves due rewards of every site periodically (see `approveDueRewards`), so that a
 * verified order's reward is approved when its hold ends even if nobody reads it. Not
 * needed for correctness — reads approve what is due — but it makes coupons go out on
 * time. Sweeps never overlap; the timer does not keep the process alive. Returns what
 * stops it (and waits for a sweep under way).
 */
export function startRewardSweep(options: RewardSweepOptions): () => Promise<void> {
  const { database, everyMs = 60_000, now = Date.now, logger = console } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = sweep().finally(schedule);
    }, everyMs);
    timer.unref?.();
  };
  const sweep = async () => {
    for (;;) {
      try {
        const report = await approveDueRewards(database.db, { now: now() });
        // A full batch means more may be due: go on while a batch is full and approves
        // something (rewards waiting for an empty pool alone would loop).
        if (stopped || report.approved === 0 || report.approved + report.waiting < 500) return;
      } catch (error) {
        logger.error('[vouch-server] reward sweep failed', error);
        return;
      }
    }
  };
  schedule();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
