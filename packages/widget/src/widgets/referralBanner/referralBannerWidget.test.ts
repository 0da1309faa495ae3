import { fireEvent, within } from '@testing-library/dom';
import { couponDismissalKey, type VouchClient } from '@vouch/core';
import { describe, expect, it, vi } from 'vitest';
import { configWithProgram, landingAnswer } from '../../../test/support/referralAnswers.js';
import { acknowledgeOrder } from '../../../test/support/startApiServer.js';
import { useWidgetPage } from '../../../test/support/useWidgetPage.js';
import referralBannerWidget from '../referral-banner.js';
import { referralBannerStyles } from './referralBannerStyles.js';

const page = useWidgetPage();
let sites = 0;
const nextSite = () => `pk_referralbanner_${String(++sites).padStart(12, '0')}`;

/** A client of `site` in this page, as a fresh page load would create it. */
function open(site: string, consentRequired = false) {
  page.api.config = (key) => ({ status: 200, body: configWithProgram(key, { consentRequired }) });
  return page.client(site, consentRequired);
}

/** A friend's landing on `?ref=ADA7KQ2M`, captured as the runtime does. */
function land(site: string, consentRequired = false) {
  history.replaceState(null, '', '/products/soap?ref=ADA7KQ2M');
  const client = open(site, consentRequired);
  client.captureReferral();
  return client;
}

const show = (client: VouchClient, options: Record<string, unknown> = {}) =>
  page.show(referralBannerWidget, client, options);

const landings = () => page.api.requests.filter((line) => line.startsWith('GET /v1/referrals/'));

describe('referral-banner widget', () => {
  it('shows who gave the friend what, with the coupon to copy', async () => {
    page.api.landing = (code) =>
      code === 'ADA7KQ2M'
        ? { status: 200, body: landingAnswer() }
        : { status: 404, body: { error: { code: 'not_found', message: 'no' } } };
    const client = land(nextSite());
    const unlocked: unknown[] = [];
    client.on('reward:unlocked', (detail) => unlocked.push(detail));
    const { view } = show(client);

    const banner = await view.findByRole('region', { name: 'Ada gave you 10% off' });
    expect(banner.getAttribute('role')).toBeNull(); // a labelled <section>: a region
    expect(view.queryByRole('dialog')).toBeNull();
    const field = within(banner).getByRole('textbox', {
      name: 'Your code, for the checkout',
    }) as HTMLInputElement;
    expect(field.value).toBe('WELCOME10');
    await vi.waitFor(() =>
      expect(unlocked).toEqual([{ reason: 'referral', reward: '10% off', coupon: 'WELCOME10' }]),
    );

    fireEvent.click(within(banner).getByRole('button', { name: 'Copy code' }));
    await vi.waitFor(() => expect(view.getByRole('status').textContent).toBe('Code copied.'));
    expect(await navigator.clipboard.readText()).toBe('WELCOME10');
  });

  it("claims this visitor's coupon when the friend's coupons come from a pool", async () => {
    const site = nextSite();
    const claims: unknown[] = [];
    page.api.landing = () => ({
      status: 200,
      body: landingAnswer({ coupon: null, claimable: true }),
    });
    page.api.claim = (code, claim) => {
      claims.push({ code, ...claim });
      return { status: 200, body: { coupon: 'FRIEND-0042' } };
    };
    const client = land(site);
    const { view } = show(client);

    const field = (await view.findByRole('textbox')) as HTMLInputElement;
    expect(field.value).toBe('FRIEND-0042');
    expect(claims).toEqual([
      expect.objectContaining({ code: 'ADA7KQ2M', visitor: expect.any(String) }),
    ]);
  });

  it('offers to try again when the coupon could not be claimed', async () => {
    page.api.landing = () => ({
      status: 200,
      body: landingAnswer({ coupon: null, claimable: true }),
    });
    page.api.claim = () => ({
      status: 503,
      body: { error: { code: 'unavailable', message: 'later' } },
    });
    const { view } = show(land(nextSite()));

    expect(await view.findByText('Your code could not be loaded.')).toBeTruthy();
    page.api.claim = () => ({ status: 200, body: { coupon: 'FRIEND-0043' } });
    fireEvent.click(view.getByRole('button', { name: 'Try again' }));
    expect(((await view.findByRole('textbox')) as HTMLInputElement).value).toBe('FRIEND-0043');
  });

  it('is gone for good once dismissed', async () => {
    const site = nextSite();
    page.api.landing = () => ({ status: 200, body: landingAnswer() });
    const first = show(land(site));
    await first.view.findByRole('region');

    fireEvent.click(first.view.getByRole('button', { name: 'Dismiss the offer' }));
    expect(first.view.queryByRole('region')).toBeNull();

    // The next page: a new client over the same storage, the same code kept.
    const before = landings().length;
    const next = show(open(site));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(next.view.queryByRole('region')).toBeNull();
    expect(landings()).toHaveLength(before);
  });

  it('keeps a dismissal in memory only until the shopper consents, where the site asks', async () => {
    const site = nextSite();
    page.api.landing = () => ({ status: 200, body: landingAnswer() });
    const first = show(land(site, true));
    fireEvent.click(await first.view.findByRole('button', { name: 'Dismiss the offer' }));
    expect(Object.keys(localStorage)).toEqual([]);

    // Without consent nothing was kept: the next page (landing again) shows it again.
    const second = land(site, true);
    const shown = show(second);
    expect(await shown.view.findByRole('region')).toBeTruthy();
    second.consent(true);
    fireEvent.click(shown.view.getByRole('button', { name: 'Dismiss the offer' }));

    const third = show(land(site, true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(third.view.queryByRole('region')).toBeNull();
  });

  it('goes away once the friend has bought with the code, on this page and the next', async () => {
    const site = nextSite();
    page.api.conversion = acknowledgeOrder;
    page.api.landing = () => ({ status: 200, body: landingAnswer() });
    const client = land(site);
    const { element, view } = show(client);
    await view.findByRole('region', { name: 'Ada gave you 10% off' });
    const heard: unknown[] = [];
    element.addEventListener('vouch:conversion', (event) => heard.push(event));
    const results: unknown[] = [];
    client.on('conversion', (result) => results.push(result));

    client.conversion({ orderId: 'LL-000042', amount: 13.5, currency: 'EUR', coupon: 'WELCOME10' });
    await vi.waitFor(() => expect(view.queryByRole('region')).toBeNull());
    expect(results).toEqual([
      { orderId: 'LL-000042', status: 'attributed', ref: 'ADA7KQ2M', verified: false },
    ]);
    // The host event is the client's: the banner does not raise one of its own.
    expect(heard).toEqual([]);

    // The next page keeps the code (inside its window) but neither shows nor asks.
    const before = landings().length;
    const next = show(open(site));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(next.view.queryByRole('region')).toBeNull();
    expect(landings()).toHaveLength(before);
  });

  it('looks again on every `conversion` event, whoever settled the offer', async () => {
    page.api.landing = () => ({ status: 200, body: landingAnswer() });
    const client = land(nextSite());
    const { view } = show(client);
    await view.findByRole('region');
    // Settled without a change the client's snapshot shows (as another copy of the
    // client on the page would): the banner only learns of it from the event.
    client.dismiss(couponDismissalKey('WELCOME10'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(view.getByRole('region')).toBeTruthy();
    client.emit('conversion', { orderId: 'LL-1', status: 'none', ref: null, verified: false });
    await vi.waitFor(() => expect(view.queryByRole('region')).toBeNull());
  });

  it('stays until a purchase is acknowledged: a refused order leaves the offer open', async () => {
    page.api.landing = () => ({ status: 200, body: landingAnswer() });
    page.api.conversion = () => ({
      status: 409,
      body: { error: { code: 'order_conflict', message: 'Another total.' } },
    });
    const client = land(nextSite());
    const { view } = show(client);
    await view.findByRole('region');
    const errors: unknown[] = [];
    client.on('error', (error) => errors.push(error));
    client.conversion({ orderId: 'LL-000043', amount: 13.5, currency: 'EUR', coupon: 'WELCOME10' });
    await client.flush();
    expect(errors).toHaveLength(1);
    expect(view.getByRole('region', { name: 'Ada gave you 10% off' })).toBeTruthy();
  });

  it('offers no coupon already used in an order, even one made under no code', async () => {
    const site = nextSite();
    page.api.conversion = acknowledgeOrder;
    page.api.landing = () => ({ status: 200, body: landingAnswer() });
    // An earlier order with the same (fixed) coupon, before any landing.
    const buyer = open(site);
    buyer.conversion({ orderId: 'LL-000044', amount: 20, currency: 'EUR', coupon: 'welcome10' });
    await buyer.flush();

    const client = land(site);
    const unlocked: unknown[] = [];
    client.on('reward:unlocked', (detail) => unlocked.push(detail));
    const before = landings().length;
    const { root } = show(client);
    await vi.waitFor(() => expect(landings()).toHaveLength(before + 1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(root.querySelector('[data-vouch-root]')?.childNodes).toHaveLength(0);
    expect(unlocked).toEqual([]);
    // Settled under the code too: the next page does not ask again.
    show(open(site));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(landings()).toHaveLength(before + 1);
  });

  it('shows nothing for an unknown code, and says why on a development page only', async () => {
    page.api.landing = () => ({
      status: 404,
      body: { error: { code: 'not_found', message: 'no' } },
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // happy-dom's page is http://localhost:3000/…, a development page.
    const { root } = show(land(nextSite()));
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(
        '[vouch] referral-banner: the referral code "ADA7KQ2M" is unknown or expired; nothing is shown',
      ),
    );
    expect(root.querySelector('[data-vouch-root]')?.childNodes).toHaveLength(0);

    warn.mockClear();
    const before = landings().length;
    const quiet = show(land(nextSite()), { debug: 'false' });
    await vi.waitFor(() => expect(landings().length).toBeGreaterThan(before));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(quiet.root.querySelector('[data-vouch-root]')?.childNodes).toHaveLength(0);
    expect(warn).not.toHaveBeenCalled();
  });

  it('shows nothing and asks nothing without a referral code', async () => {
    const before = landings().length;
    const { root } = show(open(nextSite()));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(root.querySelector('[data-vouch-root]')?.childNodes).toHaveLength(0);
    expect(landings()).toHaveLength(before);
  });

  it('appears when the landing is captured after it mounted, as the runtime does', async () => {
    page.api.landing = () => ({ status: 200, body: landingAnswer({ referrerName: null }) });
    history.replaceState(null, '', '/?ref=ADA7KQ2M');
    const client = open(nextSite());
    const { view } = show(client);
    client.captureReferral();
    expect(await view.findByRole('region', { name: 'A friend gave you 10% off' })).toBeTruthy();
  });

  it('overlays the page: fixed, above it, moving only for those who allow motion', () => {
    expect(referralBannerStyles).toMatch(/:host\{position:fixed;left:0;right:0;bottom:0;/);
    expect(referralBannerStyles).toContain('z-index:var(--vouch-z-index)');
    expect(referralBannerStyles).toMatch(
      /@media \(prefers-reduced-motion:no-preference\)\{\.vouch-banner\{animation:/,
    );
    expect(referralBannerStyles).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
  });

  it('does not take focus when it appears, and its controls follow reading order', async () => {
    page.api.landing = () => ({ status: 200, body: landingAnswer() });
    const button = document.body.appendChild(document.createElement('button'));
    button.focus();
    const { view, root } = show(land(nextSite()));
    await view.findByRole('region');
    expect(document.activeElement).toBe(button);
    const controls = Array.from(root.querySelectorAll('button, input'), (item) =>
      item.tagName === 'INPUT' ? 'field' : (item.getAttribute('aria-label') ?? item.textContent),
    );
    expect(controls).toEqual(['field', 'Copy code', 'Dismiss the offer']);
  });
});
