import { fireEvent, render, screen, within } from '@testing-library/preact';
import { MAX_NPS_COMMENT } from '@vouch/core/schemas';
import { describe, expect, it, vi } from 'vitest';
import { type NpsAnswer, NpsPrompt, type NpsPromptProps } from './NpsPrompt.js';
import type { NpsReferral } from './NpsThanks.js';
import { npsMessages } from './npsMessages.js';
import { npsStyles } from './npsStyles.js';

/** The prompt in the page, with what its callbacks received. */
function show(props: Partial<NpsPromptProps> = {}) {
  const answers: NpsAnswer[] = [];
  const dismissals: { score?: number }[] = [];
  const shown = vi.fn();
  render(
    <NpsPrompt
      merchant="Lather & Leaf"
      onAnswer={(answer) => answers.push(answer)}
      onDismiss={(dismissal) => dismissals.push(dismissal)}
      onShown={shown}
      {...props}
    />,
  );
  const group = screen.getByRole('radiogroup', {
    name: 'How likely are you to recommend Lather & Leaf to a friend or colleague?',
  });
  const radio = (score: number) => within(group).getByRole('radio', { name: String(score) });
  return { answers, dismissals, shown, group, radio };
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

describe('NpsPrompt', () => {
  it('asks the standard question over a 0–10 radio group with its anchors', () => {
    const { group, shown } = show();
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
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['0 – Not likely', '10 – Very likely']);
    expect(shown).toHaveBeenCalledTimes(1);
    // A region of the page, not a dialog, and nothing took focus when it appeared.
    const region = screen.getByRole('region', { name: /How likely/ });
    // The close button comes after the question and the scale, in reading and tab order.
    expect(Array.from(region.querySelectorAll('button')).at(-1)?.getAttribute('aria-label')).toBe(
      'Close the survey',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(document.body);
  });

  it('is operated with arrow keys, Home, End and digits, with one tab stop', () => {
    const { group, radio } = show();
    radio(0).focus();
    fireEvent.keyDown(radio(0), { key: 'ArrowRight' });
    expect(checked(group)).toEqual(['1']);
    expect(document.activeElement).toBe(radio(1));
    fireEvent.keyDown(radio(1), { key: 'ArrowDown' });
    expect(checked(group)).toEqual(['2']);
    fireEvent.keyDown(radio(2), { key: 'ArrowLeft' });
    fireEvent.keyDown(radio(1), { key: 'ArrowUp' });
    expect(checked(group)).toEqual(['0']);
    fireEvent.keyDown(radio(0), { key: 'ArrowLeft' }); // wraps
    expect(checked(group)).toEqual(['10']);
    expect(document.activeElement).toBe(radio(10));
    fireEvent.keyDown(radio(10), { key: 'Home' });
    expect(checked(group)).toEqual(['0']);
    fireEvent.keyDown(radio(0), { key: 'End' });
    expect(checked(group)).toEqual(['10']);
    fireEvent.keyDown(radio(10), { key: '7' });
    expect(checked(group)).toEqual(['7']);
    expect(tabStops(group)).toEqual(['7']);
    expect(document.activeElement).toBe(radio(7));
    // "1" then "0" quickly is 10; a lone "0" is 0, and so is a "0" long after a "1".
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      fireEvent.keyDown(radio(7), { key: '1' });
      expect(checked(group)).toEqual(['1']);
      vi.setSystemTime(Date.now() + 300);
      fireEvent.keyDown(radio(1), { key: '0' });
      expect(checked(group)).toEqual(['10']);
      vi.setSystemTime(Date.now() + 100);
      fireEvent.keyDown(radio(10), { key: '0' });
      expect(checked(group)).toEqual(['0']);
      fireEvent.keyDown(radio(0), { key: '1' });
      vi.setSystemTime(Date.now() + 2000);
      fireEvent.keyDown(radio(1), { key: '0' });
      expect(checked(group)).toEqual(['0']);
    } finally {
      vi.useRealTimers();
    }
    // Other keys are left to the page (Tab leaves the group).
    fireEvent.keyDown(radio(0), { key: 'a' });
    expect(checked(group)).toEqual(['0']);
  });

  it('follows the arrows as seen on a right-to-left page', () => {
    document.documentElement.style.direction = 'rtl';
    try {
      const { group, radio } = show();
      fireEvent.keyDown(radio(0), { key: '5' });
      fireEvent.keyDown(radio(5), { key: 'ArrowLeft' });
      expect(checked(group)).toEqual(['6']);
      fireEvent.keyDown(radio(6), { key: 'ArrowRight' });
      fireEvent.keyDown(radio(5), { key: 'ArrowRight' });
      expect(checked(group)).toEqual(['4']);
      fireEvent.keyDown(radio(4), { key: 'ArrowDown' });
      expect(checked(group)).toEqual(['5']);
    } finally {
      document.documentElement.style.direction = '';
    }
  });

  it('asks a promoter what they like, then offers the testimonial and their link', async () => {
    const copied: unknown[] = [];
    const { answers, radio } = show({
      testimonialUrl: '/reviews/new',
      loadReferral: () => Promise.resolve(promoterLink),
      emit: (name, detail) => copied.push([name, detail]),
    });
    fireEvent.click(radio(9));
    const comment = screen.getByRole('textbox', {
      name: 'Great! What do you like most about Lather & Leaf? (optional)',
    });
    expect(screen.queryByRole('checkbox')).toBeNull();
    // As long as the server takes, and no longer (its schema is not loaded on the page).
    expect((comment as HTMLTextAreaElement).maxLength).toBe(MAX_NPS_COMMENT);
    fireEvent.input(comment, { target: { value: '  The soap smells of summer.  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    expect(answers).toEqual([
      { score: 9, category: 'promoter', comment: 'The soap smells of summer.' },
    ]);
    const title = screen.getByText('Thank you for your answer!');
    expect(document.activeElement).toBe(title);
    expect(screen.queryByRole('radiogroup')).toBeNull();
    expect(screen.getByRole('link', { name: 'Write a testimonial' }).getAttribute('href')).toBe(
      '/reviews/new',
    );
    const field = (await screen.findByRole('textbox', {
      name: 'Your referral link',
    })) as HTMLInputElement;
    expect(field.value).toBe(promoterLink.link);
    expect(
      screen.getByRole('link', { name: 'Share via WhatsApp (opens in a new tab)' }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Share via Email' }));
    expect(copied).toEqual([
      ['share', { channel: 'email', url: promoterLink.link, code: 'ADA7KQ2M' }],
    ]);
  });

  it('asks a passive what would make it a 10, and offers the same testimonial, no link', async () => {
    const loadReferral = vi.fn(() => Promise.resolve(promoterLink));
    const { answers, radio } = show({ testimonialUrl: '/reviews/new', loadReferral });
    fireEvent.click(radio(8));
    expect(
      screen.getByRole('textbox', { name: 'Thanks! What would make it a 10? (optional)' }),
    ).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(answers).toEqual([{ score: 8, category: 'passive' }]);
    expect(screen.getByRole('link', { name: 'Write a testimonial' })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loadReferral).not.toHaveBeenCalled();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('asks a detractor what went wrong and whether the shop may contact them', () => {
    const loadReferral = vi.fn(() => Promise.resolve(promoterLink));
    const { answers, radio } = show({ testimonialUrl: '/reviews/new', loadReferral });
    fireEvent.click(radio(3));
    const consent = screen.getByRole('checkbox', {
      name: 'Lather & Leaf may contact me about my answer',
    }) as HTMLInputElement;
    expect(consent.checked).toBe(false);
    fireEvent.input(screen.getByRole('textbox', { name: /What went wrong\?/ }), {
      target: { value: 'It arrived broken.' },
    });
    fireEvent.click(consent);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(answers).toEqual([
      { score: 3, category: 'detractor', comment: 'It arrived broken.', contact: true },
    ]);
    expect(screen.getByText('We will be in touch.')).toBeTruthy();
    // The same invitation as everyone: no review gating.
    expect(screen.getByRole('link', { name: 'Write a testimonial' })).toBeTruthy();
    expect(loadReferral).not.toHaveBeenCalled();
  });

  it('sends a detractor’s refusal too, and asks nothing where contact is not possible', () => {
    const first = show();
    fireEvent.click(first.radio(0));
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(first.answers).toEqual([{ score: 0, category: 'detractor', contact: false }]);
    expect(screen.queryByText('We will be in touch.')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull(); // no testimonials on this site
  });

  it('leaves the contact question out when the shopper cannot be contacted', () => {
    const { answers, radio } = show({ canContact: false });
    fireEvent.click(radio(2));
    expect(screen.queryByRole('checkbox')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(answers).toEqual([{ score: 2, category: 'detractor' }]);
  });

  it('records a dismissal with the picked score on Escape', () => {
    const onClose = vi.fn();
    const { dismissals, answers, radio } = show({ onClose });
    fireEvent.keyDown(radio(0), { key: '6' });
    fireEvent.keyDown(radio(6), { key: 'Escape' });
    expect(dismissals).toEqual([{ score: 6 }]);
    expect(answers).toEqual([]);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('records a dismissal without a score from the close button', () => {
    const { dismissals } = show();
    fireEvent.click(screen.getByRole('button', { name: 'Close the survey' }));
    expect(dismissals).toEqual([{}]);
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('closes after the answer without counting a dismissal', () => {
    const onClose = vi.fn();
    const { dismissals, answers, radio } = show({ onClose });
    fireEvent.click(radio(10));
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    fireEvent.keyDown(screen.getByText('Thank you for your answer!'), { key: 'Escape' });
    expect(answers).toHaveLength(1);
    expect(dismissals).toEqual([]);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('speaks another language through its messages', () => {
    render(
      <NpsPrompt
        merchant="Lather & Leaf"
        onAnswer={() => {}}
        onDismiss={() => {}}
        messages={{
          question: (merchant) => `Recommanderiez-vous ${merchant} ?`,
          score: (score) => `${score} sur 10`,
          close: 'Fermer',
          followUp: { ...npsMessages.followUp, passive: () => 'Que faudrait-il pour un 10 ?' },
        }}
      />,
    );
    const group = screen.getByRole('radiogroup', { name: 'Recommanderiez-vous Lather & Leaf ?' });
    fireEvent.click(within(group).getByRole('radio', { name: '7 sur 10' }));
    expect(screen.getByRole('textbox', { name: /Que faudrait-il pour un 10/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Fermer' })).toBeTruthy();
  });

  it("words the promoter's link in the language given", async () => {
    const { radio } = show({
      loadReferral: () => Promise.resolve(promoterLink),
      messages: { referral: { link: 'Votre lien de parrainage', copy: 'Copier' } },
    });
    fireEvent.click(radio(9));
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const field = (await screen.findByRole('textbox', {
      name: 'Votre lien de parrainage',
    })) as HTMLInputElement;
    expect(field.value).toBe(promoterLink.link);
    expect(screen.getByRole('button', { name: 'Copier' })).toBeTruthy();
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
  });
});
