import type { WidgetModule } from './WidgetModule.js';
import type { WidgetName } from './widgetNames.js';

/**
 * The package's own widgets, each imported only when its element first connects. A new
 * widget (`src/widgets/NAME.tsx`) adds its line here for npm users; the script build
 * finds it by itself.
 */
export const widgetRegistry: Readonly<
  Record<WidgetName, () => Promise<{ default: WidgetModule }>>
> = {
  nps: () => import('./widgets/nps.js'),
  'review-form': () => import('./widgets/review-form.js'),
  testimonials: () => import('./widgets/testimonials.js'),
  carousel: () => import('./widgets/carousel.js'),
  rating: () => import('./widgets/rating.js'),
  referral: () => import('./widgets/referral.js'),
  'referral-banner': () => import('./widgets/referral-banner.js'),
  share: () => import('./widgets/share.js'),
};
