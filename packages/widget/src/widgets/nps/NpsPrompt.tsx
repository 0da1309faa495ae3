import { type NpsCategory, npsCategory } from '@vouch/core';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { EmitEvent } from '../shared/EmitEvent.js';
import { type NpsReferral, NpsThanks } from './NpsThanks.js';
import { type NpsMessages, npsMessages } from './npsMessages.js';
import { ScoreScale } from './ScoreScale.js';

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

/** Props of {@link NpsPrompt}. */
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
 * The NPS prompt: "How likely are you to recommend …?" with a 0–10 radio group, then a
 * follow-up question worded by category (an optional comment; detractors may also let the
 * merchant contact them), then thanks with the same testimonial invitation for everyone
 * and, for promoters, their referral link. A labelled region, not a dialog: it never
 * takes focus when it appears, and the page stays usable. Escape or the close button
 * closes it; before an answer, that is a dismissal (with the score if one was picked).
 */
export function NpsPrompt(props: NpsPromptProps) {
  const { merchant = '', onAnswer, onDismiss, onShown, onClose, messages } = props;
  const m = messages ? { ...npsMessages, ...messages } : npsMessages;
  const [score, setScore] = useState<number | null>(null);
  const [answered, setAnswered] = useState<NpsCategory | null>(null);
  const [closed, setClosed] = useState(false);
  const [contact, setContact] = useState(false);
  const comment = useRef<HTMLTextAreaElement>(null);
  const thanks = useRef<HTMLParagraphElement>(null);
  const id = useId();
  useEffect(() => {
    onShown?.();
  }, []);
  // The Send button is gone once sent: focus follows the shopper to the thanks.
  useEffect(() => {
    if (answered) thanks.current?.focus();
  }, [answered]);
  if (closed) return null;

  const category = score === null ? null : npsCategory(score);
  const close = () => {
    if (!answered) onDismiss(score === null ? {} : { score });
    setClosed(true);
    onClose?.();
  };
  const send = (event: Event) => {
    event.preventDefault();
    if (score === null || !category) return;
    const text = comment.current?.value.trim();
    const asked = category === 'detractor' && props.canContact !== false;
    onAnswer({
      score,
      category,
      ...(text && { comment: text }),
      ...(asked && { contact }),
    });
    setAnswered(category);
  };
  return (
    <section
      aria-labelledby={`${id}q`}
      class="vouch-nps"
      data-vouch-part="nps"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <p id={`${id}q`} class="vouch-title" tabIndex={-1} ref={thanks}>
        {answered ? m.thanks : m.question(merchant)}
      </p>
      {answered ? (
        <NpsThanks
          category={answered}
          merchant={merchant}
          testimonialUrl={props.testimonialUrl}
          loadReferral={props.loadReferral}
          contact={answered === 'detractor' && contact}
          messages={m}
          emit={props.emit}
        />
      ) : (
        <form onSubmit={send}>
          <ScoreScale
            value={score}
            onChange={setScore}
            labelledBy={`${id}q`}
            describedBy={`${id}l ${id}h`}
            label={m.score}
          />
          <p class="vouch-anchors" aria-hidden="true">
            <span id={`${id}l`}>{m.low}</span>
            <span id={`${id}h`}>{m.high}</span>
          </p>
          {category && (
            <>
              <label for={`${id}c`}>
                {m.followUp[category](merchant)} <span class="vouch-muted">{m.optional}</span>
              </label>
              <textarea id={`${id}c`} ref={comment} rows={3} maxLength={props.maxLength ?? 2000} />
              {category === 'detractor' && props.canContact !== false && (
                <label class="vouch-check">
                  <input
                    type="checkbox"
                    checked={contact}
                    onChange={(event) => setContact(event.currentTarget.checked)}
                  />
                  {m.contact(merchant)}
                </label>
              )}
              <button type="submit" class="vouch-button">
                {m.send}
              </button>
            </>
          )}
        </form>
      )}
      {/* Last in reading order (it sits in the corner): the question comes first. */}
      <button type="button" class="vouch-close" aria-label={m.close} onClick={close}>
        <span aria-hidden="true">×</span>
      </button>
    </section>
  );
}
