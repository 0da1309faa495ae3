import { within } from '@testing-library/dom';
import { render } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import {
  configWithProgram,
  landingAnswer,
  referralAnswer,
} from '../../test/support/referralAnswers.js';
import { useWidgetPage } from '../../test/support/useWidgetPage.js';
import { ReferralCard } from './referral/ReferralCard.js';
import { ReferralBanner } from './referralBanner/ReferralBanner.js';

const page = useWidgetPage();
let sites = 0;
const nextSite = () => `pk_referralcomponents_${String(++sites).padStart(6, '0')}`;

/** Queries inside the shadow root of the element a component rendered. */
const inside = (container: Element) => {
  const host = container.firstElementChild;
  if (!host?.shadowRoot) throw new Error('no shadow root on the rendered element');
  return { host, root: host.shadowRoot, view: within(host.shadowRoot as unknown as HTMLElement) };
};

describe('ReferralCard and ReferralBanner (Preact components)', () => {
  it('mount the van widget in a shadow root, again when their props change', async () => {
    page.api.config = (key) => ({ status: 200, body: configWithProgram(key) });
    page.api.referral = () => ({ status: 200, body: referralAnswer() });
    const client = page.client(nextSite());
    client.identify({ id: 'customer-ada' });
    const copied: unknown[] = [];
    const { container, rerender, unmount } = render(
      <ReferralCard
        client={client}
        channels={['email']}
        messages={{ title: 'Invite a friend' }}
        emit={(name, detail) => copied.push([name, detail])}
      />,
    );
    const { host, root, view } = inside(container);
    const card = await view.findByRole('region', { name: 'Invite a friend' });
    const list = await view.findByRole('list', { name: 'Share your link' });
    // The share links get their addresses a moment after the row is drawn.
    expect((await within(list).findAllByRole('link')).map((link) => link.textContent)).toEqual([
      'Email',
    ]);
    // The widget's own sheets, as the script tag adopts them.
    expect(root.adoptedStyleSheets.length).toBeGreaterThan(1);
    within(list)
      .getByRole('link')
      .addEventListener('click', (event) => event.preventDefault());
    within(list).getByRole('link').click();
    expect(copied).toEqual([
      [
        'share',
        {
          channel: 'email',
          url: 'https://shop.example/products/soap?ref=ADA7KQ2M',
          code: 'ADA7KQ2M',
        },
      ],
    ]);

    rerender(<ReferralCard client={client} channels={['x', 'email']} />);
    await vi.waitFor(() =>
      expect(
        within(view.getByRole('list', { name: 'Share your link' }))
          .getAllByRole('link')
          .map((link) => link.textContent),
      ).toEqual(['X', 'Email']),
    );
    expect(card.isConnected).toBe(false);
    expect(view.getByRole('region', { name: 'Refer a friend' })).toBeTruthy();

    unmount();
    expect(host.shadowRoot?.querySelector('[data-vouch-root]')).toBeNull();
  });

  it('show the banner for the code they are given', async () => {
    page.api.config = (key) => ({ status: 200, body: configWithProgram(key) });
    page.api.landing = (code) =>
      code === 'ADA7KQ2M'
        ? { status: 200, body: landingAnswer() }
        : { status: 404, body: { error: { code: 'not_found', message: 'no' } } };
    const client = page.client(nextSite());
    const { container, rerender } = render(
      <ReferralBanner client={client} code="NOPE1234" debug={false} />,
    );
    const { root, view } = inside(container);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(root.querySelector('[data-vouch-root]')?.childNodes).toHaveLength(0);

    rerender(<ReferralBanner client={client} code="ADA7KQ2M" debug={false} />);
    const banner = await view.findByRole('region', { name: 'Ada gave you 10% off' });
    expect(
      (
        within(banner).getByRole('textbox', {
          name: 'Your code, for the checkout',
        }) as HTMLInputElement
      ).value,
    ).toBe('WELCOME10');
  });
});
