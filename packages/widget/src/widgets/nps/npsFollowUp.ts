// What follows a score in the NPS prompt, a chunk of its own: the prompt paints without it
// and fetches it at once (see `renderNpsPrompt`).
import { type NpsCategory, npsCategory } from '@vouch/core';
import type { OnUnmount } from '../../dom/OnUnmount.js';
import { setChildren } from '../../dom/setChildren.js';
import { tags } from '../../dom/tags.js';
import { adoptStyles } from '../../styles/adoptStyles.js';
import { npsFollowUpMessages } from './npsFollowUpMessages.js';
import { npsFollowUpStyles } from './npsFollowUpStyles.js';
import { npsThanks } from './npsThanks.js';
import type { NpsPromptSettings } from './renderNpsPrompt.js';

// What the `nps` widget adds after a score (its `more`) comes with it.
export { npsWidgetAnswers } from './npsWidgetAnswers.js';

const { button, input, label, span, textarea } = tags;

/**
 * Adds the follow-up to a painted prompt and returns what shows it for a picked score: a
 * question worded by category with an optional comment, for detractors whether the
 * merchant may contact them (live: it comes or goes as `canContact` changes), and Send.
 * Its parts are made once and only shown or hidden as the category changes, so what the
 * shopper typed or ticked stays. Sending calls `onAnswer`, puts the thanks in place of
 * `questions` and `thanks` words in `title`, which takes focus (the Send button goes).
 * Where the prompt has a `shadowRoot`, the follow-up's sheet is added to it until unmount.
 */
export function npsFollowUp(
  props: NpsPromptSettings,
  title: HTMLElement,
  questions: HTMLFormElement,
  id: (part: string) => string,
  onUnmount: OnUnmount,
  shadowRoot?: ShadowRoot,
): (score: number) => void {
  // Where the browser has no constructable sheets, a CSP nonce is what the widget's own
  // sheets carry.
  if (shadowRoot)
    onUnmount(
      adoptStyles(shadowRoot, [npsFollowUpStyles], shadowRoot.querySelector('style')?.nonce),
    );
  const { merchant = '' } = props;
  const m = { ...npsFollowUpMessages, ...props.messages };
  const canContact = () =>
    typeof props.canContact === 'function' ? props.canContact() : props.canContact !== false;
  let score = 0;
  let category: NpsCategory | undefined;
  const commentId = id('comment');
  const question = new Text();
  const comment = textarea({ id: commentId, rows: 3, maxLength: props.maxLength ?? 2000 });
  const consent = input({ type: 'checkbox' });
  const followUp = [
    label({ for: commentId }, question, ' ', span({ class: 'vouch-muted' }, m.optional)),
    comment,
  ];
  const contactLabel = label({ class: 'vouch-check' }, consent, m.contact(merchant));
  const send = button({ type: 'submit', class: 'vouch-button' }, m.send);
  const scale = Array.from(questions.childNodes);
  const update = () =>
    setChildren(
      questions,
      category
        ? [...scale, ...followUp, category === 'detractor' && canContact() && contactLabel, send]
        : scale,
    );
  if (props.subscribe) onUnmount(props.subscribe(update));
  questions.onsubmit = (event) => {
    event.preventDefault();
    if (!category) return;
    const text = comment.value.trim();
    const asked = category === 'detractor' && canContact();
    props.onAnswer?.({
      score,
      category,
      ...(text && { comment: text }),
      ...(asked && { contact: consent.checked }),
    });
    title.textContent = m.thanks;
    questions.replaceWith(
      npsThanks(
        {
          category,
          merchant,
          testimonialUrl: props.testimonialUrl,
          loadReferral: props.loadReferral,
          contact: asked && consent.checked,
          messages: m,
          emit: props.emit,
          id,
        },
        onUnmount,
      ),
    );
    // The Send button goes: focus follows the shopper to the thanks.
    title.focus();
  };
  return (picked) => {
    score = picked;
    category = npsCategory(picked);
    question.data = m.followUp[category](merchant);
    update();
  };
}
