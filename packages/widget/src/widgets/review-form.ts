// The `review-form` widget: `data-vouch="review-form"`, `<vouch-review-form>`, and a
// lazily loaded chunk of the script-tag build. Options (from `data-*` or attributes, as
// strings): `product` — the product reviewed; `order` — the order id (the server marks a
// "verified buyer" when it matches a purchase of the same customer); `name`, `email` —
// prefill; `consent-version` — which consent text was shown (default `reviews-2026-11`,
// the date of the text below). Every rating is welcome: nothing here steers or filters by it.
import type { TestimonialSubmitInput } from '@vouch/core';
import { defineDomWidget } from '../defineDomWidget.js';
import { tags } from '../dom/tags.js';
import { reviewFormMessages as m } from './reviewForm/reviewFormMessages.js';
import { reviewFormReserve } from './reviewForm/reviewFormReserve.js';
import { reviewFormStyles } from './reviewForm/reviewFormStyles.js';

const { a, button, div, fieldset, form, h2, input, label, legend, p, span, textarea } = tags;

/** Options of the `review-form` widget. */
export interface ReviewFormWidgetOptions extends Record<string, unknown> {
  /** The product reviewed. @default none: a review of the shop */
  product?: string;
  /** The order reviewed, as the thank-you page knows it. */
  order?: string;
  /** The author's display name, prefilled. */
  name?: string;
  /** The author's e-mail, prefilled (never shown publicly). */
  email?: string;
  /** The version of the consent text shown. @default 'reviews-2026-11' */
  consentVersion?: string;
}

/** The limits of `testimonialInputSchema` (core); the tests hold them equal. */
export const REVIEW_LIMITS = { body: [10, 5000], title: 120, name: 80 } as const;

/** A non-empty string option, or undefined. */
const given = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/**
 * The `review-form` widget module, for `mount(element, reviewFormWidget, { client })`: a
 * form named by its heading, with a star rating (five native radio buttons in a group
 * "Your rating"), an optional title, the text with a count of its characters (announced
 * only near the limit), the name shown, the private e-mail and the consent to publish.
 * Errors — the client's own check, then the server's 400 — are written under each field,
 * tied to it (`aria-describedby`, `aria-invalid`), and focus goes to the first; nothing
 * typed is lost. A hidden field people never see or reach, and the time taken to fill
 * the form, let the server tell bots. Once sent, a confirmation takes the form's place and
 * takes focus, with the way to withdraw; offline, the review is kept and sent later.
 */
export default defineDomWidget<ReviewFormWidgetOptions>({
  name: 'review-form',
  styles: reviewFormStyles,
  reserve: reviewFormReserve,
  render({ options, context: { client, id, siteName, emit }, refresh }) {
    const shownAt = Date.now();
    // The sending code now, while online: a review written after the connection dropped
    // is then still kept and sent later.
    client.prepareTestimonials().catch(() => undefined);
    const product = given(options.product);
    const [min, max] = REVIEW_LIMITS.body;
    // One id for this form: a retry after an error can never store the review twice.
    const reviewId = `tst_${Math.random().toString(36).slice(2)}${shownAt.toString(36)}`;
    const errors = new Map<HTMLElement, string>();
    let busy = false;

    // What describes each control besides its error: its hint (and the text's count).
    const described = new Map<HTMLElement, string>();
    const field = (name: string, text: string, control: HTMLElement, hint?: string) => {
      control.id = id(name);
      if (hint) described.set(control, id(`${name}-hint`));
      return div(
        { class: 'vouch-field' },
        label({ for: control.id }, text),
        hint && p({ id: id(`${name}-hint`), class: 'vouch-hint' }, hint),
        control,
      );
    };
    // Sets the attribute `name` to `value`, or removes it when there is none.
    const attr = (element: Element, name: string, value: string | false | undefined) =>
      value ? element.setAttribute(name, value) : element.removeAttribute(name);
    const stars = [1, 2, 3, 4, 5].map((n) =>
      input({ type: 'radio', name: id('rating'), value: n, required: true }),
    );
    const title = input({ maxLength: REVIEW_LIMITS.title });
    const body = textarea({ rows: 5, required: true });
    const count = p({ id: id('count'), class: 'vouch-hint', 'aria-hidden': 'true' });
    const near = p({ class: 'vouch-sr', role: 'status' });
    const name = input({
      maxLength: REVIEW_LIMITS.name,
      autocomplete: 'name',
      required: true,
      value: given(options.name) ?? '',
    });
    const email = input({
      type: 'email',
      autocomplete: 'email',
      value: given(options.email) ?? '',
    });
    const consent = input({ type: 'checkbox', id: id('consent'), required: true });
    const consentText = label({ for: consent.id }, m.consent(siteName ?? m.shop));
    if (!siteName) {
      client.siteConfig().then(
        (config) => {
          consentText.textContent = m.consent(config.name);
        },
        () => undefined,
      );
    }
    // The bots' field: off-screen, out of the tab order and of the accessibility tree.
    const trap = input({ name: 'website', tabIndex: -1, autocomplete: 'off' });
    const alert = p({ role: 'alert', class: 'vouch-error' });
    const submit = button({ type: 'submit', class: 'vouch-button' }, m.submit);

    // The characters, counted as the server counts them (code points). Announced only on
    // entering each quarter of the last hundred, and at the limit, not on every keystroke.
    let step = -1;
    const counted = () => {
      const left = max - [...body.value].length;
      count.textContent = `${max - left}/${max}`;
      const now = left > 100 ? -1 : Math.max(0, Math.ceil(left / 25));
      if (now !== step && now >= 0) near.textContent = m.left(left);
      step = now;
    };
    body.addEventListener('input', counted);
    counted();

    // Where each issue's field is: the controls that show its error, in the form's order.
    const controls: Record<string, HTMLElement[]> = {
      rating: stars,
      title: [title],
      body: [body],
      authorName: [name],
      email: [email],
      consent: [consent],
    };
    const show = (issues: ReadonlyArray<{ path: string; message: string }>) => {
      const other: string[] = [];
      for (const { path, message } of issues) {
        const targets = controls[path];
        if (!targets) other.push(message);
        for (const control of targets ?? []) errors.set(control, m.errors[path] ?? message);
      }
      let first: HTMLElement | undefined;
      for (const [path, targets] of Object.entries(controls)) {
        const line = lines[path] as HTMLElement;
        const error = errors.get(targets[0] as HTMLElement);
        line.textContent = error ?? '';
        for (const control of targets) {
          attr(control, 'aria-invalid', error && 'true');
          attr(
            control,
            'aria-describedby',
            [described.get(control), error && line.id].filter(Boolean).join(' '),
          );
        }
        if (error)
          first ??= targets.find((star) => (star as HTMLInputElement).checked) ?? targets[0];
      }
      alert.textContent = other.length ? `${m.failed} ${other.join(' ')}`.trim() : '';
      first?.focus();
    };
    const lines: Record<string, HTMLElement> = {};
    const line = (path: string) =>
      (lines[path] = p({ id: id(`${path}-error`), class: 'vouch-error' }));

    let shown: Node;
    // The confirmation, with the author's link to the page that withdraws the review.
    const done = (text: string, withdrawUrl?: string) => {
      const box = div(
        { class: 'vouch-done', tabIndex: -1, 'data-vouch-part': 'review-thanks' },
        p({ class: 'vouch-strong' }, text),
        withdrawUrl &&
          p(
            m.changed,
            a({ href: withdrawUrl, target: '_blank', rel: 'noopener' }, m.withdraw),
            m.keep,
          ),
      );
      shown = box;
      refresh();
      box.focus();
    };

    shown = form(
      {
        class: 'vouch-form',
        'data-vouch-part': 'review-form',
        'aria-labelledby': id('title'),
        noValidate: true,
        onsubmit(event: Event) {
          event.preventDefault();
          if (busy) return;
          errors.clear();
          const rating = Number(stars.find((star) => star.checked)?.value) || undefined;
          const review = {
            id: reviewId,
            rating,
            body: body.value,
            title: title.value.trim() || undefined,
            authorName: name.value,
            email: email.value.trim() || undefined,
            product,
            orderId: given(options.order),
            consent: consent.checked,
            consentVersion: given(options.consentVersion) ?? 'reviews-2026-11',
            honeypot: trap.value,
            fillMs: Date.now() - shownAt,
          } as TestimonialSubmitInput;
          busy = true;
          submit.setAttribute('aria-disabled', 'true');
          client.submitTestimonial(review).then(
            (answer) => {
              emit('review:submitted', { id: answer.id, rating, ...(product && { product }) });
              if (answer.status === 'queued') done(m.queued);
              else done(m.thanks, answer.withdrawUrl);
            },
            (error: { issues?: Array<{ path: string; message: string }> }) => {
              busy = false;
              submit.removeAttribute('aria-disabled');
              show(error?.issues ?? [{ path: '', message: '' }]);
            },
          );
        },
      },
      h2({ id: id('title') }, m.title),
      fieldset(
        legend(m.rating),
        div(
          { class: 'vouch-stars' },
          stars.map((star, index) =>
            label(
              star,
              span({ 'aria-hidden': 'true' }, '★'),
              span({ class: 'vouch-sr' }, m.stars(index + 1)),
            ),
          ),
        ),
        line('rating'),
      ),
      field('title', m.headline, title),
      line('title'),
      field('body', m.body, body, m.bodyHint(min, max)),
      count,
      near,
      line('body'),
      field('name', m.name, name, m.nameHint),
      line('authorName'),
      field('email', m.email, email, m.emailHint),
      line('email'),
      div({ class: 'vouch-check' }, consent, consentText),
      line('consent'),
      div({ class: 'vouch-trap', 'aria-hidden': 'true' }, label('Website', trap)),
      alert,
      submit,
    );
    described.set(body, `${id('body-hint')} ${count.id}`);
    show([]);
    return () => shown;
  },
});
