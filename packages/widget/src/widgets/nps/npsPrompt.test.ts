import { fireEvent, within } from '@testing-library/dom';
import { MAX_NPS_COMMENT } from '@vouch/core/schemas';
import { describe, expect, it, vi } from 'vitest';
import { useWidgetPage } from '../../../test/support/useWidgetPage.js';
import { defineDomWidget } from '../../defineDomWidget.js';
import { mount } from '../../mount.js';
import { controlStyles } from '../shared/controlStyles.js';
import { npsFollowUpStyles } from './npsFollowUpStyles.js';
import { npsMessages } from './npsMessages.js';
import { npsStyles } from './npsStyles.js';
import type { NpsReferral } from './npsThanks.js';
import { type NpsAnswer, type NpsPromptProps, renderNpsPrompt } from './renderNpsPrompt.js';

const page = useWidgetPage();
let sites = 0;

/** Lets what a click or key press started (a promise, a loaded module) settle. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

const nextClient = () => page.client(`pk_npsprompt_${String(++sites).padStart(14, '0')}`);

/** The prompt as the widget has it (its sheet, the shadow root, instance ids). */
const promptWidget = (props: NpsPromptProps) =>
  defineDomWidget({
    name: 'nps',
    styles: npsStyles,
    render: ({ context, onUnmount }) =>
      renderNpsPrompt(props, context.id, onUnmount, context.shadowRoot),
  });

/** The prompt mounted as the widget mounts it. */
const mountPrompt = (props: NpsPromptProps) => page.show(promptWidget(props), nextClient());

const sheetText = (sheet: CSSStyleSheet) => Array.from(sheet.cssRules, (r) => r.cssText).join('\n');

/** The prompt in the page, with what its callbacks received. */
function show(props: Partial<NpsPromptProps> = {}) {
  const answers: NpsAnswer[] = [];
  const dismissals: { score?: number }[] = [];
  const shown = vi.fn();
  const { element, view } = mountPrompt({
    merchant: 'Lather & Leaf',
    onAnswer: (answer) => answers.push(answer),
    onDismiss: (dismissal) => dismissals.push(dismissal),
    onShown: shown,
    ...props,
  });
  const root = element.shadowRoot as ShadowRoot;
  const group = view.getByRole('radiogroup', {
    name: 'How likely are you to recommend Lather & Leaf to a friend or colleague?',
  });
  const radio = (score: number) => within(group).getByRole('radio', { name: String(score) });
  return { answers, dismissals, shown, group, radio, view, root };
}

const checked = (group: HTMLElement) =>
  within(group)
    .getAllByRole('radio')
    .filter((radio) => radio.getAttribute('aria-checked') === 'true')
    .map((radio) => radio.textContent);

const tabStops = (group: HTMLElement) =>
  within(group)
    .getAllByRole('radio')
    .filter((radio) => radio.tabIndex === 0)
    .map((radio) => radio.textContent);

const promoterLink: NpsReferral = {
  link: 'https://shop.example/?ref=ADA7KQ2M',
  code: 'ADA7KQ2M',
  friendOffer: '10% off',
};

describe('the NPS prompt', () => {
  it('asks the standard question over a 0–10 radio group with its anchors', async () => {
    const { group, shown, view, root } = show();
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.textContent)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(checked(group)).toEqual([]);
    expect(tabStops(group)).toEqual(['0']);
    expect(group.getAttribute('aria-describedby')?.split(' ')).toHaveLength(2);
    const described = group
      .getAttribute('aria-describedby')
      ?.split(' ')
      .map((id) => root.getElementById(id)?.textContent);
    expect(described).toEqual(['0 – Not likely', '10 – Very likely']);
    expect(shown).toHaveBeenCalledTimes(1);
    // A region of the page, not a dialog, and nothing took focus when it appeared.
    const region = view.getByRole('region', { name: /How likely/ });
    // The close button comes after the question and the scale, in reading and tab order.
    expect(Array.from(region.querySelectorAll('button')).at(-1)?.getAttribute('aria-label')).toBe(
      'Close the survey',
    );
    expect(view.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(document.body);
    expect(root.activeElement).toBeNull();
  });

  it('is operated with arrow keys, Home, End and digits, with one tab stop', async () => {
    const { group, radio, root } = show();
    radio(0).focus();
    fireEvent.keyDown(radio(0), { key: 'ArrowRight' });
    await settled();
    expect(checked(group)).toEqual(['1']);
    expect(root.activeElement).toBe(radio(1));
    fireEvent.keyDown(radio(1), { key: 'ArrowDown' });
    await settled();
    expect(checked(group)).toEqual(['2']);
    fireEvent.keyDown(radio(2), { key: 'ArrowLeft' });
    await settled();
    fireEvent.keyDown(radio(1), { key: 'ArrowUp' });
    await settled();
    expect(checked(group)).toEqual(['0']);
    fireEvent.keyDown(radio(0), { key: 'ArrowLeft' }); // wraps
    await settled();
    expect(checked(group)).toEqual(['10']);
    expect(root.activeElement).toBe(radio(10));
    fireEvent.keyDown(radio(10), { key: 'Home' });
    await settled();
    expect(checked(group)).toEqual(['0']);
    fireEvent.keyDown(radio(0), { key: 'End' });
    await settled();
    expect(checked(group)).toEqual(['10']);
    fireEvent.keyDown(radio(10), { key: '7' });
    await settled();
    expect(checked(group)).toEqual(['7']);
    expect(tabStops(group)).toEqual(['7']);
    expect(root.activeElement).toBe(radio(7));
    // "1" then "0" quickly is 10; a lone "0" is 0, and so is a "0" long after a "1".
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      fireEvent.keyDown(radio(7), { key: '1' });
      await settled();
      expect(checked(group)).toEqual(['1']);
      vi.setSystemTime(Date.now() + 300);
      fireEvent.keyDown(radio(1), { key: '0' });
      await settled();
      expect(checked(group)).toEqual(['10']);
      vi.setSystemTime(Date.now() + 100);
      fireEvent.keyDown(radio(10), { key: '0' });
      await settled();
      expect(checked(group)).toEqual(['0']);
      fireEvent.keyDown(radio(0), { key: '1' });
      await settled();
      vi.setSystemTime(Date.now() + 2000);
      fireEvent.keyDown(radio(1), { key: '0' });
      await settled();
      expect(checked(group)).toEqual(['0']);
    } finally {
      vi.useRealTimers();
    }
    // Other keys are left to the page (Tab leaves the group).
    fireEvent.keyDown(radio(0), { key: 'a' });
    await settled();
    expect(checked(group)).toEqual(['0']);
  });

  it('follows the arrows as seen on a right-to-left page', async () => {
    document.documentElement.style.direction = 'rtl';
    try {
      const { group, radio } = show();
      fireEvent.keyDown(radio(0), { key: '5' });
      await settled();
      fireEvent.keyDown(radio(5), { key: 'ArrowLeft' });
      await settled();
      expect(checked(group)).toEqual(['6']);
      fireEvent.keyDown(radio(6), { key: 'ArrowRight' });
      await settled();
      fireEvent.keyDown(radio(5), { key: 'ArrowRight' });
      await settled();
      expect(checked(group)).toEqual(['4']);
      fireEvent.keyDown(radio(4), { key: 'ArrowDown' });
      await settled();
      expect(checked(group)).toEqual(['5']);
    } finally {
      document.documentElement.style.direction = '';
    }
  });

  it('asks a promoter what they like, then offers the testimonial and their link', async () => {
    const copied: unknown[] = [];
    const { answers, radio, view, root } = show({
      testimonialUrl: '/reviews/new',
      loadReferral: () => Promise.resolve(promoterLink),
      emit: (name, detail) => copied.push([name, detail]),
    });
    fireEvent.click(radio(9));
    const comment = await view.findByRole('textbox', {
      name: 'Great! What do you like most about Lather & Leaf? (optional)',
    });
    expect(view.queryByRole('checkbox')).toBeNull();
    // As long as the server takes, and no longer (its schema is not loaded on the page).
    expect((comment as HTMLTextAreaElement).maxLength).toBe(MAX_NPS_COMMENT);
    fireEvent.input(comment, { target: { value: '  The soap smells of summer.  ' } });
    await settled();
    fireEvent.click(view.getByRole('button', { name: 'Send' }));
    await settled();

    expect(answers).toEqual([
      { score: 9, category: 'promoter', comment: 'The soap smells of summer.' },
    ]);
    const title = view.getByText('Thank you for your answer!');
    expect(root.activeElement).toBe(title);
    expect(view.queryByRole('radiogroup')).toBeNull();
    expect(view.getByRole('link', { name: 'Write a testimonial' }).getAttribute('href')).toBe(
      '/reviews/new',
    );
    const field = (await view.findByRole('textbox', {
      name: 'Your referral link',
    })) as HTMLInputElement;
    expect(field.value).toBe(promoterLink.link);
    // The share links get their addresses a moment after the row is drawn.
    expect(
      await view.findByRole('link', { name: 'Share via WhatsApp (opens in a new tab)' }),
    ).toBeTruthy();
    fireEvent.click(view.getByRole('link', { name: 'Share via Email' }));
    await settled();
    expect(copied).toEqual([
      ['share', { channel: 'email', url: promoterLink.link, code: 'ADA7KQ2M' }],
    ]);
  });

  it('asks a passive what would make it a 10, and offers the same testimonial, no link', async () => {
    const loadReferral = vi.fn(() => Promise.resolve(promoterLink));
    const { answers, radio, view } = show({ testimonialUrl: '/reviews/new', loadReferral });
    fireEvent.click(radio(8));
    expect(
      await view.findByRole('textbox', { name: 'Thanks! What would make it a 10? (optional)' }),
    ).toBeTruthy();
    expect(view.queryByRole('checkbox')).toBeNull();
    fireEvent.click(view.getByRole('button', { name: 'Send' }));
    await settled();
    expect(answers).toEqual([{ score: 8, category: 'passive' }]);
    expect(view.getByRole('link', { name: 'Write a testimonial' })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loadReferral).not.toHaveBeenCalled();
    expect(view.queryByRole('textbox')).toBeNull();
  });

  it('asks a detractor what went wrong and whether the shop may contact them', async () => {
    const loadReferral = vi.fn(() => Promise.resolve(promoterLink));
    const { answers, radio, view } = show({ testimonialUrl: '/reviews/new', loadReferral });
    fireEvent.click(radio(3));
    const consent = (await view.findByRole('checkbox', {
      name: 'Lather & Leaf may contact me about my answer',
    })) as HTMLInputElement;
    expect(consent.checked).toBe(false);
    fireEvent.input(view.getByRole('textbox', { name: /What went wrong\?/ }), {
      target: { value: 'It arrived broken.' },
    });
    await settled();
    fireEvent.click(consent);
    await settled();
    fireEvent.click(view.getByRole('button', { name: 'Send' }));
    await settled();
    expect(answers).toEqual([
      { score: 3, category: 'detractor', comment: 'It arrived broken.', contact: true },
    ]);
    expect(view.getByText('We will be in touch.')).toBeTruthy();
    // The same invitation as everyone: no review gating.
    expect(view.getByRole('link', { name: 'Write a testimonial' })).toBeTruthy();
    expect(loadReferral).not.toHaveBeenCalled();
  });

  it('sends a detractor’s refusal too, and asks nothing where contact is not possible', async () => {
    const first = show();
    const { view } = first;
    fireEvent.click(first.radio(0));
    fireEvent.click(await view.findByRole('button', { name: 'Send' }));
    await settled();
    expect(first.answers).toEqual([{ score: 0, category: 'detractor', contact: false }]);
    expect(view.queryByText('We will be in touch.')).toBeNull();
    expect(view.queryByRole('link')).toBeNull(); // no testimonials on this site
  });

  it('leaves the contact question out when the shopper cannot be contacted', async () => {
    const { answers, radio, view } = show({ canContact: false });
    fireEvent.click(radio(2));
    const send = await view.findByRole('button', { name: 'Send' });
    expect(view.queryByRole('checkbox')).toBeNull();
    fireEvent.click(send);
    await settled();
    expect(answers).toEqual([{ score: 2, category: 'detractor' }]);
  });

  it('records a dismissal with the picked score on Escape', async () => {
    const onClose = vi.fn();
    const { dismissals, answers, radio, view } = show({ onClose });
    fireEvent.keyDown(radio(0), { key: '6' });
    await settled();
    fireEvent.keyDown(radio(6), { key: 'Escape' });
    await settled();
    expect(dismissals).toEqual([{ score: 6 }]);
    expect(answers).toEqual([]);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(view.queryByRole('region')).toBeNull();
  });

  it('records a dismissal without a score from the close button', async () => {
    const { dismissals, view } = show();
    fireEvent.click(view.getByRole('button', { name: 'Close the survey' }));
    await settled();
    expect(dismissals).toEqual([{}]);
    expect(view.queryByRole('region')).toBeNull();
  });

  it('closes after the answer without counting a dismissal', async () => {
    const onClose = vi.fn();
    const { dismissals, answers, radio, view } = show({ onClose });
    fireEvent.click(radio(10));
    fireEvent.click(await view.findByRole('button', { name: 'Send' }));
    await settled();
    fireEvent.keyDown(view.getByText('Thank you for your answer!'), { key: 'Escape' });
    await settled();
    expect(answers).toHaveLength(1);
    expect(dismissals).toEqual([]);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('speaks another language through its messages', async () => {
    const { view } = mountPrompt({
      merchant: 'Lather & Leaf',
      onAnswer: () => {},
      onDismiss: () => {},
      messages: {
        question: (merchant) => `Recommanderiez-vous ${merchant} ?`,
        score: (score) => `${score} sur 10`,
        close: 'Fermer',
        followUp: { ...npsMessages.followUp, passive: () => 'Que faudrait-il pour un 10 ?' },
      },
    });
    const group = view.getByRole('radiogroup', { name: 'Recommanderiez-vous Lather & Leaf ?' });
    fireEvent.click(within(group).getByRole('radio', { name: '7 sur 10' }));
    expect(await view.findByRole('textbox', { name: /Que faudrait-il pour un 10/ })).toBeTruthy();
    expect(view.getByRole('button', { name: 'Fermer' })).toBeTruthy();
  });

  it("words the promoter's link in the language given", async () => {
    const { radio, view } = show({
      loadReferral: () => Promise.resolve(promoterLink),
      messages: { referral: { link: 'Votre lien de parrainage', copy: 'Copier' } },
    });
    fireEvent.click(radio(9));
    fireEvent.click(await view.findByRole('button', { name: 'Send' }));
    await settled();
    const field = (await view.findByRole('textbox', {
      name: 'Votre lien de parrainage',
    })) as HTMLInputElement;
    expect(field.value).toBe(promoterLink.link);
    expect(view.getByRole('button', { name: 'Copier' })).toBeTruthy();
  });

  it('shows the follow-up for a score picked before its code arrived, keeping the pick', async () => {
    let arrive = () => {};
    const arrival = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    vi.doMock('./npsFollowUp.js', async (original) => {
      await arrival;
      return original();
    });
    try {
      const { group, radio, view, root } = show();
      fireEvent.keyDown(radio(0), { key: '3' });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(checked(group)).toEqual(['3']);
      expect(root.activeElement).toBe(radio(3));
      expect(view.queryByRole('textbox')).toBeNull();
      expect(view.queryByRole('button', { name: 'Send' })).toBeNull();
      arrive();
      expect(await view.findByRole('textbox', { name: /What went wrong\?/ })).toBeTruthy();
      expect(view.getByRole('checkbox', { name: /may contact me/ })).toBeTruthy();
      expect(checked(group)).toEqual(['3']);
      // Focus stays where the shopper put it.
      expect(root.activeElement).toBe(radio(3));
    } finally {
      vi.doUnmock('./npsFollowUp.js');
    }
  });

  it("adds the follow-up's sheet to the shadow root when it arrives, until unmount", async () => {
    const element = document.body.appendChild(document.createElement('div'));
    const unmount = mount(
      element,
      promptWidget({ merchant: 'Lather & Leaf', onAnswer: () => {}, onDismiss: () => {} }),
      { client: nextClient() },
    );
    const root = element.shadowRoot as ShadowRoot;
    const sheets = () => root.adoptedStyleSheets.map(sheetText);
    // The widget's sheets first (its own with the scale, none of the follow-up's); then
    // the follow-up's, once it is here.
    const before = sheets();
    expect(before.at(-1)).toContain('.vouch-scale');
    expect(before.join()).not.toContain('.vouch-check');
    await vi.waitFor(() => expect(sheets()).toHaveLength(before.length + 1));
    expect(sheets().slice(0, -1)).toEqual(before);
    expect(sheets().at(-1)).toContain('.vouch-check');
    expect(sheets().at(-1)).toContain('.vouch-button');
    expect(root.querySelectorAll('style')).toHaveLength(0);
    unmount();
    expect(root.adoptedStyleSheets).toEqual([]);
  });

  it('overlays the page at a bottom corner, never the whole of a small screen', () => {
    expect(npsStyles).toMatch(/:host\{position:fixed;bottom:0;inset-inline-end:0;/);
    expect(npsStyles).toContain('max-height:min(36em,70vh)');
    expect(npsStyles).toContain('width:min(26em,calc(100vw - 2*var(--vouch-space)))');
    expect(npsStyles).toMatch(
      /@media \(prefers-reduced-motion:no-preference\)\{\.vouch-nps\{animation:/,
    );
    // Scores at least 24 px wide at the default 16 px font size.
    expect(npsStyles).toContain('min-width:1.5em;min-height:2.5em');
    expect(npsStyles).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
    // What follows a score brings its own sheet, with the shared controls' styles.
    expect(npsStyles).not.toMatch(/textarea|vouch-button|vouch-check|vouch-channel/);
    expect(npsFollowUpStyles).toContain(controlStyles);
    expect(npsFollowUpStyles).toContain('.vouch-check input{flex:none;width:1.5em;height:1.5em');
    expect(npsFollowUpStyles).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
  });
});
