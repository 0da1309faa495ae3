import { npsFollowUpMessages } from './npsFollowUpMessages.js';
import { npsPromptMessages } from './npsPromptMessages.js';

/**
 * Every word the `nps` widget shows, in English, as one table. A locale replaces the table
 * (or some entries, through the `messages` option of `NpsPrompt`); the widget itself holds
 * no text. `merchant` is the shop's name, from the widget's options or the site's
 * settings. The prompt itself loads its words in two parts (`npsPromptMessages` as it
 * appears, `npsFollowUpMessages` after), so that it paints with only the first.
 */
export const npsMessages = { ...npsPromptMessages, ...npsFollowUpMessages };

/** The words of the `nps` widget: {@link npsMessages} or a translation of it. */
export type NpsMessages = typeof npsMessages;
