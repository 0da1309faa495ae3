// The `nps` widget: `data-vouch="nps"`, `<vouch-nps>`, and a lazily loaded chunk of the
// script-tag build. Options (from `data-*` or attributes, as strings): `merchant` — the
// shop's name in the question (default: the site's name from its settings);
// `testimonialUrl` (`data-testimonial-url`) — where every respondent is invited to write a
// testimonial.
import van from 'vanjs-core';
import { defineVanWidget } from '../defineVanWidget.js';
import { npsStyles } from './nps/npsStyles.js';
import { renderNpsPrompt } from './nps/renderNpsPrompt.js';

/** Options of the `nps` widget. */
export interface NpsWidgetOptions extends Record<string, unknown> {
  /** The shop's name in the question. @default the site's name from its settings */
  merchant?: string;
  /** Where every respondent is invited to write a testimonial. @default no invitation */
  testimonialUrl?: string;
}

/** The `nps` widget module, for `mount(element, npsWidget, { client })`. */
export default defineVanWidget<NpsWidgetOptions>({
  name: 'nps',
  styles: npsStyles,
  render({ options, context, onUnmount }) {
    const { client, emit } = context;
    const id = context.id('answer');
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
          canContact: !!client.getSnapshot().identity,
          // Only a promoter's thanks needs it: its code loads then, not before the prompt paints.
          loadReferral: () =>
            import('./nps/promoterParts.js').then((module) => module.loadNpsReferral(client)),
          onShown: () => emit('nps:shown', { id }),
          onAnswer: ({ contact: _, ...answer }) => emit('nps:submitted', { id, ...answer }),
          onDismiss: (dismissal) => emit('nps:dismissed', { id, ...dismissal }),
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
