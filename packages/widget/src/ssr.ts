// `@vouch/widget/ssr`: the `rating` badge and the `testimonials` wall rendered to HTML on
// a server (Node or an edge runtime; no DOM), for a shop to put in its pages: search
// engines and visitors without JavaScript see the reviews, with their JSON-LD, and the
// script tag's widgets take that markup over without a flash or a shift.
export { escapeHtml, Html, htmlTags } from './ssr/htmlTags.js';
export {
  type ApiSource,
  type RenderRatingOptions,
  type RenderTestimonialsOptions,
  renderRating,
  renderTestimonials,
} from './ssr/renderFromApi.js';
export type { HtmlRenderOptions } from './ssr/renderHost.js';
export { type RatingHtmlOptions, renderRatingHtml } from './ssr/renderRatingHtml.js';
export {
  renderTestimonialsHtml,
  type TestimonialsHtmlOptions,
} from './ssr/renderTestimonialsHtml.js';
