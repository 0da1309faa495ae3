/**
 * The English words the NPS prompt shows as it appears: the question, the scale and the
 * close button. They load with the prompt; the rest (`npsFollowUpMessages`) loads with the
 * follow-up. `merchant` is the shop's name, from the widget's options or the site's settings.
 */
export const npsPromptMessages = {
  question: (merchant: string) =>
    `How likely are you to recommend ${merchant || 'us'} to a friend or colleague?`,
  /** The name each score is announced by (the button shows the digit): the digit. */
  score: String as (score: number) => string,
  low: '0 – Not likely',
  high: '10 – Very likely',
  close: 'Close the survey',
};
