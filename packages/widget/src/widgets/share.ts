// The `share` widget: `data-vouch="share"`, `<vouch-share>`, and a lazily loaded chunk of
// the script-tag build. Options (from `data-*` or attributes, as strings): `url` — the page
// to share (default: the page's canonical link, else its address); `text` — the words that
// go with it, a template with `{name}`, `{shop}`, `{offer}` (default: the site's); `title`
// (default: the page's); `channels` — a comma list that overrides the site's, such as
// `native, whatsapp, mastodon, copy`; `instance` — the shopper's Mastodon server.

import type { RewardView, ShareChannel, ShareLinkChannel } from '@vouch/core';
import { defineDomWidget } from '../defineDomWidget.js';
import { createLoad } from '../dom/createLoad.js';
import { tags } from '../dom/tags.js';
import { shareMessages as m } from './share/shareMessages.js';
import { shareReserve } from './share/shareReserve.js';
import { shareStyles } from './share/shareStyles.js';
import { copyText } from './shared/copyText.js';

const { a, button, div, input, label, p } = tags;

/** Options of the `share` widget. */
export interface ShareWidgetOptions extends Record<string, unknown> {
  url?: string;
  text?: string;
  title?: string;
  channels?: string;
  instance?: string;
}

/** The channels shown when neither the page nor the site names any. */
const DEFAULT_CHANNELS: ShareLinkChannel[] = [
  'native',
  'whatsapp',
  'facebook',
  'x',
  'email',
  'copy',
];
// How often, and for how long after a share, the widget asks whether it earned a reward.
const POLL_MS = 20_000;
const WATCH_MS = 300_000;

// The shopper's Mastodon server once they typed it, for every share widget of the page.
let instance = '';

const isShareReward = (reward: RewardView) =>
  reward.reason === 'share' && reward.status !== 'voided';

/**
 * The `share` widget module: a labelled group of share buttons (each an icon and its
 * name), the browser's own share sheet where there is one, and "Copy link". Each link
 * carries the shopper's referral code (when identified) and the channel's UTM parameters.
 * Where the site rewards sharing, it says so in plain words, and shows the reward once
 * the server grants it. It holds its space from the start, so nothing moves.
 */
export default defineDomWidget<ShareWidgetOptions>({
  name: 'share',
  styles: shareStyles,
  reserve: shareReserve,
  render({ options, context, onUnmount, refresh }) {
    const { client, emit } = context;
    const load = createLoad(
      (id) =>
        Promise.all([
          client.siteConfig().catch(() => null),
          // The shopper's code, where the site has a referral program to give one (the
          // settings are in already: the script tag read them).
          client
            .siteConfig()
            .then((config) => (id && config.referral ? client.myReferral() : null))
            .catch(() => null),
          import('./share/shareKit.js').then((kit) => {
            kit.checkOpenGraph();
            return kit;
          }),
        ]),
      refresh,
      onUnmount,
    );
    onUnmount(client.subscribe(refresh));

    const group = div({ role: 'group', 'aria-label': m.share, class: 'vouch-channels' });
    const extra = div();
    const incentive = p({ class: 'vouch-muted' });
    // One polite live region: what a copy did, and the reward once earned.
    const note = p({ role: 'status', class: 'vouch-note' });
    // Where the link is selected for the shopper to copy when the browser would not.
    const field = input({
      hidden: true,
      readOnly: true,
      'aria-label': m.link,
      oncopy: () => shared('copy', field.value),
    });
    let earned = '';
    let noteTimer: ReturnType<typeof setTimeout> | undefined;
    const say = (text: string) => {
      note.textContent = text;
      clearTimeout(noteTimer);
      noteTimer = setTimeout(() => {
        note.textContent = earned;
      }, 5000);
    };

    // After a share, the widget asks for the reward when the page is shown again and every
    // 20 s while it is visible, for five minutes; never while it is hidden.
    let found = false;
    let until = 0;
    let pollTimer: ReturnType<typeof setTimeout> | undefined;
    const reveal = (reward: RewardView, fresh: boolean) => {
      if (found) return;
      found = true;
      const words = reward.offer.description;
      earned = note.textContent = m.earned(words, reward.coupon);
      if (fresh) {
        emit('reward:unlocked', {
          reason: 'share',
          reward: words,
          ...(reward.coupon && { coupon: reward.coupon }),
        });
      }
    };
    const check = () => {
      clearTimeout(pollTimer);
      if (found || document.hidden || Date.now() > until) return;
      pollTimer = setTimeout(check, POLL_MS);
      client.myReferral().then(
        (referral) => {
          const reward = referral.rewards.find(isShareReward);
          if (reward) reveal(reward, true);
        },
        () => undefined,
      );
    };
    document.addEventListener('visibilitychange', check);
    onUnmount(() => {
      document.removeEventListener('visibilitychange', check);
      clearTimeout(pollTimer);
      clearTimeout(noteTimer);
    });

    let rewarded = false;
    let code: string | undefined;
    const shared = (channel: ShareLinkChannel, url: string) => {
      client.recordShare({ channel, url }).then((answer) => {
        if (answer?.reward && isShareReward(answer.reward)) reveal(answer.reward, true);
      });
      emit('share', { channel, url, ...(code && { code }) });
      if (rewarded && !found) {
        until = Date.now() + WATCH_MS;
        clearTimeout(pollTimer);
        pollTimer = setTimeout(check, POLL_MS);
      }
    };
    // A popup, opened within the click so that no browser blocks it; where it is blocked
    // anyway, the link itself opens the dialog in a new tab. Mail and messages open an app.
    const go = (event: Event, channel: ShareChannel, href: string, url: string) => {
      if (channel !== 'email' && channel !== 'sms') {
        const popup = window.open(href, 'vouch-share', 'popup,width=600,height=600');
        if (popup) {
          popup.opener = null;
          event.preventDefault();
        }
      }
      shared(channel, url);
    };

    let built: unknown;
    const root = div(
      { class: 'vouch-share', 'data-vouch-part': 'share' },
      group,
      extra,
      field,
      incentive,
      note,
    );
    return () => {
      const identity = client.getSnapshot().identity;
      load.key(identity?.id ?? '');
      const now = load.state();
      if (now.status !== 'done' || now.value === built) return root;
      built = now.value;
      const [config, referral, kit] = now.value;
      const { icon, mastodonInstance, shareUrl } = kit;
      const program = config?.share;
      code = referral?.code;
      // What the shopper earns, said before they share: a friend's visit or order needs
      // their code in the link; the act of sharing, only who they are.
      const reward =
        code || (identity && program?.rewardOn === 'share')
          ? (program?.incentive ?? config?.referral?.referrerReward)?.description
          : undefined;
      rewarded = !!reward;
      const canonical = document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href;
      let page: string;
      try {
        const given = new URL(options.url || canonical || '', location.href);
        if (!/^https?:$/.test(given.protocol)) throw given;
        page = given.href;
      } catch {
        // Nothing of ours may throw into the shop's page: say why, and show nothing.
        console.warn('[vouch] share: "url" must be an http(s) address');
        return root;
      }
      const title = options.title || document.title;
      const text = kit.shareText(
        options.text ?? program?.text,
        {
          name: identity?.name,
          shop: config?.name ?? context.siteName,
          offer: code && config?.referral?.friendOffer.description,
          reward,
        },
        { rewarded },
      );
      const link = (channel: ShareLinkChannel) =>
        kit.shareLink(page, {
          channel,
          ...(code && { code }),
          ...(program && { campaign: program.campaign }),
        });
      instance ||= mastodonInstance(options.instance) ?? '';
      const names =
        typeof options.channels === 'string'
          ? options.channels.split(/[\s,]+/).filter(Boolean)
          : (program?.channels ?? DEFAULT_CHANNELS);

      const buttons: HTMLElement[] = [];
      let mastodon: HTMLAnchorElement | undefined;
      for (const name of names) {
        if (!(kit.SHARE_LINK_CHANNELS as readonly string[]).includes(name)) {
          console.warn(`[vouch] share: unknown channel "${name}"`);
          continue;
        }
        const channel = name as ShareLinkChannel;
        if (channel === 'native') {
          if (!('share' in navigator)) continue;
          const native: HTMLButtonElement = button(
            {
              type: 'button',
              class: 'vouch-channel',
              onclick: () => {
                const url = link(channel);
                navigator.share({ title, text, url }).then(
                  () => shared(channel, url),
                  (error: Error) => {
                    // The shopper closed the sheet: nothing to say. Anything else: the
                    // sheet does not work here, so the other buttons take over.
                    if (error?.name === 'AbortError') return;
                    (native.nextElementSibling as HTMLElement | null)?.focus();
                    native.hidden = true;
                  },
                );
              },
            },
            icon(channel),
            m.native,
          );
          buttons.push(native);
        } else if (channel === 'copy') {
          buttons.push(
            button(
              {
                type: 'button',
                class: 'vouch-channel',
                onclick: async () => {
                  const url = link(channel);
                  field.value = url;
                  try {
                    await navigator.clipboard.writeText(url);
                    say(m.copied);
                    shared(channel, url);
                  } catch {
                    // No Clipboard API here: the link is shown, selected, to copy by hand
                    // (its `copy` event records the share).
                    field.hidden = false;
                    say((await copyText(url, field)) ? m.copied : m.copyByHand);
                  }
                },
              },
              icon(channel),
              m.copy,
            ),
          );
        } else {
          const url = link(channel);
          const href = () => shareUrl(channel, { url, text, title, instance });
          const app = channel === 'email' || channel === 'sms';
          const anchor: HTMLAnchorElement = a(
            {
              class: 'vouch-channel',
              href: channel !== 'mastodon' || instance ? href() : '#',
              ...(!app && { target: '_blank', rel: 'noopener noreferrer' }),
              onclick: (event: Event) => {
                if (channel === 'mastodon' && !instance) {
                  // Asked once: the shopper's server, then the share opens there.
                  event.preventDefault();
                  extra.hidden = false;
                  server.focus();
                } else go(event, channel, anchor.href, url);
              },
            },
            icon(channel),
            m.channels[channel],
          );
          if (channel === 'mastodon') mastodon = anchor;
          buttons.push(anchor);
        }
      }
      group.replaceChildren(...buttons);

      const server = input({
        id: context.id('instance'),
        type: 'text',
        value: instance,
        placeholder: 'mastodon.social',
        spellcheck: false,
        autocapitalize: 'none',
      });
      const confirm: HTMLAnchorElement = a(
        {
          class: 'vouch-button',
          href: '#',
          target: '_blank',
          rel: 'noopener noreferrer',
          onclick: (event: Event) => {
            const typed = mastodonInstance(server.value);
            server.toggleAttribute('aria-invalid', !typed);
            if (!typed || !mastodon) {
              event.preventDefault();
              say(m.instanceHint);
              return;
            }
            instance = typed;
            const url = link('mastodon');
            // The link is followed after this handler: where the popup is blocked, it
            // opens the share in a new tab.
            confirm.href = mastodon.href = shareUrl('mastodon', { url, text, title, instance });
            go(event, 'mastodon', confirm.href, url);
            mastodon.focus();
            extra.hidden = true;
          },
        },
        m.go,
      );
      extra.hidden = true;
      extra.replaceChildren(
        label({ for: server.id }, m.instance),
        div({ class: 'vouch-row' }, server, confirm),
      );

      incentive.textContent = reward
        ? `${m.incentive((program?.incentive && program.rewardOn) || 'purchase', reward)} ${m.disclosure}`
        : '';
      const earlier = referral?.rewards.find(isShareReward);
      if (earlier) reveal(earlier, false);
      return root;
    };
  },
});
