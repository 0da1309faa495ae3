// The `nps` widget: `data-vouch="nps"`, `<vouch-nps>`, and a lazily loaded chunk of the
// script-tag build; the runtime mounts it when the prompt's rules (or `vouch('nps')`)
// say so. Options (from `data-*` or attributes, as strings): `merchant` — the shop's
// name in the question (default: the site's name from its settings); `testimonialUrl`
// (`data-testimonial-url`) — where every respondent is invited to write a testimonial.
import { defineDomWidget } from '../defineDomWidget.js';
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
export default defineDomWidget<NpsWidgetOptions>({
  name: 'nps',
  styles: npsStyles,
  render({ options, context, onUnmount, refresh }) {
    const { client } = context;
    // The prompt's id: every record of this prompt carries it, so nothing counts twice.
    let id = '';
    let prompt: HTMLElement | undefined;
    // The name as the script tag knew it, else from the site's settings: the question
    // waits for it, so that it is not reworded under the shopper's eyes.
    let merchant = options.merchant ?? context.siteName;
    if (merchant === undefined)
      client
        .siteConfig()
        .then(
          (config) => config.name,
          () => '',
        )
        .then((name) => {
          merchant = name;
          refresh();
        });
    // Built once, when the name is known (not after an unmount: the view is not run then).
    return () => {
      if (merchant !== undefined)
        prompt ??= renderNpsPrompt(
          {
            merchant,
            onShown: () => {
              id = client.nps.shown();
            },
            onDismiss: (dismissal) => client.nps.dismiss({ id, ...dismissal }),
            // The rest follows a score: it comes with the follow-up, after the paint.
            more: (followUp) => followUp.npsWidgetAnswers(context, options, () => id),
          },
          context.id,
          onUnmount,
          context.shadowRoot,
        );
      return prompt;
    };
  },
});
