// What the share buttons are built from: the links, the text and the icons. The widget
// loads it beside the site's settings and the shopper's code, which it needs before it
// can build any button, so none of it is downloaded before the widget holds its space.
export {
  mastodonInstance,
  SHARE_LINK_CHANNELS,
  shareLink,
  shareText,
  shareUrl,
} from '@vouch/core';
export { checkOpenGraph } from './checkOpenGraph.js';
export { icon } from './shareIcon.js';
