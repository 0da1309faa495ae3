import type { OnUnmount } from '../../dom/OnUnmount.js';
import { tags } from '../../dom/tags.js';
import { copyText } from './copyText.js';

const { button, div, input, label, p } = tags;

/** The words of a {@link copyField}. */
export interface CopyFieldMessages {
  /** The button. */
  copy: string;
  /** Announced once the text is on the clipboard. */
  copied: string;
  /** Announced when the browser would not copy: the field is selected instead. */
  copyByHand: string;
}

/** What {@link copyField} shows and does. */
export interface CopyFieldSettings {
  /** The field's id, unique to the widget instance (`context.id(…)`). */
  id: string;
  /** The field's visible label. */
  label: string;
  /** The text shown and copied. */
  value: string;
  messages: CopyFieldMessages;
  /** Called after a successful copy. */
  onCopied?: (() => void) | undefined;
}

// How long the confirmation stays; clearing it lets the next copy be announced again.
const NOTE_MS = 5000;

/**
 * A read-only field with a Copy button. The outcome is written into a polite live region
 * (`role="status"`), so screen readers announce it without moving focus.
 */
export function copyField(settings: CopyFieldSettings, onUnmount: OnUnmount): HTMLElement {
  const { id, value, messages, onCopied } = settings;
  const note = p({ role: 'status', class: 'vouch-note' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  onUnmount(() => clearTimeout(timer));
  const field = input({
    id,
    type: 'text',
    readOnly: true,
    value,
    spellcheck: false,
    onfocus: () => field.select(),
  });
  const copy = async () => {
    const copied = await copyText(value, field);
    note.textContent = copied ? messages.copied : messages.copyByHand;
    clearTimeout(timer);
    timer = setTimeout(() => {
      note.textContent = '';
    }, NOTE_MS);
    if (copied) onCopied?.();
  };
  return div(
    { 'data-vouch-part': 'copy' },
    label({ for: id }, settings.label),
    div(
      { class: 'vouch-row' },
      field,
      button({ type: 'button', class: 'vouch-button', onclick: copy }, messages.copy),
    ),
    note,
  );
}
