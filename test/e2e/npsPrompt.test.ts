import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeScan } from '../support/axeScan.js';
import { describeWithChromium } from '../support/chromium.js';
import { page as html, snippet } from '../support/pages.js';
import { startVouch, type TestVouch, WIDGET_TEST_BUILD } from '../support/startVouch.js';
import { useChromium } from '../support/useChromium.js';
import { waitFor } from '../support/waitFor.js';
import { watchPage } from '../support/watchPage.js';

/** The prompt's host element, which the axe-core scans read with its shadow root. */
const NPS_HOST = 'vouch-nps, [data-vouch="nps"]';

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

  /** The site's NPS rules, set as a merchant sets them: the admin API with the secret key. */
  const setRules = async (nps: Record<string, unknown> | null) => {
    const response = await fetch(`${vouch.url}/v1/admin/site`, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${vouch.site.secretKey}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ nps }),
    });
    expect(response.status).toBe(200);
  };

  it('appears by the site rules, passes an axe-core scan at each step, and reaches the statistics', async () => {
    await setRules({ delayMs: 1500, minPageViews: 1, include: ['/thanks*'] });
    const snippetOnly = html({ head: snippet(`${vouch.url}/v1/vouch.js`, vouch.site.publicKey) });
    vouch.page('/thanks', snippetOnly);
    vouch.page('/elsewhere', snippetOnly);
    const context = await chromium.context();

    // A page the rules leave out: the runtime runs, no prompt comes.
    const other = await context.newPage();
    await other.goto(`${vouch.url}/elsewhere`);
    await other.waitForTimeout(2500);
    expect(await other.locator('vouch-nps').count()).toBe(0);

    const page = await context.newPage();
    const watch = watchPage(page);
    const opened = Date.now();
    await page.goto(`${vouch.url}/thanks`);
    const group = page.getByRole('radiogroup', {
      name: 'How likely are you to recommend End-to-end shop to a friend or colleague?',
    });
    await group.waitFor();
    // Not before the rules' delay, counted from when the page was opened.
    expect(Date.now() - opened).toBeGreaterThanOrEqual(1500);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(await axeScan(page, NPS_HOST)).toEqual([]);

    await page.keyboard.press('Tab');
    await page.keyboard.press('3');
    await page
      .getByRole('textbox', { name: 'We are sorry. What went wrong? (optional)' })
      .waitFor();
    expect(await axeScan(page, NPS_HOST)).toEqual([]);
    await page.getByRole('textbox').fill('The parcel came late.');
    await page.getByRole('button', { name: 'Send' }).press('Enter');
    await page.getByText('Thank you for your answer!').waitFor();
    expect(await axeScan(page, NPS_HOST)).toEqual([]);

    // The answer, sent from the outbox, shows up in the merchant's statistics with its
    // margin (beside the promoter of the test before, on the same site).
    const admin = async <T>(path: string) =>
      (await (
        await fetch(`${vouch.url}${path}`, {
          headers: { Authorization: `Bearer ${vouch.site.secretKey}` },
        })
      ).json()) as T;
    const answers = await waitFor(async () => {
      const { items } = await admin<{ items: { score: number; comment?: string }[] }>(
        '/v1/admin/nps/responses',
      );
      return items.some((item) => item.comment === 'The parcel came late.') ? items : undefined;
    });
    expect(answers.find((item) => item.score === 3)).toMatchObject({
      category: 'detractor',
      comment: 'The parcel came late.',
    });
    const { summary } = await admin<{
      summary: { detractors: number; total: number; nps: number; marginOfError: number };
    }>('/v1/admin/nps');
    expect(summary.detractors).toBe(1);
    // With the promoter: one of each, NPS 0; alone (the test run by itself): −100.
    expect([1, 2]).toContain(summary.total);
    expect(summary.nps).toBe(summary.total === 2 ? 0 : -100);
    expect(summary.marginOfError).toBeGreaterThan(0);
    // Shown once on this page view: a reload within the quiet interval shows nothing.
    await page.reload();
    await page.waitForTimeout(2500);
    expect(await page.getByRole('radiogroup').count()).toBe(0);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await setRules(null);
  });

  it('shows at once with ?vouch_nps=1, and on vouch("nps"), on a site without rules', async () => {
    await setRules(null);
    vouch.page(
      '/demo',
      html({
        head: snippet(`${vouch.url}/v1/vouch.js`, vouch.site.publicKey),
        body: '<button type="button" onclick="vouch(\'nps\')">Rate us</button>',
      }),
    );
    const context = await chromium.context();
    const forced = await context.newPage();
    await forced.goto(`${vouch.url}/demo?vouch_nps=1`);
    await forced.getByRole('radiogroup').waitFor();

    const asked = await (await chromium.context()).newPage();
    await asked.goto(`${vouch.url}/demo`);
    await asked.waitForTimeout(1000);
    expect(await asked.getByRole('radiogroup').count()).toBe(0);
    await asked.getByRole('button', { name: 'Rate us' }).click();
    await asked.getByRole('radiogroup').waitFor();
  });
});
