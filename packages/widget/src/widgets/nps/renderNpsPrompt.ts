import { type NpsCategory, npsCategory } from '@vouch/core';
import van from 'vanjs-core';
import type { OnUnmount } from '../../van/OnUnmount.js';
import { setChildren } from '../../van/setChildren.js';
import type { EmitEvent } from '../shared/EmitEvent.js';
import { type NpsMessages, npsMessages } from './npsMessages.js';
import { type NpsReferral, npsThanks } from './npsThanks.js';
import { scoreScale } from './scoreScale.js';

const { button, form, input, label, p, section, span, textarea } = van.tags;

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
 * may be a function reading van states, which makes it live (the contact question appears
 * or goes as they change, the score and comment staying).
 */
export interface NpsPromptSettings extends Omit<NpsPromptProps, 'canContact'> {
  canContact?: boolean | (() => boolean) | undefined;
}

/**
 * The NPS prompt: "How likely are you to recommend …?" with a 0–10 radio group, then a
 * follow-up question worded by category (an optional comment; detractors may also let the
 * merchant contact them), then thanks with the same testimonial invitation for everyone
 * and, for promoters, their referral link. A labelled region, not a dialog: it never
 * takes focus when it appears, and the page stays usable. Escape or the close button
 * closes it; before an answer, that is a dismissal (with the score if one was picked).
 * `id` gives ids unique to the instance; `onShown` is called once it is built.
 */
export function renderNpsPrompt(
  props: NpsPromptSettings,
  id: (part: string) => string,
  onUnmount: OnUnmount,
): () => HTMLElement | null {
  const { merchant = '', onAnswer, onDismiss, onClose, messages } = props;
  const m = messages ? { ...npsMessages, ...messages } : npsMessages;
  const canContact = () =>
    typeof props.canContact === 'function' ? props.canContact() : props.canContact !== false;
  const score = van.state<number | null>(null);
  const category = van.derive<NpsCategory | null>(() =>
    score.val === null ? null : npsCategory(score.val),
  );
  const answered = van.state<NpsCategory | null>(null);
  const closed = van.state(false);
  const questionId = id('question');
  const lowId = id('low');
  const highId = id('high');
  const commentId = id('comment');

  const title = p({ id: questionId, class: 'vouch-title', tabIndex: -1 }, () =>
    answered.val ? m.thanks : m.question(merchant),
  );
  const close = () => {
    if (!answered.val) onDismiss(score.val === null ? {} : { score: score.val });
    closed.val = true;
    onClose?.();
  };

  // The follow-up's parts are made once and only shown or hidden, as the category
  // changes: what the shopper typed or ticked stays.
  const comment = textarea({ id: commentId, rows: 3, maxLength: props.maxLength ?? 2000 });
  const consent = input({ type: 'checkbox' });
  const followUp = [
    label(
      { for: commentId },
      () => (category.val ? m.followUp[category.val](merchant) : ''),
      ' ',
      span({ class: 'vouch-muted' }, m.optional),
    ),
    comment,
  ];
  const contactLabel = label({ class: 'vouch-check' }, consent, m.contact(merchant));
  let contacted = false;
  const sendButton = button({ type: 'submit', class: 'vouch-button' }, m.send);
  const send = (event: Event) => {
    event.preventDefault();
    const picked = score.val;
    const chosen = category.val;
    if (picked === null || !chosen) return;
    const text = comment.value.trim();
    const asked = chosen === 'detractor' && canContact();
    onAnswer({
      score: picked,
      category: chosen,
      ...(text && { comment: text }),
      ...(asked && { contact: consent.checked }),
    });
    contacted = asked && consent.checked;
    answered.val = chosen;
    // The Send button goes: focus follows the shopper to the thanks.
    title.focus();
  };
  const questions = form(
    { onsubmit: send },
    scoreScale({
      score,
      labelledBy: questionId,
      describedBy: `${lowId} ${highId}`,
      label: m.score,
    }),
    p(
      { class: 'vouch-anchors', 'aria-hidden': 'true' },
      span({ id: lowId }, m.low),
      span({ id: highId }, m.high),
    ),
  );
  const scale = Array.from(questions.childNodes);
  van.derive(() => {
    const now = category.val;
    setChildren(questions, [
      ...scale,
      ...(now ? followUp : []),
      now === 'detractor' && canContact() && contactLabel,
      now && sendButton,
    ]);
  });

  // Last in reading order (it sits in the corner): the question comes first.
  const closeButton = button(
    { type: 'button', class: 'vouch-close', 'aria-label': m.close, onclick: close },
    span({ 'aria-hidden': 'true' }, '×'),
  );
  const prompt = section({
    'aria-labelledby': questionId,
    class: 'vouch-nps',
    'data-vouch-part': 'nps',
    onkeydown: (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    },
  });
  let thanks: HTMLElement | undefined;
  van.derive(() => {
    const done = answered.val;
    if (done)
      thanks ??= npsThanks(
        {
          category: done,
          merchant,
          testimonialUrl: props.testimonialUrl,
          loadReferral: props.loadReferral,
          contact: contacted,
          messages: m,
          emit: props.emit,
          id,
        },
        onUnmount,
      );
    setChildren(prompt, [title, thanks ?? questions, closeButton]);
  });
  props.onShown?.();
  return () => (closed.val ? null : prompt);
}
