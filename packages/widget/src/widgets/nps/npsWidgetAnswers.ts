import type { WidgetContext } from '../../WidgetModule.js';
import type { NpsWidgetOptions } from '../nps.js';
import type { NpsPromptSettings } from './renderNpsPrompt.js';

/**
 * What the `nps` widget's prompt needs once a score is picked, loaded with the follow-up:
 * the contact question for identified shoppers (live: one who signs in meanwhile is asked
 * too), a promoter's referral link (whose code loads only then), and the answer recorded
 * through `client.nps.submit()` under the prompt's `id`, with the shopper's email when
 * they agreed to be contacted.
 */
export function npsWidgetAnswers(
  { client, emit }: WidgetContext,
  options: NpsWidgetOptions,
  id: () => string,
): Partial<NpsPromptSettings> {
  return {
    testimonialUrl: options.testimonialUrl,
    canContact: () => !!client.getSnapshot().identity,
    subscribe: (listener) => client.subscribe(listener),
    loadReferral: () => import('./promoterParts.js').then((parts) => parts.loadNpsReferral(client)),
    onAnswer: ({ category: _, ...answer }) => {
      const email = client.getSnapshot().identity?.email;
      client.nps.submit({ id: id(), ...answer, ...(answer.contact && email && { email }) });
    },
    emit,
  };
}
