import { act, render, screen } from '@testing-library/preact';
import { createMemoryPlatform, createVouch, type VouchClient } from '@vouch/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useClientState } from './useClientState.js';

function Greeting({ client }: { client: VouchClient }) {
  const state = useClientState(client);
  return (
    <p>{state.identity ? `Hello ${state.identity.name ?? state.identity.id}` : 'Hello stranger'}</p>
  );
}

let client: VouchClient;
let subscriptions: { live: number };
beforeEach(() => {
  client = createVouch({
    site: 'pk_clientstatehook_0001',
    endpoint: 'https://vouch.shop.example',
    platform: createMemoryPlatform(),
  });
  // Counts live subscriptions to this client, to see the hook let go of it on unmount.
  const counter = { live: 0 };
  subscriptions = counter;
  const subscribe = client.subscribe;
  client.subscribe = (listener) => {
    counter.live++;
    const unsubscribe = subscribe(listener);
    return () => {
      counter.live--;
      unsubscribe();
    };
  };
});
afterEach(() => client.destroy());

describe('useClientState', () => {
  it('renders the client snapshot and re-renders when it changes', () => {
    render(<Greeting client={client} />);
    expect(screen.getByText('Hello stranger')).toBeTruthy();
    act(() => client.identify({ id: 'customer-7', name: 'Ada' }));
    expect(screen.getByText('Hello Ada')).toBeTruthy();
    act(() => client.reset());
    expect(screen.getByText('Hello stranger')).toBeTruthy();
  });

  it('sees a change made between the first render and the subscription', () => {
    function IdentifyWhileRendering() {
      const state = useClientState(client);
      if (!state.identity) client.identify({ id: 'during-render' });
      return <p>{state.identity?.id ?? 'nobody'}</p>;
    }
    render(<IdentifyWhileRendering />);
    expect(screen.getByText('during-render')).toBeTruthy();
  });

  it('subscribes while mounted and unsubscribes on unmount', async () => {
    const { unmount } = render(<Greeting client={client} />);
    expect(subscriptions.live).toBe(1);
    unmount();
    // Preact runs effect cleanups after the unmount has been committed.
    await vi.waitFor(() => expect(subscriptions.live).toBe(0));
  });
});
