import { expect, it } from 'vitest';
import { describeDatabases } from '../testing/describeDatabases.js';
import { expectError, useReferralKit } from '../testing/referralKit.js';
import { approvedTestimonial, moderate, submitTestimonial } from '../testing/testimonialFixture.js';

interface AdminPage {
  items: Array<Record<string, unknown> & { id: string }>;
  next: string | null;
}

describeDatabases('admin testimonial routes', (harness) => {
  const kit = useReferralKit(harness, { testimonialRateLimit: false, program: null });
  const list = async (query: string) => {
    const response = await kit.admin(`/v1/admin/testimonials?${query}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as AdminPage;
  };
  const publicIds = async (product: string) => {
    const response = await kit.get(
      `/v1/sites/${kit.test.created.publicKey}/testimonials?product=${product}`,
    );
    return ((await response.json()) as AdminPage).items.map((item) => item.id);
  };

  it('lists by status with every field, flagged ones among them, a page at a time', async () => {
    const product = kit.id('sku');
    const low = await submitTestimonial(kit, { product, rating: 1, email: 'ada@example.com' });
    kit.clock.advance(1000);
    const fast = await submitTestimonial(kit, { product, rating: 5, fillMs: 10 });
    kit.clock.advance(1000);
    const approved = await approvedTestimonial(kit, { product });
    const pending = await list(`status=pending&product=${product}`);
    expect(pending.items.map((item) => item.id)).toEqual([fast.id, low.id]);
    expect(pending.items[1]).toMatchObject({
      status: 'pending',
      rating: 1,
      email: 'ada@example.com',
      spamReasons: [],
      verifiedBuyer: false,
      reply: null,
      consentVersion: 'reviews-2030-01',
    });
    const flagged = await list(`flagged=true&product=${product}`);
    expect(flagged.items).toMatchObject([{ id: fast.id, spamReasons: ['too_fast'] }]);
    const first = await list(`product=${product}&limit=2`);
    expect(first.items.map((item) => item.id)).toEqual([approved, fast.id]);
    const second = await list(`product=${product}&limit=2&cursor=${first.next}`);
    expect(second).toEqual({ items: [expect.objectContaining({ id: low.id })], next: null });
  });

  it('approves, hides and rejects with a reason; only approved ones are public', async () => {
    const product = kit.id('sku');
    const { id } = await submitTestimonial(kit, { product, rating: 1 });
    expect(await publicIds(product)).toEqual([]);
    expect(await moderate(kit, id, 'approve')).toMatchObject({ id, status: 'approved' });
    expect(await publicIds(product)).toEqual([id]);
    expect(await moderate(kit, id, 'hide')).toMatchObject({ status: 'hidden' });
    expect(await publicIds(product)).toEqual([]);
    expect(await moderate(kit, id, 'reject', { reason: ' Insults staff ' })).toMatchObject({
      status: 'rejected',
      rejectReason: 'Insults staff',
    });
    expect(await moderate(kit, id, 'approve')).toMatchObject({
      status: 'approved',
      rejectReason: null,
    });
  });

  it('replies in public and removes the reply', async () => {
    const product = kit.id('sku');
    const id = await approvedTestimonial(kit, { product, rating: 2 });
    const reply = await kit.admin(`/v1/admin/testimonials/${id}/reply`, {
      method: 'PUT',
      body: JSON.stringify({ body: 'Sorry — a new bar is on its way.' }),
    });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({
      reply: {
        body: 'Sorry — a new bar is on its way.',
        createdAt: new Date(kit.clock.now).toISOString(),
      },
    });
    const shown = await kit.get(
      `/v1/sites/${kit.test.created.publicKey}/testimonials?product=${product}`,
    );
    expect(((await shown.json()) as AdminPage).items[0]).toMatchObject({
      reply: { body: 'Sorry — a new bar is on its way.' },
    });
    const removed = await kit.admin(`/v1/admin/testimonials/${id}/reply`, { method: 'DELETE' });
    expect(await removed.json()).toMatchObject({ reply: null });
  });

  it('deletes a testimonial for good', async () => {
    const product = kit.id('sku');
    const id = await approvedTestimonial(kit, { product });
    const deleted = await kit.admin(`/v1/admin/testimonials/${id}`, { method: 'DELETE' });
    expect(await deleted.json()).toEqual({ id, deleted: true });
    expect(await publicIds(product)).toEqual([]);
    await expectError(
      await kit.admin(`/v1/admin/testimonials/${id}`, { method: 'DELETE' }),
      404,
      'testimonial_not_found',
    );
  });

  it('names bad input and unknown ids', async () => {
    const { id } = await submitTestimonial(kit);
    const reject = await kit.admin(`/v1/admin/testimonials/${id}/reject`, {
      method: 'POST',
      body: JSON.stringify({ reason: '' }),
    });
    expect((await expectError(reject, 400, 'invalid_request')).issues).toEqual([
      { path: 'reason', message: 'must be 1–500 characters' },
    ]);
    const reply = await kit.admin(`/v1/admin/testimonials/${id}/reply`, {
      method: 'PUT',
      body: JSON.stringify({ body: 'x'.repeat(2001) }),
    });
    expect((await expectError(reply, 400, 'invalid_request')).issues?.[0]?.path).toBe('body');
    const filter = await kit.admin('/v1/admin/testimonials?rating=5');
    expect((await expectError(filter, 400, 'invalid_request')).issues?.[0]?.message).toContain(
      'rating',
    );
    await expectError(
      await kit.admin(`/v1/admin/testimonials/${kit.id('tst')}/approve`, { method: 'POST' }),
      404,
      'testimonial_not_found',
    );
    expect((await list(`status=pending`)).items.find((item) => item.id === id)).toMatchObject({
      status: 'pending',
    });
  });

  it('needs the secret key', async () => {
    const response = await kit.test.fetch('/v1/admin/testimonials');
    expect(response.status).toBe(401);
  });
});
