// The `carousel` widget: `data-vouch="carousel"`, `<vouch-carousel>`, and a lazily loaded
// chunk of the script-tag build. Options (from `data-*` or attributes, as strings):
// `product` — only the reviews of this product (default: every review of the site);
// `limit` — how many of the newest reviews it turns through, 1–50 (default 10);
// `interval` — seconds each is shown while it turns on its own, 2–600 (default 7). There
// is no filter by rating: every approved review is shown.
import type { SiteConfig } from '@vouch/core';
import type { TestimonialPage } from '@vouch/core/schemas';
import { defineDomWidget } from '../defineDomWidget.js';
import { createLoad } from '../dom/createLoad.js';
import { setChildren } from '../dom/setChildren.js';
import { tags } from '../dom/tags.js';
import { carouselMessages as c } from './carousel/carouselMessages.js';
import { carouselReserve } from './carousel/carouselReserve.js';
import { carouselStyles } from './carousel/carouselStyles.js';
import { testimonialCard } from './testimonials/testimonialCard.js';
import { testimonialsMessages as m } from './testimonials/testimonialsMessages.js';

const { button, div, p, section, span, ul } = tags;

/** Options of the `carousel` widget. */
export interface CarouselWidgetOptions extends Record<string, unknown> {
  /** The product whose approved reviews are shown. @default every review of the site */
  product?: string;
  /** How many of the newest reviews it shows, 1–50 (a number, or its digits). @default 10 */
  limit?: number | string;
  /** Seconds each review is shown while it turns on its own, 2–600. @default 7 */
  interval?: number | string;
}

/**
 * The `carousel` widget module, for `mount(element, carouselWidget, { client })`: approved
 * reviews one card at a time, for home pages and sidebars, after the WAI-ARIA basic
 * carousel pattern. A region "Customer reviews" (a "carousel"): the rotation control
 * first, then previous and next (wrapping around), then the slide area, whose slides are
 * named "2 of 7". It turns every `interval` seconds unless the shopper asked for reduced
 * motion; it waits while the pointer or keyboard focus is inside, while it is off screen or
 * the tab is hidden, and stops for good once the shopper stops it or turns it themselves.
 * While it turns, the slide area is not a live region; otherwise each new slide is read.
 * Left and right arrows turn it too while the slide area has focus (mirrored right to
 * left). It holds its space from the moment it is mounted, so nothing ever moves.
 */
export default defineDomWidget<CarouselWidgetOptions>({
  name: 'carousel',
  styles: carouselStyles,
  reserve: carouselReserve,
  render({ options, context: { client, id }, onUnmount, refresh }) {
    const product =
      typeof options.product === 'string' && options.product ? options.product : undefined;
    const wanted = Number(options.limit);
    const limit = Number.isInteger(wanted) && wanted > 0 && wanted <= 50 ? wanted : 10;
    const seconds = Number(options.interval);
    const delay = (seconds >= 2 && seconds <= 600 ? seconds : 7) * 1000;
    const load = createLoad(
      () =>
        Promise.all([
          client.testimonials({ product, limit }),
          client.siteConfig().catch(() => undefined),
        ]),
      refresh,
      onUnmount,
    );
    const motion = matchMedia('(prefers-reduced-motion: reduce)');
    let slides: HTMLElement[] = [];
    let shown: [TestimonialPage, SiteConfig | undefined] | undefined;
    let at = 0;
    // Stopped by the shopper (rotation control, previous or next) until they start it again;
    // waiting while the pointer or focus is inside, or while it is out of sight.
    let stopped = false;
    let hover = false;
    let focus = false;
    let seen = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** Shows the slide `step` away from the current one; the shopper's turn stops rotation. */
    const turn = (step: number) => {
      stopped = true;
      at += step;
      refresh();
    };

    const liveId = id('slides');
    const rotate = button({
      onclick() {
        stopped = !stopped;
        // Starting it is asked for here and now: the pointer or focus on this button does
        // not hold it back until they leave.
        hover = focus = false;
        refresh();
      },
    });
    const previous = button(
      {
        class: 'vouch-prev',
        'aria-label': c.previous,
        'aria-controls': liveId,
        onclick: () => turn(-1),
      },
      '‹',
    );
    const next = button(
      { 'aria-label': c.next, 'aria-controls': liveId, onclick: () => turn(1) },
      '›',
    );
    // Seen, not read: each slide's name says the same.
    const position = span({ 'aria-hidden': 'true' });
    const live = div({
      id: liveId,
      class: 'vouch-live',
      // Focusable, so a long review can be scrolled and the arrows turn the slides.
      tabIndex: 0,
      onkeydown(event: KeyboardEvent) {
        const forward = event.key === 'ArrowRight';
        if (!forward && event.key !== 'ArrowLeft') return;
        event.preventDefault();
        turn(forward === (getComputedStyle(live).direction === 'rtl') ? -1 : 1);
      },
    });
    const area = div({ class: 'vouch-area' });
    const loading = p({ role: 'status' }, m.loading);
    const none = p(m.none);
    const failed = div({ role: 'alert' }, p(m.failed), button({ onclick: load.retry }, m.retry));
    const carousel = section(
      {
        'aria-roledescription': c.carousel,
        'aria-label': m.title,
        'data-vouch-part': 'carousel',
        onmouseenter() {
          hover = true;
          refresh();
        },
        onmouseleave() {
          hover = false;
          refresh();
        },
        onfocusin() {
          focus = true;
          refresh();
        },
        onfocusout() {
          focus = false;
          refresh();
        },
      },
      div({ class: 'vouch-bar' }, rotate, previous, position, next),
      area,
    );

    // Out of sight, no timer runs: it costs the shopper nothing.
    const observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => {
            seen = entries.some((entry) => entry.isIntersecting);
            refresh();
          })
        : undefined;
    observer?.observe(carousel);
    document.addEventListener('visibilitychange', refresh);
    motion.addEventListener('change', refresh);
    onUnmount(() => {
      clearTimeout(timer);
      observer?.disconnect();
      document.removeEventListener('visibilitychange', refresh);
      motion.removeEventListener('change', refresh);
    });

    return () => {
      load.key('');
      const now = load.state();
      if (now.status !== 'done') slides = [];
      else if (now.value !== shown) {
        shown = now.value;
        const [page, config] = now.value;
        const card = { messages: m, locale: config?.locale, shop: config?.name ?? '' };
        slides = page.items.map((review, index, all) => {
          const item = testimonialCard(review, card);
          // The card is the slide's content, not an item of a list.
          item.setAttribute('role', 'none');
          return ul(
            {
              role: 'group',
              'aria-roledescription': c.slide,
              'aria-label': c.position(index + 1, all.length),
            },
            item,
          );
        });
        at = 0;
      }
      const count = slides.length;
      at = count ? (at + count) % count : 0;
      const many = count > 1;
      const turning = many && !motion.matches;
      const rotating = turning && !stopped && !hover && !focus;
      carousel.dataset.state = now.status;
      rotate.hidden = !turning;
      rotate.setAttribute('aria-label', stopped ? c.start : c.stop);
      rotate.textContent = stopped ? '▶\uFE0E' : '❚❚';
      previous.hidden = next.hidden = !many;
      position.textContent = many ? c.position(at + 1, count) : '';
      live.setAttribute('aria-live', rotating ? 'off' : 'polite');
      setChildren(live, [slides[at]]);
      setChildren(area, [
        count ? live : now.status === 'error' ? failed : now.status === 'loading' ? loading : none,
      ]);
      clearTimeout(timer);
      if (rotating && seen && !document.hidden)
        timer = setTimeout(() => {
          at++;
          refresh();
        }, delay);
      return carousel;
    };
  },
});
