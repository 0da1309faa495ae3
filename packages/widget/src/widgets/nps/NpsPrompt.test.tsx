import { fireEvent, screen, within } from '@testing-library/dom';
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { NpsAnswer } from './NpsPrompt.js';
import { NpsPrompt } from './NpsPrompt.js';

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('NpsPrompt (Preact component)', () => {
  it('renders the prompt in its <div>, calls the latest callbacks and starts over', async () => {
    const first: NpsAnswer[] = [];
    const latest: NpsAnswer[] = [];
    const { container, rerender, unmount } = render(
      <NpsPrompt merchant="Lather & Leaf" onAnswer={(a) => first.push(a)} onDismiss={() => {}} />,
    );
    const host = container.firstElementChild as HTMLElement;
    expect(host.tagName).toBe('DIV');
    const group = within(host).getByRole('radiogroup', { name: /recommend Lather & Leaf/ });
    fireEvent.click(within(group).getByRole('radio', { name: '8' }));
    await settled();
    // A new callback does not start the prompt over: the picked score stays.
    rerender(
      <NpsPrompt merchant="Lather & Leaf" onAnswer={(a) => latest.push(a)} onDismiss={() => {}} />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Send' }));
    expect(first).toEqual([]);
    expect(latest).toEqual([{ score: 8, category: 'passive' }]);
    await settled();
    expect(screen.getByText('Thank you for your answer!')).toBeTruthy();

    // Another merchant is another prompt.
    rerender(<NpsPrompt merchant="Soap Co" onAnswer={() => {}} onDismiss={() => {}} />);
    expect(screen.getByRole('radiogroup', { name: /recommend Soap Co/ })).toBeTruthy();
    expect(screen.queryByText('Thank you for your answer!')).toBeNull();
    unmount();
    expect(host.childNodes).toHaveLength(0);
  });

  it('asks for contact as canContact says, keeping the score', async () => {
    const noop = () => {};
    const { rerender } = render(<NpsPrompt onAnswer={noop} onDismiss={noop} />);
    fireEvent.click(screen.getByRole('radio', { name: '3' }));
    expect(await screen.findByRole('checkbox', { name: /may contact me/ })).toBeTruthy();
    rerender(<NpsPrompt onAnswer={noop} onDismiss={noop} canContact={false} />);
    await settled();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByRole('radio', { name: '3' }).getAttribute('aria-checked')).toBe('true');
  });
});
