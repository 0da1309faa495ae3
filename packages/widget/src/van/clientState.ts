import van, { type State } from 'vanjs-core';
import type { SnapshotSource } from '../useClientState.js';
import type { OnUnmount } from './OnUnmount.js';

/**
 * The one bridge from core to a van widget: a van state holding the client's current
 * snapshot, set again whenever the client says it changed. It subscribes at once (so no
 * change is missed) and unsubscribes when the widget unmounts.
 */
export function clientState<T>(client: SnapshotSource<T>, onUnmount: OnUnmount): State<T> {
  const snapshot = van.state(client.getSnapshot());
  onUnmount(
    client.subscribe(() => {
      snapshot.val = client.getSnapshot();
    }),
  );
  return snapshot;
}
