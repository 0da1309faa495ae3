import { expect, it } from 'vitest';
import { describeDatabases } from '../testing/describeDatabases.js';
import { useReferralKit } from '../testing/referralKit.js';
import { approvedTestimonial, submitTestimonial } from '../testing/testimonialFixture.js';

describeDatabases('the withdrawal link /v1/testimonials/:id/withdrawal', (harness) => {
  const kit = useReferralKit(harness, { testimonialRateLimit: false });

  /** Opens (GET) or presses the button of (POST, as the page's form posts) a link. */
  const visit = (url: string, method: 'GET' | 'POST' = 'GET') =>
    fetch(url, {
      method,
      ...(method === 'POST' && {
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: new URL(url).origin,
        },
        body: '',
      }),
    });

  it('asks first, changing nothing, then withdraws from every public read at once', async () => {
    const product = kit.id('sku');
    const answer = await submitTestimonial(kit, { product });
    await approvedTestimonial(kit, { product, rating: 2 });
    await kit.admin(`/v1/admin/testimonials/${answer.id}/approve`, { method: 'POST' });
    const rating = async () =>
      (await (
        await kit.get(`/v1/sites/${kit.test.created.publicKey}/rating?product=${product}`)
      ).json()) as { count: number };
    expect(await rating()).toMatchObject({ count: 2 });
    const url = answer.withdrawUrl as string;
    expect(url).toContain(`/v1/testimonials/${answer.id}/withdrawal?`);

    // Opening the link (as a mail client fetching ahead would) withdraws nothing.
    const asked = await visit(url);
    expect(asked.status).toBe(200);
    expect(asked.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = asked.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(asked.headers.get('referrer-policy')).toBe('no-referrer');
    expect(asked.headers.get('cache-control')).toBe('no-store');
    const html = await asked.text();
    expect(html).toContain('<h1>Withdraw your review?</h1>');
    expect(html).toContain('Test shop');
    expect(html).toContain('<form method="post"><button type="submit">Withdraw my review</button>');
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(html).not.toContain('<script');
    expect(await rating()).toMatchObject({ count: 2 });

    const done = await visit(url, 'POST');
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('<h1>Your review is withdrawn</h1>');
    expect(await rating()).toMatchObject({ count: 1 });

    // The same link again, opened or pressed: nothing left to withdraw.
    for (const method of ['GET', 'POST'] as const) {
      const again = await visit(url, method);
      expect(again.status).toBe(404);
      expect(await again.text()).toContain('<h1>Nothing to withdraw</h1>');
    }
  });

  it('answers every wrong link alike, telling nothing about which reviews exist', async () => {
    const answer = await submitTestimonial(kit);
    const url = new URL(answer.withdrawUrl as string);
    const variants = [
      url.href.replace(/token=wd_\w+/, `token=wd_${'A'.repeat(32)}`),
      url.href.replace(/token=wd_\w+/, 'token=guess'),
      url.href.replace(/site=pk_\w+/, 'site=pk_nobody'),
      url.href.replace(answer.id, kit.id('tst')),
      `${url.origin}${url.pathname}`,
    ];
    for (const variant of variants) {
      const response = await visit(variant, 'POST');
      expect(response.status, variant).toBe(404);
      expect(await response.text()).toContain('<h1>Nothing to withdraw</h1>');
    }
    // Still there: only its own link withdraws it.
    expect((await visit(url.href)).status).toBe(200);
  });

  it('escapes the shop name it shows', async () => {
    const renamed = await kit.admin('/v1/admin/site', {
      method: 'PATCH',
      body: JSON.stringify({ name: 'Soap <b>&</b> "Co"' }),
    });
    expect(renamed.status, await renamed.clone().text()).toBe(200);
    const answer = await submitTestimonial(kit);
    const html = await (await visit(answer.withdrawUrl as string)).text();
    expect(html).toContain('Soap &#60;b&#62;&#38;&#60;/b&#62; &#34;Co&#34;');
    expect(html).not.toContain('<b>');
  });
});
