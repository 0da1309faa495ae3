import { useEffect, useState } from 'preact/hooks';

/** Anything with a snapshot and change notifications, such as the core client. */
export interface SnapshotSource<T> {
  getSnapshot(): T;
  subscribe(listener: () => void): () => void;
}

/**
 * The one bridge from core to Preact: the client's current snapshot, re-rendering the
 * component whenever it changes. It subscribes on mount and unsubscribes on unmount.
 * A change between the first render and the subscription is not missed: the snapshot is
 * read again as soon as the subscription is in place.
 */
export function useClientState<T>(client: SnapshotSource<T>): T {
  const [state, setState] = useState(() => client.getSnapshot());
  useEffect(() => {
    const update = () => setState(() => client.getSnapshot());
    update();
    return client.subscribe(update);
  }, [client]);
  return state;
}
