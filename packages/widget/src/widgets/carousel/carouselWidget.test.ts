import { fireEvent } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { siteConfig } from '../../../test/support/startApiServer.js';
import { useWidgetPage } from '../../../test/support/useWidgetPage.js';
import { mount } from '../../mount.js';
import carouselWidget from '../carousel.js';

const page = useWidgetPage();
let sites = 0;
const nextSite = () => `pk_carouselwidget_${String(++sites).padStart(12, '0')}`;

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The `n`th review written (1-based), rated 1 to 5 in turn. */
const review = (n: number, fields: Record<string, unknown> = {}) => ({
  id: `t${n}`,
  rating: ((n - 1) % 5) + 1,
  body: `Review ${n}: lathers well and smells of honey.`,
  authorName: `Author ${n}`,
  createdAt: new Date(Date.UTC(2026, 0, n)).toISOString(),
  verifiedBuyer: false,
  incentivized: false,
  ...fields,
});

/** Serves `count` reviews (newest first), noting what was asked. */
function serve(count: number, fields: Record<string, unknown> = {}) {
  const asked: Record<string, string>[] = [];
  page.api.testimonials = (_, query) => {
    asked.push(query);
    const items = Array.from({ length: count }, (_, i) => review(count - i, fields));
    return { status: 200, body: { items, nextCursor: null } };
  };
  return asked;
}

/** A `prefers-reduced-motion` query that a test can flip, as a shopper's settings would. */
function reducedMotion(matches: boolean) {
  const query = Object.assign(new EventTarget(), { matches, media: '' });
  vi.spyOn(window, 'matchMedia').mockReturnValue(query as unknown as MediaQueryList);
  return (now: boolean) => {
    query.matches = now;
    query.dispatchEvent(new Event('change'));
  };
}

/** Waits until `done()`, for five seconds at most, between the page's tasks. */
async function settle(done: () => boolean) {
  for (const end = Date.now() + 5000; !done() && Date.now() < end; )
    await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Shows a carousel and waits until it has loaded (or failed), checking between the page's
 * tasks: not through timers, which a test may have faked to count the carousel's.
 */
async function show(options: Record<string, unknown> = {}) {
  const shown = page.show(carouselWidget, page.client(nextSite()), options);
  const carousel = shown.root.querySelector('[data-vouch-part="carousel"]') as HTMLElement;
  await settle(() => carousel.dataset.state !== 'loading');
  expect(carousel.dataset.state).not.toBe('loading');
  const live = shown.root.querySelector('.vouch-live') as HTMLElement;
  /** The name of the slide shown, and its author. */
  const slide = () => {
    const group = shown.view.queryByRole('group');
    return group && `${group.getAttribute('aria-label')} ${group.querySelector('h3')?.textContent}`;
  };
  return { ...shown, carousel, live, slide };
}

describe('carousel widget', () => {
  it('is a named carousel of slides "1 of 3", one at a time, whose arrows wrap around', async () => {
    reducedMotion(false);
    page.api.config = (key) => ({ status: 200, body: siteConfig(key, { locale: 'en-GB' }) });
    const asked = serve(3, { verifiedBuyer: true });
    const shown = show({ product: 'oat-and-honey' });
    // The space is held from the start, while the reviews load.
    const first = document.body.lastElementChild?.shadowRoot as ShadowRoot;
    expect(first.querySelector('[data-vouch-reserve]')).not.toBeNull();
    expect(first.querySelector('[role=status]')?.textContent).toBe('Loading reviews…');
    const { view, root, slide, live } = await shown;
    expect(asked).toEqual([{ product: 'oat-and-honey', limit: '10' }]);

    const carousel = view.getByRole('region', { name: 'Customer reviews' });
    expect(carousel.tagName).toBe('SECTION');
    expect(carousel.getAttribute('aria-roledescription')).toBe('carousel');
    const group = view.getByRole('group', { name: '1 of 3' });
    expect(group.getAttribute('aria-roledescription')).toBe('slide');
    expect(view.getAllByRole('group')).toHaveLength(1);
    // The card of the wall, as the slide's content (not an item of a list).
    expect(group.textContent).toBe(
      'Author 3★★★☆☆Rated 3 out of 5 3 Jan 2026Verified buyerReview 3: lathers well and smells of honey.',
    );
    expect(group.querySelector('li')?.getAttribute('role')).toBe('none');

    // The rotation control comes first, then the arrows, which control the slide area.
    const buttons = view.getAllByRole('button');
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Stop automatic slide show',
      'Previous review',
      'Next review',
    ]);
    const next = view.getByRole('button', { name: 'Next review' });
    const previous = view.getByRole('button', { name: 'Previous review' });
    expect(next.getAttribute('aria-controls')).toBe(live.id);
    expect(root.querySelector('.vouch-bar span')?.textContent).toBe('1 of 3');

    fireEvent.click(next);
    expect(slide()).toBe('2 of 3 Author 2');
    expect(root.querySelector('.vouch-bar span')?.textContent).toBe('2 of 3');
    fireEvent.click(next);
    fireEvent.click(next);
    expect(slide()).toBe('1 of 3 Author 3');
    fireEvent.click(previous);
    expect(slide()).toBe('3 of 3 Author 1');
    fireEvent.click(previous);
    expect(slide()).toBe('2 of 3 Author 2');
    // Turned by the shopper, it no longer turns on its own, and each slide is read.
    expect(view.getByRole('button', { name: 'Start automatic slide show' })).toBe(buttons[0]);
    expect(live.getAttribute('aria-live')).toBe('polite');
  });

  it('labels "2 of 7" through seven slides, and takes the limit', async () => {
    reducedMotion(true);
    const asked = serve(7);
    const { view, slide } = await show({ limit: '7' });
    expect(asked).toEqual([{ limit: '7' }]);
    const seen = [slide()];
    for (let i = 0; i < 7; i++) {
      fireEvent.click(view.getByRole('button', { name: 'Next review' }));
      seen.push(slide());
    }
    expect(seen).toEqual([
      '1 of 7 Author 7',
      '2 of 7 Author 6',
      '3 of 7 Author 5',
      '4 of 7 Author 4',
      '5 of 7 Author 3',
      '6 of 7 Author 2',
      '7 of 7 Author 1',
      '1 of 7 Author 7',
    ]);
  });

  it('turns every interval on its own, with the live region off, until the shopper pauses it', async () => {
    reducedMotion(false);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    serve(3);
    const { view, slide, live } = await show();
    expect(live.getAttribute('aria-live')).toBe('off');
    vi.advanceTimersByTime(6999);
    expect(slide()).toBe('1 of 3 Author 3');
    vi.advanceTimersByTime(1);
    expect(slide()).toBe('2 of 3 Author 2');
    vi.advanceTimersByTime(14_000);
    expect(slide()).toBe('1 of 3 Author 3');

    const rotate = view.getByRole('button', { name: 'Stop automatic slide show' });
    expect(rotate.textContent).toBe('❚❚');
    fireEvent.click(rotate);
    expect(rotate.getAttribute('aria-label')).toBe('Start automatic slide show');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(slide()).toBe('1 of 3 Author 3');

    // Started again, it turns at once, though the pointer is still on the button.
    fireEvent.mouseEnter(view.getByRole('region'));
    fireEvent.click(rotate);
    expect(rotate.getAttribute('aria-label')).toBe('Stop automatic slide show');
    expect(live.getAttribute('aria-live')).toBe('off');
    vi.advanceTimersByTime(7000);
    expect(slide()).toBe('2 of 3 Author 2');
  });

  it('takes the interval in seconds, and stops for good when the shopper turns it', async () => {
    reducedMotion(false);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    serve(3);
    const { view, slide } = await show({ interval: '3' });
    vi.advanceTimersByTime(3000);
    expect(slide()).toBe('2 of 3 Author 2');
    fireEvent.click(view.getByRole('button', { name: 'Next review' }));
    expect(slide()).toBe('3 of 3 Author 1');
    vi.advanceTimersByTime(60_000);
    expect(slide()).toBe('3 of 3 Author 1');
    expect(view.getByRole('button', { name: 'Start automatic slide show' })).toBeTruthy();

    // An interval out of range gives the default.
    serve(2);
    const other = await show({ interval: '0.1' });
    vi.advanceTimersByTime(6999);
    expect(other.slide()).toBe('1 of 2 Author 2');
    vi.advanceTimersByTime(1);
    expect(other.slide()).toBe('2 of 2 Author 1');
  });

  it('never turns on its own under reduced motion, and follows the setting as it changes', async () => {
    const change = reducedMotion(true);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    serve(3);
    const { view, slide, live } = await show();
    expect(vi.getTimerCount()).toBe(0);
    // No rotation, so no rotation control; the arrows are there, and each slide is read.
    expect(view.queryByRole('button', { name: /automatic/ })).toBeNull();
    expect(view.getAllByRole('button')).toHaveLength(2);
    expect(live.getAttribute('aria-live')).toBe('polite');
    vi.advanceTimersByTime(60_000);
    expect(slide()).toBe('1 of 3 Author 3');

    change(false);
    expect(view.getByRole('button', { name: 'Stop automatic slide show' })).toBeTruthy();
    vi.advanceTimersByTime(7000);
    expect(slide()).toBe('2 of 3 Author 2');
    change(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(view.queryByRole('button', { name: /automatic/ })).toBeNull();
  });

  it('waits while keyboard focus or the pointer is inside, and goes on once they leave', async () => {
    reducedMotion(false);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    serve(3);
    const { view, slide, live } = await show();
    const carousel = view.getByRole('region');
    live.focus();
    expect(live.getAttribute('aria-live')).toBe('polite');
    vi.advanceTimersByTime(30_000);
    expect(slide()).toBe('1 of 3 Author 3');
    live.blur();
    expect(live.getAttribute('aria-live')).toBe('off');
    vi.advanceTimersByTime(7000);
    expect(slide()).toBe('2 of 3 Author 2');

    fireEvent.mouseEnter(carousel);
    expect(live.getAttribute('aria-live')).toBe('polite');
    vi.advanceTimersByTime(30_000);
    expect(slide()).toBe('2 of 3 Author 2');
    fireEvent.mouseLeave(carousel);
    vi.advanceTimersByTime(7000);
    expect(slide()).toBe('3 of 3 Author 1');
    // Still the shopper's to stop: waiting was not stopping.
    expect(view.getByRole('button', { name: 'Stop automatic slide show' })).toBeTruthy();
  });

  it('runs no timer while the tab is hidden or the carousel is off screen', async () => {
    reducedMotion(false);
    let report: ((entries: { isIntersecting: boolean }[]) => void) | undefined;
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: typeof report) {
          report = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    serve(3);
    const { slide } = await show();
    const running = vi.getTimerCount();
    report?.([{ isIntersecting: false }]);
    expect(vi.getTimerCount()).toBe(running - 1);
    report?.([{ isIntersecting: true }]);
    expect(vi.getTimerCount()).toBe(running);

    const hidden = vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(vi.getTimerCount()).toBe(running - 1);
    hidden.mockReturnValue(false);
    document.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(7000);
    expect(slide()).toBe('2 of 3 Author 2');
  });

  it('leaves no timer, observer or listener behind once unmounted', async () => {
    reducedMotion(false);
    const disconnect = vi.fn();
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        observe() {}
        disconnect = disconnect;
      },
    );
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    serve(3);
    const element = document.body.appendChild(document.createElement('div'));
    const unmount = mount(element, carouselWidget, { client: page.client(nextSite()) });
    const root = element.shadowRoot as ShadowRoot;
    await settle(() => root.querySelector('[role=group]') !== null);
    const running = vi.getTimerCount();
    unmount();
    expect(vi.getTimerCount()).toBe(running - 1);
    expect(disconnect).toHaveBeenCalledOnce();
    expect(root.querySelector('[role=group]')).toBeNull();
  });

  it('turns with the arrow keys on the slide area, mirrored right to left', async () => {
    reducedMotion(false);
    serve(3);
    const { view, slide, live, element } = await show();
    expect(live.tabIndex).toBe(0);
    live.focus();
    fireEvent.keyDown(live, { key: 'ArrowRight' });
    expect(slide()).toBe('2 of 3 Author 2');
    fireEvent.keyDown(live, { key: 'ArrowLeft' });
    fireEvent.keyDown(live, { key: 'ArrowLeft' });
    expect(slide()).toBe('3 of 3 Author 1');
    fireEvent.keyDown(live, { key: 'ArrowDown' });
    expect(slide()).toBe('3 of 3 Author 1');
    // Focus stays on the slide area, whose new slide is read.
    expect((element.shadowRoot as ShadowRoot).activeElement).toBe(live);
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(view.getByRole('button', { name: 'Start automatic slide show' })).toBeTruthy();

    element.style.direction = 'rtl';
    fireEvent.keyDown(live, { key: 'ArrowLeft' });
    expect(slide()).toBe('1 of 3 Author 3');
    fireEvent.keyDown(live, { key: 'ArrowRight' });
    expect(slide()).toBe('3 of 3 Author 1');
  });

  it('shows one review without controls, says when there is none, and offers to try again', async () => {
    reducedMotion(false);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    serve(1);
    const one = await show();
    expect(one.slide()).toBe('1 of 1 Author 1');
    expect(one.view.queryByRole('button')).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();

    serve(0);
    const empty = await show();
    expect(empty.view.getByText('No reviews yet')).toBeTruthy();
    expect(empty.view.queryByRole('group')).toBeNull();
    expect(empty.view.queryByRole('button')).toBeNull();
    expect(empty.carousel.dataset.state).toBe('done');
    expect(empty.root.querySelector('[data-vouch-reserve]')).not.toBeNull();

    page.api.testimonials = () => ({
      status: 503,
      body: { error: { code: 'down', message: 'x' } },
    });
    const failed = await show();
    const alert = failed.view.getByRole('alert');
    expect(alert.textContent).toBe('Reviews could not be loaded.Try again');
    expect(failed.carousel.dataset.state).toBe('error');
    expect(failed.root.querySelector('[data-vouch-reserve]')).not.toBeNull();
    serve(2);
    fireEvent.click(failed.view.getByRole('button', { name: 'Try again' }));
    expect(failed.view.getByRole('status').textContent).toBe('Loading reviews…');
    await failed.view.findByRole('group', { name: '1 of 2' });
    expect(failed.view.queryByRole('alert')).toBeNull();
  });

  it('keeps every field a shopper or the merchant wrote as inert text', async () => {
    reducedMotion(true);
    page.api.config = (key) => ({ status: 200, body: siteConfig(key, { name: '<b>Shop</b>' }) });
    const payloads = [
      '<img src=x onerror="window.__pwned=1">',
      '<script>window.__pwned=1</script>',
      '"><svg onload=window.__pwned=1>',
      '<a href="javascript:window.__pwned=1">click</a>',
    ] as const;
    page.api.testimonials = () => ({
      status: 200,
      body: {
        items: [
          review(1, {
            authorName: payloads[0],
            title: payloads[1],
            body: payloads[2],
            reply: { body: payloads[3], createdAt: '2026-01-05T10:00:00.000Z' },
          }),
        ],
        nextCursor: null,
      },
    });
    const { view, root } = await show();
    for (const payload of payloads) expect(view.getByText(payload)).toBeTruthy();
    expect(view.getByText('Reply from <b>Shop</b>')).toBeTruthy();
    expect(root.querySelector('img, script, svg, a, b')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
