import { fireEvent } from '@testing-library/dom';
import { describe, expect, it, vi } from 'vitest';
import { type Answer, siteConfig } from '../../../test/support/startApiServer.js';
import { useWidgetPage } from '../../../test/support/useWidgetPage.js';
import testimonialsWidget from '../testimonials.js';

const page = useWidgetPage();
let sites = 0;
const nextSite = () => `pk_wallwidget_${String(++sites).padStart(12, '0')}`;

/** The `n`th review written (1-based): newer the higher `n`, rated 1 to 5 in turn. */
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

/** The stand-in's answers from `all` (newest first, or highest), a page at a time. */
function serve(all: ReturnType<typeof review>[]) {
  const asked: Record<string, string>[] = [];
  page.api.testimonials = (_, query): Answer => {
    asked.push(query);
    const sorted = [...all].sort(
      (a, b) =>
        (query.sort === 'highest' ? b.rating - a.rating : 0) ||
        b.createdAt.localeCompare(a.createdAt),
    );
    const from = Number(query.cursor ?? 0);
    const to = from + Number(query.limit ?? 10);
    return {
      status: 200,
      body: { items: sorted.slice(from, to), nextCursor: to < all.length ? String(to) : null },
    };
  };
  return asked;
}

const headings = (root: HTMLElement) =>
  Array.from(root.querySelectorAll('h3'), (heading) => heading.textContent);

describe('testimonials widget', () => {
  it('shows a labelled region of review cards, with words for the stars, dates, badges and replies', async () => {
    page.api.config = (key) => ({
      status: 200,
      body: siteConfig(key, { locale: 'en-GB', name: 'Lather & Leaf' }),
    });
    const asked = serve([
      review(1),
      review(2, {
        rating: 4,
        title: 'Soft hands',
        verifiedBuyer: true,
        incentivized: true,
        product: 'oat-and-honey',
        reply: { body: 'Thank you!', createdAt: '2026-01-05T10:00:00.000Z' },
      }),
    ]);
    const { root, view } = page.show(testimonialsWidget, page.client(nextSite()), {
      product: 'oat-and-honey',
    });
    // The space is held from the start, while the reviews load.
    expect(root.querySelector('[data-vouch-reserve]')).not.toBeNull();
    const wall = view.getByRole('region', { name: 'Customer reviews' });
    expect(wall.getAttribute('aria-busy')).toBe('true');
    expect(view.getByText('Loading reviews…').getAttribute('role')).toBe('status');
    await view.findByRole('heading', { name: 'Author 2' });
    expect(wall.dataset.state).toBe('done');
    expect(wall.getAttribute('aria-busy')).toBe('false');
    expect(asked).toEqual([{ product: 'oat-and-honey', sort: 'newest', limit: '6' }]);

    const [newest, older] = view.getAllByRole('listitem');
    expect(headings(root)).toEqual(['Author 2', 'Author 1']);
    expect(newest?.textContent).toBe(
      'Author 2★★★★☆Rated 4 out of 5 2 Jan 2026Verified buyerReceived an incentive' +
        'Soft handsReview 2: lathers well and smells of honey.Reply from Lather & LeafThank you!',
    );
    expect(newest?.querySelector('.vouch-stars')?.getAttribute('aria-hidden')).toBe('true');
    expect(view.getByText('Rated 4 out of 5').className).toBe('vouch-sr');
    expect(newest?.querySelector('time')?.getAttribute('datetime')).toBe(
      '2026-01-02T00:00:00.000Z',
    );
    // No title, no badge, no reply: nothing in their place.
    expect(older?.textContent).toBe(
      'Author 1★☆☆☆☆Rated 1 out of 5 1 Jan 2026Review 1: lathers well and smells of honey.',
    );
    // Two reviews, no next page: no "Load more".
    expect(view.queryByRole('button')).toBeNull();
    expect(view.getByRole('combobox', { name: 'Sort by' })).toHaveProperty('value', 'newest');
  });

  it('keeps every field a shopper or the merchant wrote as inert text', async () => {
    page.api.config = (key) => ({ status: 200, body: siteConfig(key, { name: '<b>Shop</b>' }) });
    const payloads = [
      '<img src=x onerror="window.__pwned=1">',
      '<script>window.__pwned=1</script>',
      '"><svg onload=window.__pwned=1>',
      '<a href="javascript:window.__pwned=1">click</a>',
    ] as const;
    serve([
      review(1, {
        authorName: payloads[0],
        title: payloads[1],
        body: payloads[2],
        reply: { body: payloads[3], createdAt: '2026-01-05T10:00:00.000Z' },
      }),
    ]);
    const { root, view } = page.show(testimonialsWidget, page.client(nextSite()));
    await view.findByRole('heading', { name: payloads[0] });
    for (const payload of payloads) expect(view.getByText(payload)).toBeTruthy();
    expect(view.getByText('Reply from <b>Shop</b>')).toBeTruthy();
    expect(root.querySelector('img, script, svg, a, b')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('loads more below, moving focus to the first new review and announcing the count, until the end', async () => {
    const asked = serve(Array.from({ length: 14 }, (_, i) => review(i + 1)));
    const { root, view } = page.show(testimonialsWidget, page.client(nextSite()), {
      limit: '6',
    });
    const more = await view.findByRole('button', { name: 'Load more reviews' });
    expect(headings(root)).toHaveLength(6);
    more.focus();
    fireEvent.click(more);
    // A second click while the page loads asks nothing more.
    fireEvent.click(more);
    await vi.waitFor(() => expect(headings(root)).toHaveLength(12));
    expect(headings(root).slice(5, 7)).toEqual(['Author 9', 'Author 8']);
    expect((root as unknown as ShadowRoot).activeElement?.textContent).toBe('Author 8');
    const note = view.getAllByRole('status').at(-1);
    expect(note?.textContent).toBe('6 more reviews shown');
    expect(view.getByRole('button', { name: 'Load more reviews' })).toBe(more);

    fireEvent.click(more);
    await vi.waitFor(() => expect(headings(root)).toHaveLength(14));
    expect(note?.textContent).toBe('2 more reviews shown');
    expect((root as unknown as ShadowRoot).activeElement?.textContent).toBe('Author 2');
    // The end: no more button, and nothing was asked twice.
    expect(view.queryByRole('button')).toBeNull();
    expect(asked.map((query) => query.cursor)).toEqual([undefined, '6', '12']);
    expect(asked.every((query) => query.sort === 'newest' && query.limit === '6')).toBe(true);
  });

  it('sorts again from the first page, keeping focus on the control', async () => {
    const asked = serve(Array.from({ length: 9 }, (_, i) => review(i + 1)));
    const { root, view } = page.show(testimonialsWidget, page.client(nextSite()), {
      limit: 3,
    });
    fireEvent.click(await view.findByRole('button', { name: 'Load more reviews' }));
    await vi.waitFor(() => expect(headings(root)).toHaveLength(6));
    const sort = view.getByRole('combobox', { name: 'Sort by' }) as HTMLSelectElement;
    sort.focus();
    sort.value = 'highest';
    fireEvent.change(sort);
    // The reviews shown stay until the new order is in, then the first page replaces them.
    expect(headings(root)).toHaveLength(6);
    await vi.waitFor(() => expect(headings(root)).toEqual(['Author 5', 'Author 9', 'Author 4']));
    expect((root as unknown as ShadowRoot).activeElement).toBe(sort);
    expect(asked.at(-1)).toEqual({ sort: 'highest', limit: '3' });

    // The initial order can be given too.
    const highest = serve([review(1), review(2)]);
    const other = page.show(testimonialsWidget, page.client(nextSite()), { sort: 'highest' });
    await other.view.findByRole('heading', { name: 'Author 2' });
    expect(highest).toEqual([{ sort: 'highest', limit: '6' }]);
    expect(other.view.getByRole('combobox')).toHaveProperty('value', 'highest');
  });

  it('says when there is no review yet, and offers to try again when the reviews cannot load', async () => {
    serve([]);
    const empty = page.show(testimonialsWidget, page.client(nextSite()));
    await empty.view.findByText('No reviews yet');
    expect(empty.view.queryByRole('combobox')).toBeNull();
    expect(empty.view.queryByRole('button')).toBeNull();
    expect(empty.root.querySelector('[data-vouch-reserve]')).not.toBeNull();

    page.api.testimonials = () => ({
      status: 503,
      body: { error: { code: 'down', message: 'down' } },
    });
    const failed = page.show(testimonialsWidget, page.client(nextSite()));
    const alert = await failed.view.findByRole('alert');
    expect(alert.textContent).toBe('Reviews could not be loaded.Try again');
    expect(failed.view.getByRole('region').dataset.state).toBe('error');
    expect(failed.root.querySelector('[data-vouch-reserve]')).not.toBeNull();
    serve([review(1)]);
    fireEvent.click(failed.view.getByRole('button', { name: 'Try again' }));
    await failed.view.findByRole('heading', { name: 'Author 1' });
    expect(failed.view.queryByRole('alert')).toBeNull();
  });

  it('tells everyone when the next page cannot load, and keeps the button to try again', async () => {
    serve(Array.from({ length: 8 }, (_, i) => review(i + 1)));
    const { root, view } = page.show(testimonialsWidget, page.client(nextSite()));
    const more = await view.findByRole('button', { name: 'Load more reviews' });
    const serving = page.api.testimonials;
    page.api.testimonials = () => ({
      status: 503,
      body: { error: { code: 'down', message: 'x' } },
    });
    fireEvent.click(more);
    const note = await view.findByText('More reviews could not be loaded. Please try again.');
    expect(note.getAttribute('role')).toBe('status');
    expect(note.className).toBe('vouch-muted');
    expect(headings(root)).toHaveLength(6);
    page.api.testimonials = serving;
    fireEvent.click(more);
    await vi.waitFor(() => expect(headings(root)).toHaveLength(8));
    expect(note.textContent).toBe('2 more reviews shown');
    expect(note.className).toBe('vouch-sr');
  });
});
