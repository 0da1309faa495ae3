// The `referral-banner` widget: `data-vouch="referral-banner"`, `<vouch-referral-banner>`,
// and a lazily loaded chunk of the script-tag build. Options (from `data-*` or attributes,
// as strings): `code` — a referral code to show instead of the kept one; `debug` — say on
// the console why nothing is shown (`data-debug`, on by default on localhost).
import { defineDomWidget } from '../defineDomWidget.js';
import { referralBannerMessages } from './referralBanner/referralBannerMessages.js';
import { referralBannerStyles } from './referralBanner/referralBannerStyles.js';
import { renderReferralBanner } from './referralBanner/renderReferralBanner.js';

/** Options of the `referral-banner` widget. */
export interface ReferralBannerWidgetOptions extends Record<string, unknown> {
  /** A referral code to show instead of the one kept from a `?ref=` landing. */
  code?: string;
  /** `true`, `''` (a bare attribute) or `'true'` turns warnings on; `'false'` off. */
  debug?: boolean | string;
}

/** The `referral-banner` widget module, for `mount(element, referralBannerWidget, …)`. */
export default defineDomWidget<ReferralBannerWidgetOptions>({
  name: 'referral-banner',
  styles: referralBannerStyles,
  render(props) {
    const {
      options: { code, debug },
      context,
    } = props;
    return renderReferralBanner(
      {
        client: context.client,
        code: (typeof code === 'string' && code) || undefined,
        debug: debug === undefined ? undefined : debug !== false && debug !== 'false',
        messages: referralBannerMessages,
        emit: context.emit,
      },
      context,
      props,
    );
  },
});
