/**
 * The `carousel`'s own words (English); its name and the words of the loading, empty and
 * failed states are the wall's (`testimonialsMessages`). Pass some of them to translate.
 */
export interface CarouselMessages {
  /** What screen readers call the whole: "carousel". */
  carousel: string;
  /** What they call each review in it: "slide". */
  slide: string;
  /** Names a slide and is shown between the arrows: "2 of 7". */
  position(at: number, count: number): string;
  /** The arrows' names. */
  previous: string;
  next: string;
  /** The rotation control's name while the reviews turn on their own, and once stopped. */
  stop: string;
  start: string;
}

export const carouselMessages: CarouselMessages = {
  carousel: 'carousel',
  slide: 'slide',
  position: (at, count) => `${at} of ${count}`,
  previous: 'Previous review',
  next: 'Next review',
  stop: 'Stop automatic slide show',
  start: 'Start automatic slide show',
};
