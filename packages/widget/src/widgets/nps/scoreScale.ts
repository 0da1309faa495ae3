import van, { type State } from 'vanjs-core';

const { button, div } = van.tags;

/** What {@link scoreScale} shows and changes. */
export interface ScoreScaleSettings {
  /** The picked score, or null before one is picked; the scale sets it. */
  score: State<number | null>;
  /** The id of the question that names the group. */
  labelledBy: string;
  /** The ids of the anchor labels ("Not likely", "Very likely"). */
  describedBy: string;
  /** The name each score is announced by. */
  label(score: number): string;
}

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
// Typing 1 then 0 within this time picks 10 (a lone 1 stays 1).
const TEN_MS = 800;

/**
 * The 0–10 scale as a radio group (WAI-ARIA radio group pattern): one tab stop (the
 * picked score, else 0), arrow keys move and pick (wrapping; left and right as seen, on a
 * right-to-left page too), Home and End pick 0 and 10, digit keys pick that score and "1" then "0" typed quickly picks 10. Focus moves only
 * inside the group, on the shopper's own key press.
 */
export function scoreScale({ score, labelledBy, describedBy, label }: ScoreScaleSettings) {
  let lastDigit = { key: '', at: 0 };
  const pick = (next: number) => {
    score.val = next;
    buttons[next]?.focus();
  };
  const buttons = SCORES.map((value) =>
    button(
      {
        type: 'button',
        role: 'radio',
        'aria-checked': () => String(score.val === value),
        'aria-label': label(value),
        tabIndex: () => (value === (score.val ?? 0) ? 0 : -1),
        onclick: () => pick(value),
      },
      String(value),
    ),
  );
  const onkeydown = (event: KeyboardEvent) => {
    // Before a pick, arrows start from the radio that has focus (the first, by Tab).
    const current = score.val ?? Math.max(0, buttons.indexOf(event.target as HTMLButtonElement));
    // Right to left, the scale runs from the right: the arrows follow what is seen.
    const rtl = getComputedStyle(event.currentTarget as Element).direction === 'rtl';
    const key =
      rtl && /^Arrow(Left|Right)$/.test(event.key)
        ? event.key === 'ArrowLeft'
          ? 'ArrowRight'
          : 'ArrowLeft'
        : event.key;
    let next: number | undefined;
    if (key === 'ArrowRight' || key === 'ArrowDown') next = current >= 10 ? 0 : current + 1;
    else if (key === 'ArrowLeft' || key === 'ArrowUp') next = current <= 0 ? 10 : current - 1;
    else if (key === 'Home') next = 0;
    else if (key === 'End') next = 10;
    else if (/^[0-9]$/.test(key)) {
      const now = Date.now();
      next = key === '0' && lastDigit.key === '1' && now - lastDigit.at < TEN_MS ? 10 : +key;
      lastDigit = { key, at: now };
    }
    if (next === undefined) return;
    event.preventDefault();
    pick(next);
  };
  return div(
    {
      role: 'radiogroup',
      'aria-labelledby': labelledBy,
      'aria-describedby': describedBy,
      class: 'vouch-scale',
      onkeydown,
    },
    buttons,
  );
}
