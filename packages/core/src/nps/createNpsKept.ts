import type { ConsentStorage } from '../createConsentStorage.js';
import { num } from '../guards/check.js';
import type { NpsStorageKeys } from './loadNps.js';
import {
  NPS_FRESH_STATE,
  type NpsKeptState,
  npsKeptStateCheck,
  withNpsConversion,
} from './npsKeptState.js';

const timeCheck = num(0, Number.MAX_SAFE_INTEGER, true, 'must be a time in ms');

/** The NPS rule state of a visitor, kept in the client's consent-aware storage. */
export interface NpsKept {
  read(): NpsKeptState;
  /** Applies `change` to the kept state and keeps the result; returns it. */
  update(change: (state: NpsKeptState) => NpsKeptState): NpsKeptState;
}

/**
 * The NPS rule state under `keys.state` (`nps`) (in memory only until consent where the site
 * requires it), with the last purchase from `keys.purchase`. A stored value that fails
 * its check is read as a fresh visitor.
 */
export function createNpsKept(
  storage: ConsentStorage,
  keys: Pick<NpsStorageKeys, 'state' | 'purchase'>,
): NpsKept {
  const read = (): NpsKeptState => {
    const state = storage.get(keys.state, npsKeptStateCheck) ?? NPS_FRESH_STATE;
    // Purchases are kept apart by the recording half, so that it need not load this code.
    const purchased = storage.get(keys.purchase, timeCheck);
    return purchased !== null && purchased > (state.convertedAt ?? -1)
      ? withNpsConversion(state, purchased)
      : state;
  };
  return {
    read,
    update(change) {
      const before = read();
      const after = change(before);
      if (after !== before) storage.set(keys.state, after);
      return after;
    },
  };
}
