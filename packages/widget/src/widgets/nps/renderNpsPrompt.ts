import type { NpsCategory } from '@vouch/core';
import type { OnUnmount } from '../../dom/OnUnmount.js';
import { tags } from '../../dom/tags.js';
import type { EmitEvent } from '../shared/EmitEvent.js';
import type { NpsMessages } from './npsMessages.js';
import { npsPromptMessages } from './npsPromptMessages.js';
import type { NpsReferral } from './npsThanks.js';

const { button, div, form, p, section, span } = tags;

// Typing 1 then 0 within this time picks 10 (a lone 1 stays 1).
const TEN_MS = 800;

/** What the shopper answered, as {@link NpsPromptProps.onAnswer} receives it. */
export interface NpsAnswer {
  /** 0–10. */
  score: number;
  category: NpsCategory;
  /** The answer to the follow-up question, trimmed; absent when left empty. */
  comment?: string;
  /**
   * Whether the shopper agreed to be contacted about the answer: asked of detractors only
   * (unticked by default), so absent for passives and promoters.
   */
  contact?: boolean;
}

/** What the NPS prompt shows and whom it tells (the props of `NpsPrompt`). */
export interface NpsPromptProps {
  /** The shop's name, in the question. @default '' ("recommend us") */
  merchant?: string | undefined;
  /** Called once with the answer, when the shopper sends it. */
  onAnswer(answer: NpsAnswer): void;
  /**
   * Called when the shopper closes the prompt (close button or Escape) before answering,
   * with the score if one was picked. Not called when it is closed after the answer.
   */
  onDismiss(dismissal: { score?: number }): void;
  /** Called once when the prompt appears. @default undefined */
  onShown?: (() => void) | undefined;
  /** Called when the prompt is closed, answered or not (to unmount it). @default undefined */
  onClose?: (() => void) | undefined;
  /**
   * Where every respondent is invited to write a testimonial, whatever their score (no
   * review gating). No invitation without it. @default undefined
   */
  testimonialUrl?: string | undefined;
  /**
   * Loads the shopper's referral link, shown to promoters with share buttons; resolves to
   * null (or is absent) where the site runs no referral program. @default undefined
   */
  loadReferral?: (() => Promise<NpsReferral | null>) | undefined;
  /**
   * Whether detractors are asked if the merchant may contact them (only useful when the
   * shopper is identified). @default true
   */
  canContact?: boolean | undefined;
  /** The longest comment accepted. @default 2000, the server's limit (`MAX_NPS_COMMENT`) */
  maxLength?: number | undefined;
  /** Words to replace, for another language. @default npsMessages (English) */
  messages?: Partial<NpsMessages> | undefined;
  /** Raises `referral:copied` and `share` from the promoters' share buttons. */
  emit?: EmitEvent | undefined;
}

/**
 * What {@link renderNpsPrompt} takes: the props of `NpsPrompt`, except that `canContact`
 * may be a function, read again whenever `subscribe`'s listener is called (the contact
 * question then appears or goes, the score and comment staying), and that what only
 * follows a score may come later, through `more`.
 */
export interface NpsPromptSettings extends Omit<NpsPromptProps, 'canContact' | 'onAnswer'> {
  /** Called once with the answer (required of `NpsPrompt`; may come through `more`). */
  onAnswer?: ((answer: NpsAnswer) => void) | undefined;
  canContact?: boolean | (() => boolean) | undefined;
  /** Calls `listener` when `canContact` may have changed; returns what stops that. */
  subscribe?: ((listener: () => void) => () => void) | undefined;
  /**
   * Settings for what follows a score, made from the follow-up's module when it arrives
   * (so that what records the answer is not in the code that paints); they go over the
   * others. @default undefined
   */
  more?: ((followUp: typeof import('./npsFollowUp.js')) => Partial<NpsPromptSettings>) | undefined;
}

/**
 * The NPS prompt: "How likely are you to recommend …?" with a 0–10 radio group, then a
 * follow-up question worded by category (an optional comment; detractors may also let the
 * merchant contact them), then thanks with the same testimonial invitation for everyone
 * and, for promoters, their referral link. A labelled region, not a dialog: it never
 * takes focus when it appears, and the page stays usable. Escape or the close button
 * closes it (it leaves the page); before an answer, that is a dismissal (with the score if
 * one was picked). `id` gives ids unique to the instance; `onShown` is called once it is
 * built.
 *
 * The scale is a radio group (WAI-ARIA radio group pattern): one tab stop (the picked
 * score, else 0), arrow keys move and pick (wrapping; left and right as seen, on a
 * right-to-left page too), Home and End pick 0 and 10, digit keys pick that score and "1"
 * then "0" typed quickly picks 10. Focus moves only inside the group, on the shopper's own
 * key press.
 *
 * It paints with the question and the scale only: everything after a score (with its
 * words, and its sheet, added to `shadowRoot` where given) is a module of its own, fetched
 * at once, so that it is normally there before a score is picked; a score picked sooner
 * shows it when it arrives.
 */
export function renderNpsPrompt(
  props: NpsPromptSettings,
  id: (part: string) => string,
  onUnmount: OnUnmount,
  shadowRoot?: ShadowRoot,
): HTMLElement {
  const { merchant = '', onDismiss, onClose } = props;
  const m = { ...npsPromptMessages, ...props.messages };
  let score: number | undefined;
  // When "1" was typed last, for a "0" after it (0 when another key was).
  let oneAt = 0;
  // Shows the follow-up for a score, once its module is here.
  let followUp: ((score: number) => void) | undefined;
  let loading: Promise<void> | undefined;
  const questionId = id('question');
  const lowId = id('low');
  const highId = id('high');

  const title = p({ id: questionId, class: 'vouch-title', tabIndex: -1 }, m.question(merchant));
  const close = () => {
    // Not answered: the thanks takes the place of the questions when it is.
    if (questions.parentNode) onDismiss(score === undefined ? {} : { score });
    prompt.remove();
    onClose?.();
  };
  // A failed load is tried again on the next pick.
  const load = () =>
    (loading ??= import('./npsFollowUp.js').then(
      (module) => {
        followUp = module.npsFollowUp(
          { ...props, ...props.more?.(module) },
          title,
          questions,
          id,
          onUnmount,
          shadowRoot,
        );
        if (score !== undefined) followUp(score);
      },
      () => {
        loading = undefined;
      },
    ));
  const pick = (next: number) => {
    score = next;
    radios.forEach((radio, value) => {
      radio.setAttribute('aria-checked', String(value === next));
      radio.tabIndex = value === next ? 0 : -1;
    });
    radios[next]?.focus();
    if (followUp) followUp(next);
    else load();
  };
  const radios = Array.from({ length: 11 }, (_, value) =>
    button(
      {
        type: 'button',
        role: 'radio',
        'aria-checked': 'false',
        'aria-label': m.score(value),
        tabIndex: value ? -1 : 0,
        onclick: () => pick(value),
      },
      String(value),
    ),
  );
  const onkeydown = (event: KeyboardEvent) => {
    const { key } = event;
    let next: number | undefined;
    if (key.startsWith('Arrow')) {
      // Before a pick, arrows start from the radio that has focus (the first, by Tab).
      const from = score ?? Math.max(0, radios.indexOf(event.target as HTMLButtonElement));
      // Right to left, the scale runs from the right: left and right follow what is seen.
      const rtl = getComputedStyle(event.currentTarget as Element).direction === 'rtl';
      const back = /Left|Up/.test(key) !== (rtl && /Left|Right/.test(key));
      next = (from + (back ? 10 : 1)) % 11;
    } else if (key === 'Home') next = 0;
    else if (key === 'End') next = 10;
    else if (/^\d$/.test(key)) {
      const now = Date.now();
      next = key === '0' && now - oneAt < TEN_MS ? 10 : +key;
      oneAt = key === '1' ? now : 0;
    }
    if (next === undefined) return;
    event.preventDefault();
    pick(next);
  };
  const questions = form(
    div(
      {
        role: 'radiogroup',
        'aria-labelledby': questionId,
        'aria-describedby': `${lowId} ${highId}`,
        class: 'vouch-scale',
        onkeydown,
      },
      radios,
    ),
    p(
      { class: 'vouch-anchors', 'aria-hidden': 'true' },
      span({ id: lowId }, m.low),
      span({ id: highId }, m.high),
    ),
  );
  const prompt = section(
    {
      'aria-labelledby': questionId,
      class: 'vouch-nps',
      'data-vouch-part': 'nps',
      onkeydown: (event: KeyboardEvent) => {
        if (event.key === 'Escape') close();
      },
    },
    title,
    questions,
    // Last in reading order (it sits in the corner): the question comes first.
    button(
      { type: 'button', class: 'vouch-close', 'aria-label': m.close, onclick: close },
      span({ 'aria-hidden': 'true' }, '×'),
    ),
  );
  props.onShown?.();
  load();
  return prompt;
}
