/**
 * Widget names of the public contract. Each is a lazily loaded chunk of the script-tag
 * build, a `data-vouch="NAME"` mount and a `<vouch-NAME>` custom element.
 */
export const WIDGET_NAMES = [
  'nps',
  'review-form',
  'testimonials',
  'carousel',
  'rating',
  'referral',
  'referral-banner',
  'share',
] as const;

/** One of {@link WIDGET_NAMES}. */
export type WidgetName = (typeof WIDGET_NAMES)[number];
