// The `nps` widget: `data-vouch="nps"`, `<vouch-nps>`, and a lazily loaded chunk of the
// script-tag build. Options (from `data-*` or attributes, as strings): `merchant` — the
// shop's name in the question (default: the site's name from its settings);
// `testimonialUrl` (`data-testimonial-url`) — where every respondent is invited to write a
// testimonial.
import { useEffect, useState } from 'preact/hooks';
import { defineWidget } from '../defineWidget.js';
import { NpsPrompt } from './nps/NpsPrompt.js';
import { npsStyles } from './nps/npsStyles.js';

/** Options of the `nps` widget. */
export interface NpsWidgetOptions extends Record<string, unknown> {
  /** The shop's name in the question. @default the site's name from its settings */
  merchant?: string;
  /** Where every respondent is invited to write a testimonial. @default no invitation */
  testimonialUrl?: string;
}

/** The `nps` widget module, for `mount(element, npsWidget, { client })`. */
export default defineWidget<NpsWidgetOptions>({
  name: 'nps',
  styles: npsStyles,
  render({ options, context }) {
    const { client, emit } = context;
    const given = typeof options.merchant === 'string' ? options.merchant : undefined;
    const [merchant, setMerchant] = useState(given);
    useEffect(() => {
      if (given !== undefined) return;
      client.siteConfig().then(
        (config) => setMerchant(config.name),
        () => setMerchant(''),
      );
    }, [client, given]);
    const [id] = useState(() => context.id('answer'));
    // Waits for the name, so the question is not reworded under the shopper's eyes.
    if (merchant === undefined) return null;
    const url = options.testimonialUrl;
    return (
      <NpsPrompt
        merchant={merchant}
        testimonialUrl={typeof url === 'string' && url ? url : undefined}
        canContact={!!client.getSnapshot().identity}
        // Only a promoter's thanks needs it: its code loads then, not before the prompt paints.
        loadReferral={() =>
          import('./nps/promoterParts.js').then((module) => module.loadNpsReferral(client))
        }
        onShown={() => emit('nps:shown', { id })}
        onAnswer={({ contact: _, ...answer }) => emit('nps:submitted', { id, ...answer })}
        onDismiss={(dismissal) => emit('nps:dismissed', { id, ...dismissal })}
        emit={emit}
      />
    );
  },
});
