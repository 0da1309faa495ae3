import { fireEvent } from '@testing-library/dom';
import {
  MAX_AUTHOR_NAME,
  MAX_TESTIMONIAL_BODY,
  MAX_TESTIMONIAL_TITLE,
  MIN_TESTIMONIAL_BODY,
} from '@vouch/core/schemas';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useWidgetPage } from '../../../test/support/useWidgetPage.js';
import reviewFormWidget, { REVIEW_LIMITS } from '../review-form.js';

const page = useWidgetPage();
let sites = 0;
const nextSite = () => `pk_reviewform_${String(++sites).padStart(12, '0')}`;

/** The form of a new client, as the thank-you page shows it. */
function showForm(options: Record<string, unknown> = {}) {
  const client = page.client(nextSite());
  const shown = page.show(reviewFormWidget, client, {
    product: 'oat-and-honey',
    order: 'A-1001',
    ...options,
  });
  const { view } = shown;
  const fill = (fields: { body?: string; name?: string; email?: string; title?: string }) => {
    for (const [label, value] of [
      [/^Title/, fields.title],
      ['Your review', fields.body],
      ['Your name', fields.name],
      [/^E-mail/, fields.email],
    ] as const) {
      if (value !== undefined) fireEvent.input(view.getByLabelText(label), { target: { value } });
    }
  };
  const submit = () => fireEvent.click(view.getByRole('button', { name: 'Submit review' }));
  return { ...shown, client, fill, submit };
}

let answer: typeof page.api.testimonial | undefined;
beforeEach(() => {
  // Each test starts with no review received and the stand-in's own answer.
  answer ??= page.api.testimonial;
  page.api.testimonial = answer;
  page.api.reviews.length = 0;
  page.api.withdrawals.length = 0;
});

const BODY = 'Lathers beautifully and my skin feels soft all day.';

describe('review-form widget', () => {
  it('holds the limits of the testimonial schema', () => {
    expect(REVIEW_LIMITS).toEqual({
      body: [MIN_TESTIMONIAL_BODY, MAX_TESTIMONIAL_BODY],
      title: MAX_TESTIMONIAL_TITLE,
      name: MAX_AUTHOR_NAME,
    });
  });

  it('is a named form of labelled controls: a radio group of five stars, text, name, e-mail, consent', async () => {
    const { view, root } = showForm({ name: 'Ada L.' });
    expect(view.getByRole('form', { name: 'Write a review' })).toBeTruthy();
    const group = view.getByRole('group', { name: 'Your rating' });
    const stars = view.getAllByRole('radio');
    expect(stars.map((star) => (star as HTMLInputElement).labels?.[0]?.textContent)).toEqual([
      '★1 star',
      '★2 stars',
      '★3 stars',
      '★4 stars',
      '★5 stars',
    ]);
    for (const n of [1, 2, 3, 4, 5]) {
      expect(view.getByRole('radio', { name: n === 1 ? '1 star' : `${n} stars` })).toBeTruthy();
    }
    expect(group.contains(stars[0] as Node)).toBe(true);
    expect(new Set(stars.map((star) => (star as HTMLInputElement).name)).size).toBe(1);
    expect((view.getByLabelText('Your review') as HTMLTextAreaElement).required).toBe(true);
    expect((view.getByLabelText('Your name') as HTMLInputElement).value).toBe('Ada L.');
    const email = view.getByLabelText('E-mail (optional)') as HTMLInputElement;
    expect(email.type).toBe('email');
    expect(email.getAttribute('aria-describedby')).toBe(view.getByText(/Never shown/).id);
    // The shop's name comes from the site's settings when the mount did not give it.
    await view.findByLabelText('I agree that Test shop may publish my review with my name');
    expect(root.querySelector('[data-vouch-reserve]')).not.toBeNull();
  });

  it('hides the honeypot from people: off-screen, out of the tab order and of the tree', () => {
    const { view, root } = showForm();
    const trap = root.querySelector('input[name="website"]') as HTMLInputElement;
    expect(trap).not.toBeNull();
    expect(trap.tabIndex).toBe(-1);
    expect(trap.getAttribute('autocomplete')).toBe('off');
    expect(trap.closest('[aria-hidden="true"]')?.className).toBe('vouch-trap');
    expect(view.queryByRole('textbox', { name: 'Website' })).toBeNull();
    expect(view.getAllByRole('textbox')).toHaveLength(4);
  });

  it('counts the characters, announcing only near the limit', () => {
    const { view, root, fill } = showForm();
    const status = root.querySelector('.vouch-sr[role="status"]') as HTMLElement;
    fill({ body: 'Hello there' });
    expect(root.querySelector('[id$="-count"]')?.textContent).toBe('11/5000');
    expect(status.textContent).toBe('');
    fill({ body: 'x'.repeat(4920) });
    expect(status.textContent).toBe('80 characters left');
    fill({ body: 'x'.repeat(4925) });
    expect(status.textContent).toBe('75 characters left');
    fill({ body: 'x'.repeat(4930) });
    expect(status.textContent).toBe('75 characters left');
    fill({ body: 'x'.repeat(5003) });
    expect(status.textContent).toBe('3 characters too many');
    expect(view.getByLabelText('Your review').getAttribute('aria-describedby')).toMatch(/-count$/);
  });

  it('names each missing field under it, ties the error to it and focuses the first', async () => {
    const { view, submit, fill } = showForm();
    fill({ title: 'Great', body: 'short' });
    submit();
    const first = view.getByRole('radio', { name: '1 star' });
    await vi.waitFor(() => expect(first.getAttribute('aria-invalid')).toBe('true'));
    expect((first.getRootNode() as ShadowRoot).activeElement).toBe(first);
    await view.findByLabelText(/Test shop/);
    const error = (name: string) => {
      const control = name.endsWith('star')
        ? view.getByRole('radio', { name })
        : view.getByLabelText(name);
      expect(control.getAttribute('aria-invalid')).toBe('true');
      const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
      return ids.map(
        (id) =>
          control.getRootNode() &&
          (control.getRootNode() as ShadowRoot).getElementById(id)?.textContent,
      );
    };
    expect(error('1 star')).toContain('Choose a rating from 1 to 5 stars.');
    expect(error('Your review')).toContain('Write at least 10 and at most 5000 characters.');
    expect(error('Your name')).toContain('Enter the name to show, up to 80 characters.');
    expect(error('I agree that Test shop may publish my review with my name')).toContain(
      'Tick the box so that your review can be published.',
    );
    // Nothing typed is lost, nothing was sent, and a valid field shows no error.
    expect((view.getByLabelText('Your review') as HTMLTextAreaElement).value).toBe('short');
    expect((view.getByLabelText(/^Title/) as HTMLInputElement).value).toBe('Great');
    expect(view.getByLabelText(/^Title/).hasAttribute('aria-invalid')).toBe(false);
    expect(page.api.reviews).toEqual([]);
  });

  it("writes the server's 400 issues under their fields, keeping what was typed", async () => {
    page.api.testimonial = () => ({
      status: 400,
      body: {
        error: {
          code: 'invalid_request',
          message: 'The request is not valid.',
          issues: [{ path: 'email', message: 'must be an email address' }],
        },
      },
    });
    const { view, fill, submit, root } = showForm();
    fireEvent.click(view.getByRole('radio', { name: '4 stars' }));
    fill({ body: BODY, name: 'Ada L.', email: 'ada@example.com' });
    fireEvent.click(view.getByRole('checkbox'));
    submit();
    const email = view.getByLabelText('E-mail (optional)');
    await vi.waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect((root as unknown as ShadowRoot).activeElement).toBe(email);
    expect(view.getByText(/Enter an e-mail address/).id).toBe(
      email.getAttribute('aria-describedby')?.split(' ')[1],
    );
    expect((view.getByLabelText('Your review') as HTMLTextAreaElement).value).toBe(BODY);
    expect((view.getByRole('radio', { name: '4 stars' }) as HTMLInputElement).checked).toBe(true);
  });

  it('sends consent, its version, the time taken and an empty honeypot; confirms with the withdrawal link', async () => {
    const { view, fill, submit, root, element } = showForm({ consentVersion: 'reviews-2030-01' });
    const events: unknown[] = [];
    element.addEventListener('vouch:review:submitted', (event) =>
      events.push((event as CustomEvent).detail),
    );
    fireEvent.click(view.getByRole('radio', { name: '5 stars' }));
    fill({ body: BODY, name: 'Ada L.', email: 'ada@example.com', title: '  ' });
    fireEvent.click(view.getByRole('checkbox'));
    submit();
    const thanks = await view.findByText('Thank you! Your review is waiting for moderation.');
    const box = thanks.parentElement as HTMLElement;
    expect((root as unknown as ShadowRoot).activeElement).toBe(box);
    expect(view.queryByRole('form')).toBeNull();
    const [sent] = page.api.reviews;
    expect(sent).toMatchObject({
      id: expect.stringMatching(/^tst_[a-z0-9]+$/),
      rating: 5,
      body: BODY,
      authorName: 'Ada L.',
      email: 'ada@example.com',
      product: 'oat-and-honey',
      orderId: 'A-1001',
      consent: true,
      consentVersion: 'reviews-2030-01',
      honeypot: '',
      fillMs: expect.any(Number),
    });
    expect(sent).not.toHaveProperty('title');
    expect(events).toEqual([{ id: sent?.id, rating: 5, product: 'oat-and-honey' }]);

    // The author's link to the server's withdrawal page, theirs to keep.
    const link = view.getByRole('link', { name: 'Withdraw your review' });
    expect(link.getAttribute('href')).toBe(
      `https://vouch.example/v1/testimonials/${sent?.id}/withdrawal?token=wd_${'T'.repeat(32)}`,
    );
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener');
    expect(box.textContent).toContain('keep the link');
  });

  it('says it was saved when offline, and the client sends it when back online', async () => {
    const { view, fill, submit } = showForm();
    const fetch = vi.spyOn(globalThis, 'fetch');
    fetch.mockRejectedValue(new TypeError('Failed to fetch'));
    fireEvent.click(view.getByRole('radio', { name: '2 stars' }));
    fill({ body: BODY, name: 'Ada L.' });
    fireEvent.click(view.getByRole('checkbox'));
    submit();
    await view.findByText('Saved — it will be sent when you are back online.');
    expect(view.queryByRole('button', { name: 'Withdraw your review' })).toBeNull();
    fetch.mockRestore();
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(page.api.reviews).toHaveLength(1));
    expect(page.api.reviews[0]).toMatchObject({ rating: 2, consent: true });
  });

  it('keeps markup typed into every field as inert text', async () => {
    const { view, fill, submit, root } = showForm();
    const payloads = {
      title: '<img src=x onerror=alert(1)>',
      body: '</script><script>alert("x")</script> & "quotes" {{7*7}}',
      name: '<svg/onload=alert(1)>',
    };
    fireEvent.click(view.getByRole('radio', { name: '3 stars' }));
    fill(payloads);
    fireEvent.click(view.getByRole('checkbox'));
    submit();
    await view.findByText(/waiting for moderation/);
    expect(root.querySelector('img, svg, script')).toBeNull();
    expect(page.api.reviews[0]).toMatchObject({
      title: payloads.title,
      body: payloads.body,
      authorName: payloads.name,
    });
  });
});
