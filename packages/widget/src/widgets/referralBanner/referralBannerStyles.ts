import { controlStyles } from '../shared/controlStyles.js';

/**
 * The `referral-banner` widget's sheet. The host is fixed to the bottom of the viewport,
 * so the banner overlays the page and shifts nothing; the empty strip around it lets
 * clicks through. It slides in only for shoppers who have not asked for reduced motion,
 * and by transform and opacity, which cause no layout shift either.
 */
export const referralBannerStyles =
  controlStyles +
  ':host{position:fixed;left:0;right:0;bottom:0;z-index:var(--vouch-z-index);pointer-events:none}' +
  '.vouch-banner{pointer-events:auto;position:relative;box-sizing:border-box;width:calc(100% - 2*var(--vouch-space));max-width:36em;margin:var(--vouch-space) auto;padding:var(--vouch-space);padding-right:3.25em;border:1px solid var(--vouch-color-border);border-radius:var(--vouch-radius);background:var(--vouch-color-background);box-shadow:var(--vouch-shadow)}' +
  '.vouch-title{font-weight:700;font-size:1.125em}' +
  '.vouch-dismiss{position:absolute;top:.25em;inset-inline-end:.25em;width:2.75em;height:2.75em;border:0;border-radius:var(--vouch-radius);background:none;color:var(--vouch-color-muted);font-size:1em;line-height:1}' +
  '.vouch-dismiss span{font-size:1.5em}' +
  '@media (prefers-reduced-motion:no-preference){.vouch-banner{animation:vouch-in .25s ease-out}}' +
  '@keyframes vouch-in{from{opacity:0;transform:translateY(1em)}}';
