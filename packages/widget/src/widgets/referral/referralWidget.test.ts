import { fireEvent, within } from '@testing-library/dom';
import { shareUrl, type VouchClient } from '@vouch/core';
import { describe, expect, it, vi } from 'vitest';
import {
  configWithProgram,
  referralAnswer,
  reward,
} from '../../../test/support/referralAnswers.js';
import { siteConfig } from '../../../test/support/startApiServer.js';
import { useWidgetPage } from '../../../test/support/useWidgetPage.js';
import referralWidget from '../referral.js';
import { referralReserve } from './referralReserve.js';
import { referralStyles } from './referralStyles.js';

const page = useWidgetPage();
let sites = 0;

/** A site with the referral program on, and a client of it in this (happy-dom) page. */
function setup() {
  const site = `pk_referralcard_${String(++sites).padStart(12, '0')}`;
  page.api.config = (key) => ({ status: 200, body: configWithProgram(key) });
  page.api.referral = () => ({
    status: 404,
    body: { error: { code: 'not_found', message: 'no' } },
  });
  return { site, client: page.client(site) };
}

const show = (client: VouchClient, options: Record<string, unknown> = {}) =>
  page.show(referralWidget, client, options);

describe('referral widget', () => {
  it('tells a shopper who is not identified the offer and how to get a link', async () => {
    const { client } = setup();
    const { view } = show(client);
    expect(view.getByRole('status').textContent).toBe('Loading your referral link…');

    const card = await view.findByRole('region', { name: 'Refer a friend' });
    await vi.waitFor(() =>
      expect(within(card).getByText(/Sign in or place an order/).textContent).toBe(
        'Sign in or place an order to get your link.',
      ),
    );
    expect(card.getAttribute('aria-busy')).toBe('false');
    expect(within(card).getByText(/Give your friends/).textContent).toBe(
      'Give your friends 10% off; get €5.00 store credit for each friend who orders. Orders from €20.00 count.',
    );
    expect(view.queryByRole('textbox')).toBeNull();
    expect(page.api.requests.filter((line) => line.startsWith('POST /v1/referrals'))).toEqual([]);
  });

  it("shows the customer's link, and loads again when the customer changes", async () => {
    const { site, client } = setup();
    const { view } = show(client);
    await view.findByText(/Sign in or place an order/);

    page.api.referral = (key, request) =>
      key === site && request.customer.id === 'customer-ada'
        ? { status: 200, body: referralAnswer() }
        : { status: 403, body: { error: { code: 'forbidden', message: 'not this site' } } };
    client.identify({ id: 'customer-ada', name: 'Ada', email: 'ada@example.com' });

    const field = (await view.findByRole('textbox', {
      name: 'Your referral link',
    })) as HTMLInputElement;
    expect(field.value).toBe('https://shop.example/products/soap?ref=ADA7KQ2M');
    expect(field.readOnly).toBe(true);
    expect(view.queryByText(/Sign in or place an order/)).toBeNull();
    expect(view.getByText(/Give your friends/).textContent).toContain('Give your friends 10% off');
    expect(
      view.getByText('When you share, say that you get a reward if your friend buys.'),
    ).toBeTruthy();
  });

  it('copies the link, announces it politely and tells the page', async () => {
    const { client } = setup();
    client.identify({ id: 'customer-ada' });
    page.api.referral = () => ({ status: 200, body: referralAnswer() });
    const copied: unknown[] = [];
    client.on('referral:copied', (detail) => copied.push(detail));
    const shown = show(client);
    const domEvents: unknown[] = [];
    shown.element.addEventListener('vouch:referral:copied', (event) =>
      domEvents.push((event as CustomEvent).detail),
    );
    const button = await shown.view.findByRole('button', { name: 'Copy link' });

    fireEvent.click(button);
    const status = shown.view.getByRole('status');
    await vi.waitFor(() => expect(status.textContent).toBe('Link copied.'));
    expect(status.getAttribute('role')).toBe('status'); // polite by definition
    expect(await navigator.clipboard.readText()).toBe(
      'https://shop.example/products/soap?ref=ADA7KQ2M',
    );
    const detail = { code: 'ADA7KQ2M', link: 'https://shop.example/products/soap?ref=ADA7KQ2M' };
    expect(copied).toEqual([detail]);
    expect(domEvents).toEqual([detail]);
  });

  it('keeps the field, its focus and its note while the same customer stays', async () => {
    const { client } = setup();
    client.identify({ id: 'customer-ada' });
    page.api.referral = () => ({ status: 200, body: referralAnswer() });
    const { view, root } = show(client);
    const field = await view.findByRole('textbox', { name: 'Your referral link' });
    field.focus();
    fireEvent.click(view.getByRole('button', { name: 'Copy link' }));
    await vi.waitFor(() => expect(view.getByRole('status').textContent).toBe('Link copied.'));
    field.focus();
    const asked = page.api.requests.length;
    let changes = 0;
    client.subscribe(() => changes++);

    // The client changes (consent), the customer does not: nothing is loaded or rebuilt.
    client.consent(true);
    expect(changes).toBeGreaterThan(0);
    expect(view.getByRole('textbox', { name: 'Your referral link' })).toBe(field);
    expect((root as unknown as ShadowRoot).activeElement).toBe(field);
    expect(view.getByRole('status').textContent).toBe('Link copied.');
    expect(page.api.requests.slice(asked).filter((line) => line.includes('/v1/referrals'))).toEqual(
      [],
    );
  });

  it('selects the link and says how to copy it when the browser will not', async () => {
    const { client } = setup();
    client.identify({ id: 'customer-ada' });
    page.api.referral = () => ({ status: 200, body: referralAnswer() });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('not allowed'));
    // happy-dom has no execCommand either, like a browser that refuses both ways.
    expect('execCommand' in document).toBe(false);
    const copied: unknown[] = [];
    client.on('referral:copied', (detail) => copied.push(detail));
    const { view, root } = show(client);

    fireEvent.click(await view.findByRole('button', { name: 'Copy link' }));
    await vi.waitFor(() =>
      expect(view.getByRole('status').textContent).toBe(
        'Press Ctrl+C (⌘C on a Mac) to copy the selected link.',
      ),
    );
    const field = view.getByRole('textbox') as HTMLInputElement;
    expect((root as unknown as ShadowRoot).activeElement).toBe(field);
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe(field.value.length);
    expect(copied).toEqual([]);
  });

  it('offers share channels in new tabs, with the disclosure in the shared text', async () => {
    const { client } = setup();
    client.identify({ id: 'customer-ada' });
    page.api.referral = () => ({ status: 200, body: referralAnswer() });
    const shared: unknown[] = [];
    client.on('share', (detail) => shared.push(detail));
    const { view } = show(client, { channels: 'whatsapp, email,x' });

    const list = await view.findByRole('list', { name: 'Share your link' });
    const links = within(list).getAllByRole('link') as HTMLAnchorElement[];
    expect(links.map((link) => link.getAttribute('aria-label'))).toEqual([
      'Share via WhatsApp (opens in a new tab)',
      'Share via Email',
      'Share via X (opens in a new tab)',
    ]);
    expect(links.map((link) => link.textContent)).toEqual(['WhatsApp', 'Email', 'X']);
    const link = 'https://shop.example/products/soap?ref=ADA7KQ2M';
    const text = "Here's 10% off at Lather & Leaf with my link. I get a reward if you buy.";
    // The link itself at first, then the network's address, a moment later.
    await vi.waitFor(() =>
      expect(links[0]?.getAttribute('href')).toBe(
        shareUrl('whatsapp', { url: link, text, title: 'Lather & Leaf' }),
      ),
    );
    expect(decodeURIComponent(links[0]?.getAttribute('href') ?? '')).toContain(
      'I get a reward if you buy',
    );
    expect(links[0]?.target).toBe('_blank');
    expect(links[0]?.rel.split(' ')).toContain('noopener');
    // Mail opens an app, not a page: no empty tab left behind.
    expect(links[1]?.getAttribute('href')?.startsWith('mailto:')).toBe(true);
    expect(links[1]?.hasAttribute('target')).toBe(false);

    links[0]?.addEventListener('click', (event) => event.preventDefault());
    fireEvent.click(links[0] as HTMLAnchorElement);
    expect(shared).toEqual([{ channel: 'whatsapp', url: link, code: 'ADA7KQ2M' }]);
  });

  it('warns about an unknown channel and leaves it out', async () => {
    const { client } = setup();
    client.identify({ id: 'customer-ada' });
    page.api.referral = () => ({ status: 200, body: referralAnswer() });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { view } = show(client, { channels: 'email myspace' });
    const list = await view.findByRole('list', { name: 'Share your link' });
    expect((await within(list).findAllByRole('link')).map((link) => link.textContent)).toEqual([
      'Email',
    ]);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/^\[vouch\] referral: "channels": unknown share channel "myspace"/),
    );
  });

  it('uses the native share sheet where the browser has one', async () => {
    const { client } = setup();
    client.identify({ id: 'customer-ada' });
    page.api.referral = () => ({ status: 200, body: referralAnswer() });
    const calls: ShareData[] = [];
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: async (data: ShareData) => void calls.push(data),
    });
    try {
      const shared: unknown[] = [];
      client.on('share', (detail) => shared.push(detail));
      const { view } = show(client);
      fireEvent.click(await view.findByRole('button', { name: 'More ways to share' }));
      await vi.waitFor(() => expect(shared).toHaveLength(1));
      expect(calls).toEqual([
        {
          title: 'Lather & Leaf',
          text: "Here's 10% off at Lather & Leaf with my link. I get a reward if you buy.",
          url: 'https://shop.example/products/soap?ref=ADA7KQ2M',
        },
      ]);
      expect(shared).toEqual([
        {
          channel: 'native',
          url: 'https://shop.example/products/soap?ref=ADA7KQ2M',
          code: 'ADA7KQ2M',
        },
      ]);
    } finally {
      delete (navigator as { share?: unknown }).share;
    }
  });

  it('shows friends, rewards earned and pending, and coupons it was given', async () => {
    const { client } = setup();
    client.identify({ id: 'customer-ada' });
    page.api.referral = () => ({
      status: 200,
      body: referralAnswer({
        friends: 3,
        rewards: [
          reward('r1', { status: 'approved', coupon: 'THANKS-5EUR' }),
          reward('r2', { approvesAt: '2026-03-15T10:00:00.000Z' }),
          reward('r3', { status: 'review' }),
          reward('r4', { status: 'voided' }),
        ],
      }),
    });
    const { view } = show(client);

    const list = await view.findByRole('list', { name: 'Your rewards' });
    // Behind a disclosure the shopper opens: a long list never moves the page by itself.
    const details = list.closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('Your rewards (3)');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      "€5.00 store credit (a friend's order): earned, code THANKS-5EUR",
      "€5.00 store credit (a friend's order): pending until Mar 15, 2026",
      "€5.00 store credit (a friend's order): being checked",
    ]);
    const figures = Array.from(view.getAllByRole('definition'), (dd) => [
      dd.previousElementSibling?.textContent,
      dd.textContent,
    ]);
    expect(figures).toEqual([
      ['Friends who ordered', '3'],
      ['Rewards earned', '1'],
      ['Rewards pending', '2'],
    ]);
  });

  it('holds one block size in every state, and keeps what stays in its place', async () => {
    expect(referralWidget.reserve).toBe(referralReserve);
    const { site, client } = setup();
    const { root, view } = show(client);
    const sheets = (root as unknown as ShadowRoot).adoptedStyleSheets;
    expect(
      sheets.some((sheet) =>
        Array.from(sheet.cssRules, (rule) => rule.cssText).some((css) =>
          css.startsWith('[data-vouch-reserve]::before'),
        ),
      ),
    ).toBe(true);

    const card = () => root.querySelector('.vouch-card') as HTMLElement;
    const title = card().querySelector('h2');
    expect(card().dataset.state).toBe('loading');
    await vi.waitFor(() => expect(card().dataset.state).toBe('anonymous'));
    const offer = card().querySelector('[data-vouch-part="offer"]');

    page.api.referral = (key) =>
      key === site
        ? { status: 200, body: referralAnswer({ rewards: [reward('r1')] }) }
        : { status: 403, body: { error: { code: 'forbidden', message: 'no' } } };
    client.identify({ id: 'customer-ada' });
    await view.findByRole('textbox', { name: 'Your referral link' });
    expect(card().dataset.state).toBe('ready');
    // The same title and offer elements, first in the card as before: nothing that was on
    // screen moves; what is new takes space the card already held.
    expect(card().querySelector('h2')).toBe(title);
    expect(card().querySelector('[data-vouch-part="offer"]')).toBe(offer);
    expect(card().firstElementChild).toBe(title);
    expect(title?.nextElementSibling).toBe(offer);
  });

  it('renders nothing when the site has no referral program, even for a customer', async () => {
    const { client } = setup();
    const before = page.api.requests.length;
    page.api.config = (key) => ({ status: 200, body: siteConfig(key) });
    client.identify({ id: 'customer-ada' });
    page.api.referral = () => ({ status: 200, body: referralAnswer() });
    const { root } = show(client);
    await vi.waitFor(() =>
      expect(root.querySelector('[data-vouch-root]')?.childNodes).toHaveLength(0),
    );
    // Nor does it ask for a referral the server would refuse (a console error in browsers).
    const asked = page.api.requests.slice(before);
    expect(asked.filter((line) => line.startsWith('POST /v1/referrals'))).toEqual([]);
  });

  it('says when the link could not be loaded, and tries again on request', async () => {
    const { client } = setup();
    client.identify({ id: 'customer-ada' });
    page.api.referral = () => ({
      status: 500,
      body: { error: { code: 'internal', message: 'boom' } },
    });
    const { view } = show(client);

    const alert = await view.findByRole('alert');
    expect(within(alert).getByText('Your referral link could not be loaded.')).toBeTruthy();
    page.api.referral = () => ({ status: 200, body: referralAnswer() });
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await view.findByRole('textbox', { name: 'Your referral link' })).toBeTruthy();
    expect(view.queryByRole('alert')).toBeNull();
  });

  it('is operable from the keyboard in reading order, with named controls only', async () => {
    const { client } = setup();
    client.identify({ id: 'customer-ada' });
    page.api.referral = () => ({ status: 200, body: referralAnswer() });
    const { view, root } = show(client, { channels: 'whatsapp,email' });
    await view.findByRole('textbox');
    // The share links come right after the card paints, in their own file.
    await view.findByRole('link', { name: /WhatsApp/ });

    const focusable = Array.from(
      root.querySelectorAll<HTMLElement>('a[href], button, input, [tabindex]'),
    );
    expect(focusable.map((item) => item.getAttribute('tabindex'))).toEqual(
      focusable.map(() => null),
    );
    expect(
      focusable.map((item) => item.getAttribute('aria-label') ?? item.textContent ?? ''),
    ).toEqual([
      '', // the field, named by its label
      'Copy link',
      'Share via WhatsApp (opens in a new tab)',
      'Share via Email',
    ]);
    expect(view.getByRole('textbox', { name: 'Your referral link' })).toBe(focusable[0]);
    expect(view.getByRole('heading', { level: 2, name: 'Refer a friend' })).toBeTruthy();
  });

  it('takes its colours from --vouch-* tokens only', () => {
    expect(referralStyles).toContain('var(--vouch-color-accent)');
    expect(referralStyles).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i);
  });
});
