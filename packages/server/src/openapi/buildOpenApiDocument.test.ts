import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDatabases } from '../testing/describeDatabases.js';
import { startTestApp, type TestApp } from '../testing/startTestApp.js';

type Document = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

describeDatabases('GET /v1/openapi.json', (harness) => {
  let test: TestApp;
  let document: Document;
  beforeAll(async () => {
    test = await startTestApp(await harness.open());
    const response = await test.fetch('/v1/openapi.json');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    document = (await response.json()) as Document;
  });
  afterAll(() => test.close());

  it('describes every route the app serves', () => {
    expect(document.openapi).toBe('3.1.0');
    const served = test.app.routes
      .filter((r) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
      .map(
        (r) =>
          `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}').replace('/*', '/{file}')}`,
      );
    const described = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    );
    expect(described.sort()).toEqual([...new Set(served)].sort());
  });

  it('gives every browser and admin call its error responses', () => {
    const events = document.paths['/v1/events']?.post?.responses ?? {};
    expect(Object.keys(events).sort()).toEqual(['200', '400', '403', '404', '413', '429', '500']);
    expect(Object.keys(document.paths['/v1/admin/site']?.get?.responses ?? {})).toContain('401');
    expect(Object.keys(document.paths['/v1/sites/{site}/config']?.get?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '403', '404']),
    );
    expect(Object.keys(document.paths['/v1/conversions']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '409', '429']),
    );
    const rewards = document.paths['/v1/admin/rewards']?.get as unknown as {
      parameters: Array<{ name: string; in: string }>;
    };
    expect(rewards.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['limit', 'cursor', 'status', 'customer', 'order']),
    );
  });

  it('takes its schemas from the shared zod schemas', () => {
    const batch = document.components.schemas.EventBatch as {
      required: string[];
      additionalProperties: boolean;
      properties: { events: { maxItems: number; minItems: number } };
    };
    expect(batch.required).toEqual(['events']);
    expect(batch.additionalProperties).toBe(false);
    expect(batch.properties.events).toMatchObject({ minItems: 1, maxItems: 100 });
    expect(JSON.stringify(batch)).toContain('"landing"');
    expect(Object.keys(document.components.schemas).sort()).toEqual([
      'AdminSite',
      'Advocates',
      'ConversionPage',
      'ConversionRequest',
      'ConversionResult',
      'CouponClaim',
      'CouponClaimResult',
      'CouponImport',
      'CouponPools',
      'Error',
      'EventBatch',
      'EventBatchResult',
      'Health',
      'NpsAnswers',
      'NpsRequest',
      'NpsResult',
      'NpsStats',
      'RatingSummary',
      'Referral',
      'ReferralLanding',
      'ReferralPage',
      'ReferralProgram',
      'ReferralProgramSettings',
      'ReferralRequest',
      'RefundResult',
      'RejectRequest',
      'ReplyRequest',
      'RewardPage',
      'RewardRecord',
      'ShareProgram',
      'ShareProgramSettings',
      'ShareReport',
      'ShareRequest',
      'ShareResult',
      'ShareVisitRequest',
      'ShareVisitResult',
      'SiteConfig',
      'SiteUpdate',
      'TestimonialDeleted',
      'TestimonialInput',
      'TestimonialPage',
      'TestimonialReceipt',
      'TestimonialRecord',
      'TestimonialRecordPage',
      'WithdrawRequest',
      'WithdrawResult',
    ]);
  });

  it('describes testimonials, with no rating filter anywhere', () => {
    const input = document.components.schemas.TestimonialInput as {
      required: string[];
      properties: Record<string, Record<string, unknown>>;
    };
    expect(input.required.sort()).toEqual(['authorName', 'body', 'consent', 'rating']);
    expect(input.properties.rating).toMatchObject({ type: 'integer', minimum: 1, maximum: 5 });
    const record = document.components.schemas.TestimonialRecord as { required: string[] };
    expect(record.required).toEqual(expect.arrayContaining(['email', 'spamReasons', 'status']));
    const admin = document.paths['/v1/admin/testimonials']?.get as unknown as {
      parameters: Array<{ name: string }>;
    };
    expect(admin.parameters.map((p) => p.name)).not.toContain('minRating');
    expect(admin.parameters.map((p) => p.name)).not.toContain('rating');
    expect(
      Object.keys(document.paths['/v1/sites/{site}/testimonials']?.get?.responses ?? {}),
    ).toEqual(expect.arrayContaining(['200', '304', '400', '403', '404']));
  });

  it('describes the NPS answer with its limits', () => {
    const request = document.components.schemas.NpsRequest as {
      required: string[];
      properties: Record<string, Record<string, unknown>>;
    };
    expect(request.required.sort()).toEqual(['at', 'id', 'score']);
    expect(request.properties.score).toMatchObject({ type: 'integer', minimum: 0, maximum: 10 });
    expect(request.properties.comment).toMatchObject({ maxLength: 2000 });
    expect(Object.keys(document.paths['/v1/nps']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '403', '409', '429']),
    );
    const stats = document.paths['/v1/admin/nps']?.get as unknown as {
      parameters: Array<{ name: string }>;
    };
    expect(stats.parameters.map((p) => p.name).sort()).toEqual(['from', 'interval', 'to', 'tz']);
  });

  it("describes a site's NPS rules, null when the prompt is off", () => {
    type Shape = { required?: string[]; properties: Record<string, { anyOf: unknown[] }> };
    const { SiteConfig, SiteUpdate } = document.components.schemas as Record<string, Shape>;
    expect(SiteConfig?.required).toContain('nps');
    expect(SiteUpdate?.required ?? []).not.toContain('nps');
    for (const schema of [SiteConfig, SiteUpdate]) {
      expect(schema?.properties.nps?.anyOf).toEqual([
        expect.objectContaining({
          type: 'object',
          additionalProperties: false,
          properties: expect.objectContaining({
            delayMs: { type: 'number', minimum: 0, maximum: 3_600_000 },
            minPageViews: { type: 'integer', minimum: 0, maximum: 1000 },
          }),
        }),
        { type: 'null' },
      ]);
    }
  });

  it('has no reference that leads nowhere', () => {
    const text = JSON.stringify(document);
    for (const [, kind, name] of text.matchAll(/"#\/components\/(\w+)\/(\w+)"/g)) {
      const section = (document.components as Record<string, Record<string, unknown>>)[kind ?? ''];
      expect(section?.[name ?? ''], `${kind}/${name}`).toBeDefined();
    }
  });
});
