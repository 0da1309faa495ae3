import { describe, expect, it, vi } from 'vitest';
import { siteConfig } from '../../../test/support/startApiServer.js';
import { useWidgetPage } from '../../../test/support/useWidgetPage.js';
import ratingWidget from '../rating.js';

const page = useWidgetPage();
let sites = 0;
const nextSite = () => `pk_ratingwidget_${String(++sites).padStart(12, '0')}`;

/** A summary as the server answers it, from the counts of each star. */
const summary = (counts: [number, number, number, number, number], product?: string) => {
  const count = counts.reduce((total, n) => total + n, 0);
  const stars = counts.reduce((total, n, index) => total + n * (index + 1), 0);
  return {
    status: 200,
    body: {
      ...(product !== undefined && { product }),
      average: count ? Math.round((stars / count) * 10) / 10 : null,
      count,
      histogram: { 1: counts[0], 2: counts[1], 3: counts[2], 4: counts[3], 5: counts[4] },
    },
  };
};

describe('rating widget', () => {
  it("shows a product's average and count, read as words, with the stars filled to it", async () => {
    const site = nextSite();
    page.api.config = (key) => ({ status: 200, body: siteConfig(key, { locale: 'en-GB' }) });
    const asked: Array<string | undefined> = [];
    page.api.rating = (_, product) => {
      asked.push(product);
      return summary([3, 0, 40, 160, 1000], product);
    };
    const { root, view } = page.show(ratingWidget, page.client(site), { product: 'oat-and-honey' });
    const badge = root.querySelector('[data-vouch-part="rating"]') as HTMLElement;
    // One line is held from the start, in every state.
    expect(root.querySelector('[data-vouch-reserve]')).not.toBeNull();
    await vi.waitFor(() => expect(badge.dataset.state).toBe('done'));
    expect(asked).toEqual(['oat-and-honey']);
    expect(badge.textContent).toBe('★★★★★4.8Rated 4.8 out of 5 from 1,203 reviews');
    expect(view.getByText('Rated 4.8 out of 5').className).toBe('vouch-sr');
    const stars = badge.querySelector('.vouch-stars') as HTMLElement;
    expect(stars.getAttribute('aria-hidden')).toBe('true');
    expect(stars.style.getPropertyValue('--vouch-fill')).toBe('96%');
    expect(badge.querySelector('.vouch-average')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('counts the whole site without a product, says when there is no review, and one review', async () => {
    page.api.config = (key) => ({ status: 200, body: siteConfig(key) });
    page.api.rating = (_, product) => summary([0, 0, 0, 0, 0], product);
    const empty = page.show(ratingWidget, page.client(nextSite()));
    await empty.view.findByText('No reviews yet');

    page.api.rating = (_, product) => summary([1, 0, 0, 0, 0], product);
    const one = page.show(ratingWidget, page.client(nextSite()));
    await vi.waitFor(() =>
      expect(one.root.querySelector('[data-vouch-part="rating"]')?.textContent).toBe(
        '★★★★★1.0Rated 1.0 out of 5 from 1 review',
      ),
    );
  });

  it('links the whole badge to a safe href only, and stays an empty line when it cannot load', async () => {
    page.api.config = (key) => ({ status: 200, body: siteConfig(key) });
    page.api.rating = (_, product) => summary([0, 0, 0, 1, 1], product);
    const linked = page.show(ratingWidget, page.client(nextSite()), { href: '#reviews' });
    const link = await linked.view.findByRole('link', {
      name: 'Rated 4.5 out of 5 from 2 reviews',
    });
    expect(link.getAttribute('href')).toBe('#reviews');

    const unsafe = page.show(ratingWidget, page.client(nextSite()), {
      href: 'javascript:alert(1)',
    });
    await unsafe.view.findByText('Rated 4.5 out of 5');
    expect(unsafe.view.queryByRole('link')).toBeNull();

    page.api.rating = () => ({ status: 503, body: { error: { code: 'down', message: 'down' } } });
    const failed = page.show(ratingWidget, page.client(nextSite()), { product: 'sku-1' });
    const badge = failed.root.querySelector('[data-vouch-part="rating"]') as HTMLElement;
    await vi.waitFor(() => expect(badge.dataset.state).toBe('error'), { timeout: 20_000 });
    expect(badge.textContent).toBe('');
    expect(failed.root.querySelector('[data-vouch-reserve]')).not.toBeNull();
  }, 30_000);
});
