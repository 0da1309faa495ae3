// The `nps` widget: `data-vouch="nps"`, `<vouch-nps>`, and a lazily loaded chunk of the
// script-tag build; the runtime mounts it when the prompt's rules (or `vouch('nps')`)
// say so. Options (from `data-*` or attributes, as strings): `merchant` — the shop's
// name in the question (default: the site's name from its settings); `testimonialUrl`
// (`data-testimonial-url`) — where every respondent is invited to write a testimonial.
import van from 'vanjs-core';
import { defineVanWidget } from '../defineVanWidget.js';
import { clientState } from '../van/clientState.js';
import { npsStyles } from './nps/npsStyles.js';
import { renderNpsPrompt } from './nps/renderNpsPrompt.js';

/** Options of the `nps` widget. */
export interface NpsWidgetOptions extends Record<string, unknown> {
  /** The shop's name in the question. @default the site's name from its settings */
  merchant?: string;
  /** Where every respondent is invited to write a testimonial. @default no invitation */
  testimonialUrl?: string;
}

/**
 * The `nps` widget module, for `mount(element, npsWidget, { client })`. It shows the
 * prompt as soon as it is mounted (deciding when is the rules' part) and records through
 * `client.nps`: `shown()` when it appears, `submit()` with the answer (kept in the outbox
 * until the server acknowledges its id), `dismiss()` when it is closed unanswered. The
 * client emits `nps:shown`, `nps:submitted` and `nps:dismissed`.
 */
export default defineVanWidget<NpsWidgetOptions>({
  name: 'nps',
  styles: npsStyles,
  render({ options, context, onUnmount }) {
    const { client, emit } = context;
    // The prompt's id: every record of this prompt carries it, so nothing counts twice.
    let id = '';
    const snapshot = clientState(client, onUnmount);
    const url = options.testimonialUrl;
    const prompt = van.state<(() => HTMLElement | null) | null>(null);
    let live = true;
    onUnmount(() => {
      live = false;
    });
    const show = (merchant: string) => {
      if (!live) return;
      prompt.val = renderNpsPrompt(
        {
          merchant,
          testimonialUrl: typeof url === 'string' && url ? url : undefined,
          // Live: a shopper who signs in meanwhile is asked too.
          canContact: () => !!snapshot.val.identity,
          loadReferral: () =>
            // Only a promoter's thanks needs it: its code loads then, not before the prompt.
            import('./nps/promoterParts.js').then((parts) => parts.loadNpsReferral(client)),
          onShown: () => {
            id = client.nps.shown();
          },
          onAnswer: ({ category: _, ...answer }) => {
            const email = client.getSnapshot().identity?.email;
            client.nps.submit({ id, ...answer, ...(answer.contact && email && { email }) });
          },
          onDismiss: (dismissal) => client.nps.dismiss({ id, ...dismissal }),
          emit,
        },
        context.id,
        onUnmount,
      );
    };
    // Waits for the name, so the question is not reworded under the shopper's eyes.
    if (typeof options.merchant === 'string') show(options.merchant);
    else
      client.siteConfig().then(
        (config) => show(config.name),
        () => show(''),
      );
    return () => prompt.val?.() ?? null;
  },
});
