import { expect, it } from 'vitest';
import { describeDatabases } from '../testing/describeDatabases.js';
import { expectError, startReferralKit, useReferralKit } from '../testing/referralKit.js';

describeDatabases('POST /v1/nps', (harness) => {
  const kit = useReferralKit(harness, { program: null });

  function answer(fields: Record<string, unknown> = {}) {
    return {
      id: kit.id('prompt'),
      score: 3,
      at: '2030-03-01T10:00:00+02:00',
      visitor: kit.id('visitor'),
      ...fields,
    };
  }

  async function rows(id: string) {
    return kit.database.db.selectFrom('nps_answers').selectAll().where('id', '=', id).execute();
  }

  it('stores an answer with its category, consent and trimmed comment', async () => {
    const body = answer({
      comment: '  Late delivery.  ',
      contact: true,
      email: 'ben@example.com',
      customer: 'c-42',
      url: 'https://shop.example/thanks',
    });
    const response = await kit.post('/v1/nps', body);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toEqual({ id: body.id, category: 'detractor', stored: true });
    expect(await rows(body.id)).toMatchObject([
      {
        score: 3,
        category: 'detractor',
        comment: 'Late delivery.',
        contact: 1,
        email: 'ben@example.com',
        customer: 'c-42',
        url: 'https://shop.example/thanks',
        at: '2030-03-01T08:00:00.000Z',
        created_at: '2030-03-01T09:00:00.000Z',
      },
    ]);
  });

  it('is idempotent by id: the same answer again stores nothing', async () => {
    const body = answer({ score: 9, comment: 'Great soap' });
    const first = await kit.post('/v1/nps', body);
    expect(await first.json()).toEqual({ id: body.id, category: 'promoter', stored: true });
    const again = await kit.post('/v1/nps', { ...body, comment: 'changed' });
    expect(await again.json()).toEqual({ id: body.id, category: 'promoter', stored: false });
    expect(await rows(body.id)).toMatchObject([{ score: 9, comment: 'Great soap' }]);
  });

  it('refuses the same id with another score, keeping the first', async () => {
    const body = answer({ score: 7 });
    expect((await kit.post('/v1/nps', body)).status).toBe(200);
    const error = await expectError(
      await kit.post('/v1/nps', { ...body, score: 10 }),
      409,
      'nps_conflict',
    );
    expect(error.issues).toEqual([{ path: 'score', message: 'differs from the stored score 7' }]);
    expect(await rows(body.id)).toMatchObject([{ score: 7, category: 'passive' }]);
  });

  it.each([
    [{ score: 11 }, 'score', 'must be an integer from 0 to 10'],
    [{ score: -1 }, 'score', 'must be an integer from 0 to 10'],
    [{ score: 8.5 }, 'score', 'must be an integer from 0 to 10'],
    [{ comment: 'x'.repeat(2001) }, 'comment', 'must be at most 2000 characters'],
    [{ email: 'ben@example.com' }, 'email', 'is accepted only together with "contact": true'],
  ])('refuses %j naming the field, storing nothing', async (fields, path, message) => {
    const body = answer(fields);
    const error = await expectError(await kit.post('/v1/nps', body), 400, 'invalid_request');
    expect(error.issues).toContainEqual({ path, message });
    expect(await rows(body.id)).toEqual([]);
  });

  it('accepts a comment that is within the limit once trimmed', async () => {
    const body = answer({ comment: ` ${'x'.repeat(2000)}   ` });
    expect((await kit.post('/v1/nps', body)).status).toBe(200);
    expect((await rows(body.id))[0]?.comment).toHaveLength(2000);
  });

  it('refuses a page of another origin', async () => {
    const response = await kit.test.fetch('/v1/nps', {
      method: 'POST',
      headers: { origin: 'https://elsewhere.example', 'content-type': 'text/plain' },
      body: JSON.stringify({ site: kit.test.created.publicKey, ...answer() }),
    });
    expect(response.status).toBe(403);
  });

  it('stores prompts shown and dismissed as events', async () => {
    const prompt = kit.id('prompt');
    const response = await kit.post('/v1/events', {
      events: [
        { id: kit.id('ev'), type: 'nps_shown', at: '2030-03-01T09:00:00Z', prompt },
        { id: kit.id('ev'), type: 'nps_dismissed', at: '2030-03-01T09:01:00Z', prompt, score: 4 },
      ],
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const stored = await kit.database.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('type', 'in', ['nps_shown', 'nps_dismissed'])
      .where('data', 'like', `%${prompt}%`)
      .orderBy('at')
      .execute();
    expect(stored.map((row) => [row.type, JSON.parse(row.data)])).toEqual([
      ['nps_shown', { prompt }],
      ['nps_dismissed', { prompt, score: 4 }],
    ]);
  });

  it('stores an answer sent twice at once only once', async () => {
    const body = answer({ score: 10 });
    const results = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const response = await kit.post('/v1/nps', body);
        expect(response.status).toBe(200);
        return ((await response.json()) as { stored: boolean }).stored;
      }),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await rows(body.id)).toHaveLength(1);
  });

  it('counts answers against the browser write limit', async () => {
    const limited = await startReferralKit(await harness.open(), {
      program: null,
      rateLimit: { limit: 2, windowSeconds: 60 },
    });
    try {
      const post = () =>
        limited.post('/v1/nps', { id: limited.id('prompt'), score: 5, at: '2030-03-01T09:00:00Z' });
      expect((await post()).status).toBe(200);
      expect((await post()).status).toBe(200);
      const refused = await post();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });
});
