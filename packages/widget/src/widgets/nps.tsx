// The `nps` widget: `data-vouch="nps"`, `<vouch-nps>`, and a lazily loaded chunk of the
// script-tag build; the runtime mounts it when the prompt's rules (or `vouch('nps')`)
// say so. Options (from `data-*` or attributes, as strings): `merchant` — the shop's
// name in the question (default: the site's name from its settings); `testimonialUrl`
// (`data-testimonial-url`) — where every respondent is invited to write a testimonial.
import { useEffect, useRef, useState } from 'preact/hooks';
import { defineWidget } from '../defineWidget.js';
import { useClientState } from '../useClientState.js';
import { NpsPrompt } from './nps/NpsPrompt.js';
import { npsStyles } from './nps/npsStyles.js';

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
    // The prompt's id: every record of this prompt carries it, so nothing counts twice.
    const id = useRef('');
    const { identity } = useClientState(client);
    // Waits for the name, so the question is not reworded under the shopper's eyes.
    if (merchant === undefined) return null;
    const url = options.testimonialUrl;
    return (
      <NpsPrompt
        merchant={merchant}
        testimonialUrl={typeof url === 'string' && url ? url : undefined}
        canContact={!!identity}
        loadReferral={() =>
          // Only a promoter's thanks needs it: its code loads then, not before the prompt.
          import('./nps/promoterParts.js').then((parts) => parts.loadNpsReferral(client))
        }
        onShown={() => {
          id.current = client.nps.shown();
        }}
        onAnswer={({ category: _, ...answer }) =>
          client.nps.submit({
            id: id.current,
            ...answer,
            ...(answer.contact && identity?.email && { email: identity.email }),
          })
        }
        onDismiss={(dismissal) => client.nps.dismiss({ id: id.current, ...dismissal })}
        emit={emit}
      />
    );
  },
});
