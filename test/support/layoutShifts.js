// Plain JavaScript, shared by the end-to-end suites and `npm run bench`: how much a
// widget moves the page, read in Chromium with `PerformanceObserver` (`layout-shift`).

/**
 * How long after a frame began (its `requestAnimationFrame` time) the layout shift it
 * painted may be stamped (`startTime`), in ms: up to about a frame here, a few frames on
 * a busy machine. Generous, so that a shift the page caused above the element is never
 * taken for the element's own.
 */
const PAINTED_WITHIN_MS = 100;

/**
 * @typedef {object} LayoutRecord
 * @property {number} shift The layout shift the element caused: every shift in a frame
 *   where the element changed size (appeared, grew or shrank), but those right after input
 *   (which do not count) and those where the element itself moved (what moved it is above
 *   it, such as the shop's own order summary). A shift in a frame where the element did
 *   not change is the page's own (content the shop's script adds below it, say).
 * @property {number} afterInput The shift right after input (a disclosure opened).
 * @property {Array<{ value: number, input: boolean, moved: boolean, resized: boolean }>}
 *   entries Every shift of the page: its value, whether it came right after input, whether
 *   the element moved or changed size in its frame.
 * @property {number[]} sizes The element's block size in px, frame by frame from the
 *   page's first frame, each value once as it changes (0 while it is not there).
 */

/**
 * Records, in every page `context` opens from its first frame on, the layout shifts and,
 * at each frame, where the first element that matches `selector` is and how tall. Read
 * it with `readLayout`.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} selector
 */
export function recordLayout(context, selector) {
  return context.addInitScript((watched) => {
    /** @type {Array<{ time: number, value: number, input: boolean }>} */
    const shifts = [];
    /** @type {Array<{ time: number, top: number, size: number }>} */
    const frames = [];
    Object.defineProperty(window, '__vouchLayout', { value: { shifts, frames } });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const { value, hadRecentInput } = /** @type {{ value: number,
          hadRecentInput: boolean }} */ (/** @type {unknown} */ (entry));
        shifts.push({ time: entry.startTime, value, input: hadRecentInput });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    // Read as the frame begins, the box already shows what changed since the last frame,
    // which the frame paints: a shift it causes is stamped a little later.
    const frame = (/** @type {number} */ time) => {
      const box = document.querySelector(watched)?.getBoundingClientRect();
      const top = box ? Math.round((box.top + window.scrollY) * 10) / 10 : 0;
      const size = box ? Math.round(box.height * 10) / 10 : 0;
      const last = frames.at(-1);
      if (!last || last.top !== top || last.size !== size) frames.push({ time, top, size });
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, selector);
}

/**
 * What the page has recorded so far (see `recordLayout`), after two more frames so that
 * the last change has been painted and observed.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<LayoutRecord>}
 */
export async function readLayout(page) {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  /** @type {{ shifts: Array<{ time: number, value: number, input: boolean }>,
    frames: Array<{ time: number, top: number, size: number }> }} */
  const { shifts, frames } = await page.evaluate(() => /** @type {any} */ (window).__vouchLayout);
  const entries = shifts.map(({ time, value, input }) => {
    // The last change seen before the shift was stamped: was it the element moving, or
    // the element changing size (appearing, growing, shrinking)?
    const index = frames.findLastIndex((frame) => frame.time <= time);
    const frame = frames[index];
    const recent = !!frame && time - frame.time <= PAINTED_WITHIN_MS;
    const before = frames[index - 1];
    const moved = recent && !!before && frame.top !== before.top;
    const resized = recent && (before ? frame.size !== before.size : frame.size > 0);
    return { value, input, moved, resized };
  });
  const sum = (/** @type {Array<{ value: number }>} */ list) =>
    list.reduce((total, item) => total + item.value, 0);
  return {
    shift: sum(entries.filter((entry) => !entry.input && !entry.moved && entry.resized)),
    afterInput: sum(entries.filter((entry) => entry.input)),
    entries,
    sizes: frames
      .map((frame) => frame.size)
      .filter((size, index, all) => index === 0 || size !== all[index - 1]),
  };
}
