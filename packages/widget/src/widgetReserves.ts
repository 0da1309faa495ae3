import type { WidgetName } from './widgetNames.js';
import { carouselReserve } from './widgets/carousel/carouselReserve.js';
import { ratingReserve } from './widgets/rating/ratingReserve.js';
import { referralReserve } from './widgets/referral/referralReserve.js';
import { reviewFormReserve } from './widgets/reviewForm/reviewFormReserve.js';
import { shareReserve } from './widgets/share/shareReserve.js';
import { testimonialsReserve } from './widgets/testimonials/testimonialsReserve.js';

/**
 * The block size each widget in the page's flow holds from the moment its element is
 * mounted, before its code has arrived (see `WidgetModule.reserve`). Kept apart from the
 * widgets so that a registry can hold the space without loading them. Overlays (the NPS
 * prompt, the referral banner) have none.
 */
export const widgetReserves: Readonly<{ [name in WidgetName]?: string }> = {
  carousel: carouselReserve,
  rating: ratingReserve,
  referral: referralReserve,
  'review-form': reviewFormReserve,
  share: shareReserve,
  testimonials: testimonialsReserve,
};
