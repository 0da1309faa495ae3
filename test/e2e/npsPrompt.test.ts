import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium } from '../support/chromium.js';
import { page as html, snippet } from '../support/pages.js';
import { startVouch, type TestVouch, WIDGET_TEST_BUILD } from '../support/startVouch.js';
import { useChromium } from '../support/useChromium.js';
import { watchPage } from '../support/watchPage.js';

// The NPS prompt from the built script tag in a real Chromium, operated by keyboard as a
// shopper without a mouse would, on a page that listens to its events.

/** The source modules of each chunk of the test build, by file. */
const chunks = () =>
  JSON.parse(readFileSync(`${WIDGET_TEST_BUILD}chunks.json`, 'utf8')) as Record<
    string,
    { modules: string[] }
  >;

describeWithChromium('the NPS prompt from the script tag', () => {
  const chromium = useChromium();
  let vouch: TestVouch;

  beforeAll(async () => {
    vouch = await startVouch();
  });
  afterAll(async () => {
    await vouch?.close();
  });

  it('is answered by keyboard, takes no focus on appearance and loads no Preact', async () => {
    const listen = `<script>window.log=[];vouch('on','nps:shown',function(d){log.push(['shown',d])});vouch('on','nps:submitted',function(d){log.push(['submitted',d])});</script>`;
    vouch.page(
      '/nps',
      html({
        head: snippet(`${vouch.url}/v1/vouch.js`, vouch.site.publicKey),
        body: `<div data-vouch="nps" data-merchant="Lather &amp; Leaf" data-testimonial-url="/reviews/new"></div>\n${listen}`,
      }),
    );
    const page = await (await chromium.context()).newPage();
    const watch = watchPage(page);
    await page.goto(`${vouch.url}/nps`);
    const group = page.getByRole('radiogroup', {
      name: 'How likely are you to recommend Lather & Leaf to a friend or colleague?',
    });
    await group.waitFor();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

    // One tab stop into the group; digits and arrows pick; the follow-up follows the score.
    await page.keyboard.press('Tab');
    await page.keyboard.press('9');
    await page.keyboard.press('ArrowLeft');
    const radio = (score: number) => group.getByRole('radio', { name: String(score) });
    expect(await radio(8).getAttribute('aria-checked')).toBe('true');
    expect(await radio(8).evaluate((element) => element.matches(':focus'))).toBe(true);
    await page.keyboard.press('End');
    const comment = page.getByRole('textbox', {
      name: 'Great! What do you like most about Lather & Leaf? (optional)',
    });
    await comment.fill('The soap smells of summer.');
    await page.getByRole('button', { name: 'Send' }).press('Enter');

    await page.getByText('Thank you for your answer!').waitFor();
    expect(await page.getByRole('link', { name: 'Write a testimonial' }).getAttribute('href')).toBe(
      '/reviews/new',
    );
    // The client records the prompt with code it loads on first use: its events may follow
    // the thanks on a busy machine.
    await page.waitForFunction(() => ((window as { log?: unknown[] }).log?.length ?? 0) >= 2);
    const log = (await page.evaluate(() => (window as { log?: unknown[] }).log)) as [
      string,
      { id: string },
    ][];
    const id = log[0]?.[1].id;
    expect(log).toEqual([
      ['shown', { id }],
      ['submitted', { id, score: 10, category: 'promoter', comment: 'The soap smells of summer.' }],
    ]);
    // Escape after the answer closes it, and no dismissal is counted.
    await page.keyboard.press('Escape');
    await page.getByRole('region').waitFor({ state: 'detached' });

    const fetched = watch.requests
      .map((url) => /\/v1\/widgets\/([\w-]+\.js)$/.exec(url)?.[1])
      .filter((file): file is string => !!file);
    expect(fetched.some((file) => file.startsWith('nps-'))).toBe(true);
    const notes = chunks();
    expect(
      fetched.flatMap((file) => notes[file]?.modules ?? []).filter((m) => m.startsWith('preact/')),
    ).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});
