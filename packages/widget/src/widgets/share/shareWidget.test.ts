import type { Referral, RewardView, VouchClient } from '@vouch/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  configWithProgram,
  referralAnswer,
  reward,
} from '../../../test/support/referralAnswers.js';
import { siteConfig } from '../../../test/support/startApiServer.js';
import { useWidgetPage } from '../../../test/support/useWidgetPage.js';
import shareWidget from '../share.js';

const page = useWidgetPage();
let sites = 0;
const nextSite = () => `pk_sharewidget_${String(++sites).padStart(12, '0')}`;

/** The share program of a site: 5% off for the sharer once a friend visits. */
const shareProgram = {
  channels: ['native', 'whatsapp', 'x', 'mastodon', 'email', 'copy'],
  rewardOn: 'visit',
  incentive: { value: { kind: 'percent', percent: 5 }, description: '5% off' },
  campaign: 'spring',
};
const shareReward = (fields: Partial<RewardView> = {}) =>
  reward('rw_share', {
    offer: { value: { kind: 'percent', percent: 5 }, description: '5% off' },
    reason: 'share',
    status: 'approved',
    ...fields,
  });

/** A site with the referral and share programs on, and Ada identified on the page. */
function adaSite(share: Record<string, unknown> = shareProgram) {
  const site = nextSite();
  page.api.config = (key) => ({ status: 200, body: configWithProgram(key, { share }) });
  page.api.referral = () => ({ status: 200, body: referralAnswer() });
  const client = page.client(site);
  client.identify({ id: 'ada', name: 'Ada' });
  return client;
}

/** The share widget of `client`, once its buttons are there. */
async function showShare(client: VouchClient, options: Record<string, string> = {}) {
  const shown = page.show(shareWidget, client, options);
  const group = await shown.view.findByRole('group', { name: 'Share' });
  await vi.waitFor(() => expect(group.children.length).toBeGreaterThan(0));
  return { ...shown, group };
}

const names = (group: HTMLElement) =>
  Array.from(group.children, (element) => element.textContent?.trim());

/** The shared link inside a channel's share URL (its `url`, `u` or `text` parameter). */
const sharedLink = (href: string) => {
  const params = new URL(href).searchParams;
  const text = params.get('url') ?? params.get('u') ?? params.get('text') ?? '';
  return new URL(text.slice(text.indexOf('http')));
};

/** Clicks `element` as a shopper would; true when the widget let the link be followed. */
function click(element: HTMLElement) {
  let followed = true;
  // After the widget's handler: what it decided, and no navigation in the test page.
  const after = (event: Event) => {
    followed = !event.defaultPrevented;
    event.preventDefault();
  };
  element.getRootNode().addEventListener('click', after, { once: true });
  element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  return followed;
}

beforeEach(() => {
  page.api.shares.length = 0;
  page.api.share = () => ({ status: 200, body: { recorded: true } });
});
afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(navigator, 'share');
  Reflect.deleteProperty(document, 'hidden');
});

describe('share widget', () => {
  it("shows the site's channels in its order, as labelled links with decorative icons", async () => {
    const client = adaSite();
    const { view, group, root } = await showShare(client);
    // No share sheet in this browser: its button is left out.
    expect(names(group)).toEqual(['WhatsApp', 'X', 'Mastodon', 'Email', 'Copy link']);
    for (const name of ['WhatsApp', 'X', 'Mastodon', 'Email']) {
      expect(view.getByRole('link', { name })).toBeTruthy();
    }
    expect(view.getByRole('button', { name: 'Copy link' })).toBeTruthy();
    const icons = root.querySelectorAll('svg');
    expect(icons).toHaveLength(5);
    for (const icon of icons) {
      expect(icon.getAttribute('aria-hidden')).toBe('true');
      expect(icon.getAttribute('focusable')).toBe('false');
      expect(icon.getAttribute('viewBox')).toBe('0 0 24 24');
    }
    expect(root.querySelector('[data-vouch-reserve]')).not.toBeNull();
    // The incentive in plain words, with what a rewarded sharer must say.
    expect(view.getByText(/^Share with a friend/).textContent).toBe(
      'Share with a friend: when they visit, you get 5% off. When you share, say that you get a reward.',
    );
  });

  it('gives each channel a link with the code, its own UTM source and the disclosure', async () => {
    const client = adaSite();
    history.replaceState(null, '', '/products/soap?colour=green&ref=SOMEONE#reviews');
    const { view } = await showShare(client);
    const whatsapp = view.getByRole('link', { name: 'WhatsApp' }) as HTMLAnchorElement;
    expect(whatsapp.target).toBe('_blank');
    expect(whatsapp.rel).toBe('noopener noreferrer');
    const text = new URL(whatsapp.href).searchParams.get('text') ?? '';
    expect(text).toContain('With my link, you get 10% off on your first order.');
    expect(text).toContain('(Disclosure: I get 5% off if you use my link.)');
    const link = sharedLink(whatsapp.href);
    expect(link.pathname).toBe('/products/soap');
    expect(link.hash).toBe('');
    expect([...link.searchParams]).toEqual([
      ['colour', 'green'],
      ['ref', 'ADA7KQ2M'],
      ['utm_source', 'whatsapp'],
      ['utm_medium', 'share'],
      ['utm_campaign', 'spring'],
    ]);
    const x = view.getByRole('link', { name: 'X' }) as HTMLAnchorElement;
    expect(x.href.startsWith('https://x.com/intent/post?')).toBe(true);
    expect(sharedLink(x.href).searchParams.get('utm_source')).toBe('x');
    const email = view.getByRole('link', { name: 'Email' }) as HTMLAnchorElement;
    expect(email.href.startsWith('mailto:?subject=')).toBe(true);
    // Mail opens an app: no new tab.
    expect(email.hasAttribute('target')).toBe(false);
    expect(decodeURIComponent(email.href)).toContain('utm_source=email');
  });

  it('shares the plain link with UTM only, and no incentive, when nobody is identified', async () => {
    const site = nextSite();
    page.api.config = (key) => ({
      status: 200,
      body: configWithProgram(key, { share: shareProgram }),
    });
    const client = page.client(site);
    const asked = page.api.requests.length;
    const { view, root } = await showShare(client, {
      url: 'https://shop.example/soap',
      channels: 'facebook, linkedin,bluesky, nope',
    });
    expect(names(root.querySelector('[role=group]') as HTMLElement)).toEqual([
      'Facebook',
      'LinkedIn',
      'Bluesky',
    ]);
    const facebook = view.getByRole('link', { name: 'Facebook' }) as HTMLAnchorElement;
    expect(sharedLink(facebook.href).href).toBe(
      'https://shop.example/soap?utm_source=facebook&utm_medium=share&utm_campaign=spring',
    );
    const bluesky = view.getByRole('link', { name: 'Bluesky' }) as HTMLAnchorElement;
    expect(new URL(bluesky.href).searchParams.get('text')).not.toMatch(/Disclosure|ref=/);
    expect(view.queryByText(/Share with a friend/)).toBeNull();
    const lines = page.api.requests.slice(asked);
    expect(lines.some((line) => line.startsWith('POST /v1/referrals'))).toBe(false);
  });

  it("falls back to a default list without a share program, and puts the browser's sheet first", async () => {
    const share = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    page.api.config = (key) => ({ status: 200, body: siteConfig(key) });
    const { view, group } = await showShare(page.client(nextSite()));
    expect(names(group)).toEqual(['Share…', 'WhatsApp', 'Facebook', 'X', 'Email', 'Copy link']);
    view.getByRole('button', { name: 'Share…' }).click();
    expect(share).toHaveBeenCalledTimes(1);
    const [data] = share.mock.calls[0] as unknown as [ShareData];
    expect(data.title).toBe(document.title);
    expect(data.text).toBe("I'm a fan of Test shop and think you'd like it too.");
    expect(new URL(data.url ?? '').searchParams.get('utm_source')).toBe('native');
    await vi.waitFor(() => expect(page.api.shares).toHaveLength(1));
    expect(page.api.shares[0]).toMatchObject({ channel: 'native', url: data.url });
  });

  it('opens a popup within the click, records the share and emits it', async () => {
    const client = adaSite();
    const shared = vi.fn();
    client.on('share', shared);
    const { view } = await showShare(client);
    const popup = { opener: window } as unknown as Window;
    const open = vi.spyOn(window, 'open').mockReturnValue(popup);
    const x = view.getByRole('link', { name: 'X' }) as HTMLAnchorElement;
    const followed = click(x);
    // In the same task as the click: nothing was awaited before the popup opened.
    expect(open).toHaveBeenCalledWith(x.href, 'vouch-share', 'popup,width=600,height=600');
    expect(popup.opener).toBeNull();
    expect(followed).toBe(false);
    const url = sharedLink(x.href).href;
    expect(shared).toHaveBeenCalledWith({ channel: 'x', url, code: 'ADA7KQ2M' });
    await vi.waitFor(() => expect(page.api.shares).toHaveLength(1));
    expect(page.api.shares[0]).toMatchObject({
      channel: 'x',
      url,
      visitor: client.getSnapshot().identity ? expect.any(String) : undefined,
      customer: { id: 'ada', name: 'Ada' },
    });
  });

  it('lets the link open a new tab when the popup is blocked, and opens mail in its app', async () => {
    const client = adaSite();
    const { view } = await showShare(client);
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    expect(click(view.getByRole('link', { name: 'WhatsApp' }))).toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
    expect(click(view.getByRole('link', { name: 'Email' }))).toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(page.api.shares).toHaveLength(2));
    expect(page.api.shares.map((body) => body.channel)).toEqual(['whatsapp', 'email']);
  });

  it('asks for the Mastodon server once, then shares there', async () => {
    const client = adaSite();
    const { view, root } = await showShare(client);
    const open = vi.spyOn(window, 'open').mockReturnValue({} as Window);
    const mastodon = view.getByRole('link', { name: 'Mastodon' }) as HTMLAnchorElement;
    expect(click(mastodon)).toBe(false);
    expect(open).not.toHaveBeenCalled();
    const server = view.getByLabelText('Your Mastodon server') as HTMLInputElement;
    expect((root as unknown as ShadowRoot).activeElement).toBe(server);
    const go = view.getByRole('link', { name: 'Share' });
    server.value = 'https://evil.example/path';
    expect(click(go)).toBe(false);
    expect(server.getAttribute('aria-invalid')).toBe('');
    expect(view.getByRole('status').textContent).toMatch(/such as mastodon\.social/);
    server.value = ' Mastodon.Social ';
    expect(click(go)).toBe(false);
    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.calls[0]?.[0]).toMatch(/^https:\/\/mastodon\.social\/share\?text=/);
    expect((root as unknown as ShadowRoot).activeElement).toBe(mastodon);
    expect(server.closest('[hidden]')).not.toBeNull();
    // The server is remembered: the next share goes straight there.
    expect(mastodon.href).toMatch(/^https:\/\/mastodon\.social\/share\?text=/);
    click(mastodon);
    expect(open).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(page.api.shares).toHaveLength(2));
    expect(page.api.shares[0]?.channel).toBe('mastodon');
  });

  it('is silent when the shopper closes the share sheet, and hides it when it fails', async () => {
    const share = vi.fn(() => Promise.reject(new DOMException('Share canceled', 'AbortError')));
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    const client = adaSite();
    const { view, group } = await showShare(client);
    const native = view.getByRole('button', { name: 'Share…' });
    native.click();
    await vi.waitFor(() => expect(share).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(native.hidden).toBe(false);
    expect(warn).not.toHaveBeenCalledWith(expect.stringMatching(/share/i));
    expect(error).not.toHaveBeenCalled();
    expect(page.api.shares).toHaveLength(0);

    share.mockImplementation(() => Promise.reject(new DOMException('No', 'NotAllowedError')));
    native.click();
    await vi.waitFor(() => expect(native.hidden).toBe(true));
    // The next button takes the focus the sheet's button had.
    expect(group.getRootNode()).toHaveProperty('activeElement', group.children[1]);
    expect(page.api.shares).toHaveLength(0);
  });

  it('copies the link with the Clipboard API, and says so', async () => {
    const client = adaSite();
    const { view } = await showShare(client);
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    view.getByRole('button', { name: 'Copy link' }).click();
    await vi.waitFor(() => expect(view.getByRole('status').textContent).toBe('Link copied'));
    const [copied] = write.mock.calls[0] ?? [];
    expect(new URL(copied ?? '').searchParams.get('utm_source')).toBe('copy');
    expect(new URL(copied ?? '').searchParams.get('ref')).toBe('ADA7KQ2M');
    await vi.waitFor(() => expect(page.api.shares).toHaveLength(1));
    expect(page.api.shares[0]).toMatchObject({ channel: 'copy', url: copied });
  });

  it('selects the link to copy by hand without the Clipboard API', async () => {
    const client = adaSite();
    const { view, root } = await showShare(client);
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    const field = view.getByLabelText('Link') as HTMLInputElement;
    expect(field.hidden).toBe(true);
    view.getByRole('button', { name: 'Copy link' }).click();
    await vi.waitFor(() =>
      expect(view.getByRole('status').textContent).toBe('Press Ctrl+C to copy'),
    );
    expect(field.hidden).toBe(false);
    expect(field.readOnly).toBe(true);
    expect((root as unknown as ShadowRoot).activeElement).toBe(field);
    expect(new URL(field.value).searchParams.get('utm_source')).toBe('copy');
    expect(page.api.shares).toHaveLength(0);
    // The shopper copies it: that is the share.
    field.dispatchEvent(new Event('copy', { bubbles: true }));
    await vi.waitFor(() => expect(page.api.shares).toHaveLength(1));
    expect(page.api.shares[0]).toMatchObject({ channel: 'copy', url: field.value });
  });

  it('reveals the reward once the server grants it, asking only while the page is visible', async () => {
    const client = adaSite();
    const unlocked = vi.fn();
    client.on('reward:unlocked', unlocked);
    const { view } = await showShare(client);
    const asked = () =>
      page.api.requests.filter((line) => line.startsWith('POST /v1/referrals')).length;
    const before = asked();
    let hidden = false;
    Object.defineProperty(document, 'hidden', { get: () => hidden, configurable: true });
    vi.spyOn(window, 'open').mockReturnValue({} as Window);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    click(view.getByRole('link', { name: 'X' }));
    // The shopper went to post it: nothing is asked while the page is hidden.
    hidden = true;
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(asked()).toBe(before);

    // Back on the page: asked at once, then every 20 s.
    hidden = false;
    document.dispatchEvent(new Event('visibilitychange'));
    vi.useRealTimers();
    await vi.waitFor(() => expect(asked()).toBe(before + 1));
    expect(view.getByRole('status').textContent).toBe('');

    // The friend visited: the next ask finds the reward.
    page.api.referral = () => ({
      status: 200,
      body: referralAnswer({ rewards: [shareReward({ coupon: 'SHARE5OFF' })] }),
    });
    hidden = true;
    document.dispatchEvent(new Event('visibilitychange'));
    hidden = false;
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() =>
      expect(view.getByRole('status').textContent).toBe('You earned 5% off: SHARE5OFF'),
    );
    expect(unlocked).toHaveBeenCalledWith({
      reason: 'share',
      reward: '5% off',
      coupon: 'SHARE5OFF',
    });
    // Found: no more asking.
    const after = asked();
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked()).toBe(after);
    expect(unlocked).toHaveBeenCalledTimes(1);
  });

  it('asks every 20 s for five minutes after a share, then stops', async () => {
    const client = adaSite();
    const { view } = await showShare(client);
    // Answered at once, without the network: only the asking is counted here.
    const ask = vi
      .spyOn(client, 'myReferral')
      .mockImplementation(() => Promise.resolve(referralAnswer() as Referral));
    const asked = () => ask.mock.calls.length;
    vi.spyOn(window, 'open').mockReturnValue({} as Window);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    click(view.getByRole('link', { name: 'X' }));
    await vi.advanceTimersByTimeAsync(19_000);
    expect(asked()).toBe(0);
    // Each 20 s, once, for five minutes: 15 times, then never again.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(asked()).toBe(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(asked()).toBe(2);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(asked()).toBe(15);
  });

  it('shows a reward already earned, and one the share itself earns', async () => {
    const client = adaSite({ ...shareProgram, rewardOn: 'share' });
    page.api.referral = () => ({
      status: 200,
      body: referralAnswer({ rewards: [shareReward({ status: 'pending' })] }),
    });
    const unlocked = vi.fn();
    client.on('reward:unlocked', unlocked);
    const { view } = await showShare(client);
    await vi.waitFor(() => expect(view.getByRole('status').textContent).toBe('You earned 5% off.'));
    expect(unlocked).not.toHaveBeenCalled();
    expect(view.getByText(/^Share and get 5% off\./)).toBeTruthy();

    const other = adaSite({ ...shareProgram, rewardOn: 'share' });
    page.api.share = () => ({
      status: 200,
      body: { recorded: true, reward: shareReward({ coupon: 'SHARE5OFF' }) },
    });
    other.on('reward:unlocked', unlocked);
    const second = await showShare(other);
    vi.spyOn(window, 'open').mockReturnValue({} as Window);
    click(second.view.getByRole('link', { name: 'X' }));
    await vi.waitFor(() =>
      expect(second.view.getByRole('status').textContent).toBe('You earned 5% off: SHARE5OFF'),
    );
    expect(unlocked).toHaveBeenCalledTimes(1);
  });

  it('warns once on a development page that lacks Open Graph tags, naming them', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.resetModules();
    const fresh = (await import('../share.js')).default;
    const meta = document.head.appendChild(document.createElement('meta'));
    meta.setAttribute('property', 'og:title');
    meta.setAttribute('content', 'Soap');
    page.api.config = (key) => ({ status: 200, body: siteConfig(key) });
    page.show(fresh, page.client(nextSite()));
    page.show(fresh, page.client(nextSite()));
    const ours = () =>
      warn.mock.calls.filter(([message]) => /Open Graph|og:/.test(String(message)));
    // Checked once the buttons' own file is in.
    await vi.waitFor(() => expect(ours()).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ours()).toHaveLength(1);
    expect(ours()[0]?.[0]).toBe(
      '[vouch] share: this page lacks og:description, og:image, og:url; link previews need them',
    );
    meta.remove();
  });

  it('does not warn about Open Graph tags on a shop page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.resetModules();
    const fresh = (await import('../share.js')).default;
    const home = location.href;
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://shop.example/soap',
    );
    try {
      page.api.config = (key) => ({ status: 200, body: siteConfig(key) });
      const { view } = page.show(fresh, page.client(nextSite()));
      await view.findByRole('link', { name: 'WhatsApp' });
      expect(warn.mock.calls.filter(([message]) => /og:/.test(String(message)))).toEqual([]);
    } finally {
      (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(home);
    }
  });
});
