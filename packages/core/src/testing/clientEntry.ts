// Entry of the client bundle measured by createVouch.budget.test.ts.
export { createBrowserPlatform } from '../browser.js';
export { createVouch } from '../createVouch.js';
