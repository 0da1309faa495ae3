import { isDevelopmentPage } from '../referralBanner/isDevelopmentPage.js';

let checked = false;

/**
 * On a development page, once per page: warns when the page lacks the Open Graph tags
 * that make a shared link show as a preview card rather than a bare address. In the
 * share buttons' own file, so that shops' visitors never download it before a paint.
 */
export function checkOpenGraph(): void {
  if (checked || !isDevelopmentPage()) return;
  checked = true;
  const missing = ['title', 'description', 'image', 'url']
    .map((name) => `og:${name}`)
    .filter((name) => !document.querySelector(`meta[property="${name}"]`));
  if (missing.length) {
    console.warn(`[vouch] share: this page lacks ${missing.join(', ')}; link previews need them`);
  }
}
