import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { copyText } from './copyText.js';

/** The words of a {@link CopyField}. */
export interface CopyFieldMessages {
  /** The button. */
  copy: string;
  /** Announced once the text is on the clipboard. */
  copied: string;
  /** Announced when the browser would not copy: the field is selected instead. */
  copyByHand: string;
}

/** Props of {@link CopyField}. */
export interface CopyFieldProps {
  /** The field's visible label. */
  label: string;
  /** The text shown and copied. */
  value: string;
  messages: CopyFieldMessages;
  /** Called after a successful copy. */
  onCopied?: () => void;
}

// How long the confirmation stays; clearing it lets the next copy be announced again.
const NOTE_MS = 5000;

/**
 * A read-only field with a Copy button. The outcome is written into a polite live region
 * (`role="status"`), so screen readers announce it without moving focus.
 */
export function CopyField({ label, value, messages, onCopied }: CopyFieldProps) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    if (!note) return;
    const timer = setTimeout(() => setNote(''), NOTE_MS);
    return () => clearTimeout(timer);
  }, [note]);
  const copy = async () => {
    const copied = await copyText(value, field.current);
    setNote(copied ? messages.copied : messages.copyByHand);
    if (copied) onCopied?.();
  };
  return (
    <div data-vouch-part="copy">
      <label for={id}>{label}</label>
      <div class="vouch-row">
        <input
          id={id}
          ref={field}
          type="text"
          readOnly
          value={value}
          spellcheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" class="vouch-button" onClick={copy}>
          {messages.copy}
        </button>
      </div>
      <p role="status" class="vouch-note">
        {note}
      </p>
    </div>
  );
}
