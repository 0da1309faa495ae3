// Entry of the client bundle a page needs before a widget paints, measured by
// createVouch.budget.test.ts: the client without its recording half, and the platform.
export { createBrowserPlatform } from '../browser.js';
export { createDeferredVouch } from '../createDeferredVouch.js';
