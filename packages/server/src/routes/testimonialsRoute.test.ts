import { describe, expect, it } from 'vitest';
import { describeDatabases } from '../testing/describeDatabases.js';
import { expectError, startReferralKit, useReferralKit } from '../testing/referralKit.js';
import {
  approvedTestimonial,
  submitTestimonial,
  testimonialBody,
} from '../testing/testimonialFixture.js';

describeDatabases('POST /v1/testimonials', (harness) => {
  const kit = useReferralKit(harness, { testimonialRateLimit: false });

  async function row(id: string) {
    return kit.database.db
      .selectFrom('testimonials')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  describe('storing', () => {
    it('stores a testimonial as pending and answers a withdrawal token once', async () => {
      const body = testimonialBody(kit, {
        title: '  Best soap  ',
        email: 'ada@example.com',
        product: 'sku-oat',
        photoUrl: 'https://cdn.example/ada.jpg',
        url: 'https://shop.example/products/oat',
        visitor: kit.id('visitor'),
      });
      const response = await kit.post('/v1/testimonials', body);
      expect(response.status, await response.clone().text()).toBe(200);
      const answer = (await response.json()) as Record<string, unknown>;
      expect(answer).toEqual({
        id: body.id,
        status: 'pending',
        stored: true,
        withdrawToken: expect.stringMatching(/^wd_[A-Za-z0-9]{32}$/),
        withdrawUrl: `${kit.test.url}/v1/testimonials/${body.id}/withdrawal?site=${kit.test.created.publicKey}&token=${answer.withdrawToken}`,
      });
      const stored = await row(body.id);
      expect(stored).toMatchObject({
        status: 'pending',
        rating: 5,
        title: 'Best soap',
        author_name: 'Ada L.',
        email: 'ada@example.com',
        product: 'sku-oat',
        photo_url: 'https://cdn.example/ada.jpg',
        consent_version: 'reviews-2030-01',
        consented_at: '2030-03-01T09:00:00.000Z',
        verified_buyer: 0,
        incentivized: 0,
        spam_reasons: '[]',
      });
      expect(stored?.withdraw_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(stored)).not.toContain(String(answer.withdrawToken));
    });

    it('chooses an id when the page sends none', async () => {
      const { id, ...body } = testimonialBody(kit);
      const answer = await submitTestimonial(kit, { ...body, id: undefined });
      expect(answer.id).toMatch(/^tst_[A-Za-z0-9]{24}$/);
      expect(await row(answer.id)).toMatchObject({ status: 'pending' });
    });

    it('is idempotent by id: the same testimonial again stores nothing and shows no token', async () => {
      const body = testimonialBody(kit);
      const first = await kit.post('/v1/testimonials', body);
      expect(((await first.json()) as { stored: boolean }).stored).toBe(true);
      const again = await kit.post('/v1/testimonials', { ...body, fillMs: 900 });
      expect(await again.json()).toEqual({ id: body.id, status: 'pending', stored: false });
      const count = await kit.database.db
        .selectFrom('testimonials')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('id', '=', body.id)
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    });

    it('refuses the same id with other content, naming the fields, keeping the first', async () => {
      const body = testimonialBody(kit);
      await kit.post('/v1/testimonials', body);
      const error = await expectError(
        await kit.post('/v1/testimonials', { ...body, rating: 1, body: 'Something else entirely' }),
        409,
        'testimonial_conflict',
      );
      expect(error.issues).toEqual([
        { path: 'rating', message: 'differs from the stored one' },
        { path: 'body', message: 'differs from the stored one' },
      ]);
      expect(await row(body.id)).toMatchObject({ rating: 5, body: body.body });
    });

    it('stores one testimonial sent six times at once', async () => {
      const body = testimonialBody(kit);
      const answers = await Promise.all(
        Array.from({ length: 6 }, async () => {
          const response = await kit.post('/v1/testimonials', body);
          expect(response.status).toBe(200);
          return (await response.json()) as { stored: boolean };
        }),
      );
      expect(answers.filter((answer) => answer.stored)).toHaveLength(1);
    });

    it.each([
      [{ rating: 0 }, 'rating', 'must be an integer from 1 to 5'],
      [{ rating: 4.5 }, 'rating', 'must be an integer from 1 to 5'],
      [{ body: 'Too short' }, 'body', 'must be 10–5000 characters'],
      [{ authorName: '   ' }, 'authorName', 'must be 1–80 characters'],
      [{ consent: false }, 'consent', 'must be true: the author agrees to publish'],
      [
        { photoUrl: 'http://cdn.example/a.jpg' },
        'photoUrl',
        'must be an absolute https URL of at most 2048 characters',
      ],
      [{ email: 'not-an-address' }, 'email', 'must be an email address'],
    ])('refuses %j naming the field, storing nothing', async (fields, path, message) => {
      const body = testimonialBody(kit, fields);
      const error = await expectError(
        await kit.post('/v1/testimonials', body),
        400,
        'invalid_request',
      );
      expect(error.issues).toContainEqual({ path, message });
      expect(await row(body.id)).toBeUndefined();
    });

    it('keeps markup and script as plain text, exactly as written', async () => {
      const payloads = {
        title: '<img src=x onerror=alert(1)>',
        body: '</script><script>alert("x")</script> & "quotes" \'single\' {{7*7}}',
        authorName: '<svg/onload=alert(1)>',
      };
      const id = await approvedTestimonial(kit, { ...payloads, product: 'sku-xss' });
      const stored = await row(id);
      expect(stored).toMatchObject({
        title: payloads.title,
        body: payloads.body,
        author_name: payloads.authorName,
      });
      const response = await kit.get(
        `/v1/sites/${kit.test.created.publicKey}/testimonials?product=sku-xss`,
      );
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const page = (await response.json()) as { items: Array<Record<string, unknown>> };
      expect(page.items[0]).toMatchObject({ ...payloads, id });
    });

    it('refuses a page of another origin', async () => {
      const response = await kit.test.fetch('/v1/testimonials', {
        method: 'POST',
        headers: { origin: 'https://elsewhere.example', 'content-type': 'text/plain' },
        body: JSON.stringify({ site: kit.test.created.publicKey, ...testimonialBody(kit) }),
      });
      expect(response.status).toBe(403);
    });
  });

  describe('spam checks', () => {
    it('answers a filled honeypot like any other, storing it rejected', async () => {
      const body = testimonialBody(kit, { honeypot: 'https://cheap-pills.example' });
      const response = await kit.post('/v1/testimonials', body);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        id: body.id,
        status: 'pending',
        stored: true,
        withdrawToken: expect.stringMatching(/^wd_/),
        withdrawUrl: expect.stringContaining(`/v1/testimonials/${body.id}/withdrawal?`),
      });
      expect(await row(body.id)).toMatchObject({
        status: 'rejected',
        spam_reasons: '["honeypot"]',
        reject_reason: 'spam: the hidden field was filled',
      });
      const again = await kit.post('/v1/testimonials', body);
      expect(await again.json()).toEqual({ id: body.id, status: 'pending', stored: false });
    });

    it('takes an empty honeypot as a person', async () => {
      const { id } = await submitTestimonial(kit, { honeypot: '' });
      expect(await row(id)).toMatchObject({ status: 'pending', spam_reasons: '[]' });
    });

    it('flags a form sent too fast, keeping it pending', async () => {
      const { id } = await submitTestimonial(kit, { fillMs: 800 });
      expect(await row(id)).toMatchObject({ status: 'pending', spam_reasons: '["too_fast"]' });
    });

    it('flags a body with too many links', async () => {
      const { id } = await submitTestimonial(kit, {
        body: 'Buy at http://a.example and https://b.example or www.c.example today',
      });
      expect(await row(id)).toMatchObject({ spam_reasons: '["too_many_links"]' });
    });

    it('flags the same text posted again, whatever its case and spacing', async () => {
      const text = `Same words every time ${kit.id('words')}`;
      const first = await submitTestimonial(kit, { body: text });
      const second = await submitTestimonial(kit, { body: `  ${text.toUpperCase()}  ` });
      expect(await row(first.id)).toMatchObject({ spam_reasons: '[]' });
      expect(await row(second.id)).toMatchObject({
        status: 'pending',
        spam_reasons: '["duplicate"]',
      });
    });

    it('limits new testimonials per address, not the retries of one', async () => {
      const limited = await startReferralKit(await harness.open(), {
        program: null,
        testimonialRateLimit: { limit: 2, windowSeconds: 600 },
      });
      try {
        const first = testimonialBody(limited);
        expect((await limited.post('/v1/testimonials', first)).status).toBe(200);
        expect((await limited.post('/v1/testimonials', testimonialBody(limited))).status).toBe(200);
        const refused = await limited.post('/v1/testimonials', testimonialBody(limited));
        expect(refused.status).toBe(429);
        expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
        expect((await limited.post('/v1/testimonials', first)).status).toBe(200);
      } finally {
        await limited.close();
      }
    });
  });

  describe('buyer facts', () => {
    async function buyer() {
      const customer = { id: kit.id('cus'), email: `${kit.id('mail')}@example.com` };
      const orderId = kit.id('order');
      const response = await kit.convert({
        orderId,
        amount: 24,
        currency: 'EUR',
        customer,
        email: customer.email,
      });
      expect(response.status, await response.clone().text()).toBe(200);
      return { customer, orderId };
    }

    /** The customer as an identified page sends it: the id with its identity hash. */
    const as = (customer: { id: string }) => ({
      customer: customer.id,
      customerHash: kit.verified(customer).hash,
    });

    it('marks a verified buyer by the same customer id, verified by its hash', async () => {
      const { customer, orderId } = await buyer();
      const { id } = await submitTestimonial(kit, { orderId, ...as(customer) });
      expect(await row(id)).toMatchObject({ verified_buyer: 1, order_id: orderId });
    });

    it('does not by a customer id alone, or with a hash that is not its own', async () => {
      const { customer, orderId } = await buyer();
      const bare = await submitTestimonial(kit, { orderId, customer: customer.id });
      const forged = await submitTestimonial(kit, {
        orderId,
        customer: customer.id,
        customerHash: kit.verified({ id: kit.id('cus') }).hash,
      });
      expect(await row(bare.id)).toMatchObject({ verified_buyer: 0, customer: customer.id });
      expect(await row(forged.id)).toMatchObject({ verified_buyer: 0 });
    });

    it('marks a verified buyer by the same e-mail, in any case', async () => {
      const { customer, orderId } = await buyer();
      const { id } = await submitTestimonial(kit, { orderId, email: customer.email.toUpperCase() });
      expect(await row(id)).toMatchObject({ verified_buyer: 1 });
    });

    it('does not for an order of someone else, or an order that does not exist', async () => {
      const { orderId } = await buyer();
      const other = await submitTestimonial(kit, {
        orderId,
        customer: kit.id('cus'),
        email: 'someone@example.com',
      });
      const unknown = await submitTestimonial(kit, {
        orderId: kit.id('order'),
        email: 'x@example.com',
      });
      expect(await row(other.id)).toMatchObject({ verified_buyer: 0 });
      expect(await row(unknown.id)).toMatchObject({ verified_buyer: 0 });
    });

    it('marks a referrer who holds a reward as incentivized, and a plain buyer not', async () => {
      const ada = { id: kit.id('ada'), email: `${kit.id('ada')}@example.com`, name: 'Ada' };
      const { code } = await kit.referral(ada, kit.id('visitor'));
      const friend = { id: kit.id('ben'), email: `${kit.id('ben')}@example.org` };
      const visitor = kit.id('visitor');
      const coupon = await kit.claim(code, visitor);
      const orderId = kit.id('order');
      const converted = await kit.convert({
        orderId,
        amount: 42.5,
        currency: 'EUR',
        ref: code,
        coupon,
        visitor,
        email: friend.email,
        customer: friend,
      });
      expect(converted.status, await converted.clone().text()).toBe(200);
      // The referrer's id alone (unverified) still discloses her reward: a disclosure is
      // never withheld for want of a hash.
      const referrer = await submitTestimonial(kit, { customer: ada.id });
      const friendReview = await submitTestimonial(kit, { ...as(friend), orderId });
      const plain = await buyer();
      const plainReview = await submitTestimonial(kit, {
        ...as(plain.customer),
        orderId: plain.orderId,
      });
      expect(await row(referrer.id)).toMatchObject({ incentivized: 1, verified_buyer: 0 });
      expect(await row(friendReview.id)).toMatchObject({ incentivized: 1, verified_buyer: 1 });
      expect(await row(plainReview.id)).toMatchObject({ incentivized: 0, verified_buyer: 1 });
    });
  });

  describe('withdrawal', () => {
    it('deletes the testimonial with its token, from every public read at once', async () => {
      const product = kit.id('sku');
      const answer = await submitTestimonial(kit, { product });
      const other = await approvedTestimonial(kit, { product, rating: 2 });
      const approve = await kit.admin(`/v1/admin/testimonials/${answer.id}/approve`, {
        method: 'POST',
      });
      expect(approve.status).toBe(200);
      const site = kit.test.created.publicKey;
      const before = await kit.get(`/v1/sites/${site}/rating?product=${product}`);
      expect(await before.json()).toMatchObject({ count: 2 });

      const wrong = await kit.post(`/v1/testimonials/${answer.id}/withdraw`, {
        token: `wd_${'A'.repeat(32)}`,
      });
      await expectError(wrong, 404, 'testimonial_not_found');
      const withdrawn = await kit.post(`/v1/testimonials/${answer.id}/withdraw`, {
        token: answer.withdrawToken,
      });
      expect(withdrawn.status).toBe(200);
      expect(await withdrawn.json()).toEqual({ id: answer.id, withdrawn: true });
      expect(await row(answer.id)).toBeUndefined();

      const list = await kit.get(`/v1/sites/${site}/testimonials?product=${product}`);
      const page = (await list.json()) as { items: Array<{ id: string }> };
      expect(page.items.map((item) => item.id)).toEqual([other]);
      const after = await kit.get(`/v1/sites/${site}/rating?product=${product}`);
      expect(await after.json()).toMatchObject({ count: 1, average: 2 });
      const twice = await kit.post(`/v1/testimonials/${answer.id}/withdraw`, {
        token: answer.withdrawToken,
      });
      await expectError(twice, 404, 'testimonial_not_found');
    });

    it('refuses a malformed token, naming it', async () => {
      const { id } = await submitTestimonial(kit);
      const error = await expectError(
        await kit.post(`/v1/testimonials/${id}/withdraw`, { token: 'guess' }),
        400,
        'invalid_request',
      );
      expect(error.issues).toEqual([{ path: 'token', message: 'must be the withdrawToken given' }]);
      expect(await row(id)).toBeDefined();
    });
  });
});
