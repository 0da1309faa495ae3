// The `referral` widget: `data-vouch="referral"`, `<vouch-referral>`, and a lazily loaded
// chunk of the script-tag build. Options (from `data-*` or attributes, as strings):
// `channels` — share channels in order, comma-separated (`whatsapp, email`).

import type { ShareChannel } from '@vouch/core';
import { defineWidget } from '../defineWidget.js';
import { ReferralCard } from './referral/ReferralCard.js';
import { referralReserve } from './referral/referralReserve.js';
import { referralStyles } from './referral/referralStyles.js';
import { readChannels } from './referral/shareChannels.js';

/** Options of the `referral` widget. */
export interface ReferralWidgetOptions extends Record<string, unknown> {
  /** Share channels in order: a list, or names separated by commas or spaces. */
  channels?: string | readonly ShareChannel[];
}

/** The `referral` widget module, for `mount(element, referralWidget, { client })`. */
export default defineWidget<ReferralWidgetOptions>({
  name: 'referral',
  styles: referralStyles,
  reserve: referralReserve,
  render({ options, context }) {
    const channels = readChannels(options.channels, (message) =>
      console.warn(`[vouch] referral: ${message}`),
    );
    return <ReferralCard client={context.client} channels={channels} emit={context.emit} />;
  },
});
