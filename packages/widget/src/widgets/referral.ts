// The `referral` widget: `data-vouch="referral"`, `<vouch-referral>`, and a lazily loaded
// chunk of the script-tag build. Options (from `data-*` or attributes, as strings):
// `channels` — share channels in order, comma-separated (`whatsapp, email`).

import type { ShareChannel } from '@vouch/core';
import { defineDomWidget } from '../defineDomWidget.js';
import { referralMessages } from './referral/referralMessages.js';
import { referralReserve } from './referral/referralReserve.js';
import { referralStyles } from './referral/referralStyles.js';
import { renderReferralCard } from './referral/renderReferralCard.js';

/** Options of the `referral` widget. */
export interface ReferralWidgetOptions extends Record<string, unknown> {
  /** Share channels in order: a list, or names separated by commas or spaces. */
  channels?: string | readonly ShareChannel[];
}

/** The `referral` widget module, for `mount(element, referralWidget, { client })`. */
export default defineDomWidget<ReferralWidgetOptions>({
  name: 'referral',
  styles: referralStyles,
  reserve: referralReserve,
  render(props) {
    const { options, context } = props;
    return renderReferralCard(
      {
        client: context.client,
        channels: options.channels,
        messages: referralMessages,
        emit: context.emit,
      },
      props,
    );
  },
});
