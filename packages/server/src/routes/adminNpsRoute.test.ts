import { expect, it } from 'vitest';
import { describeDatabases } from '../testing/describeDatabases.js';
import { expectError, useReferralKit } from '../testing/referralKit.js';

// Two weeks of answers and prompts, with every expectation worked out by hand:
// week of Mon 2030-03-04 (UTC): scores 10, 9, 9, 8, 3 and 0 (at Sun 23:30 UTC, which is
// already Monday 2030-03-11 in Berlin), 8 prompts shown, 2 dismissed;
// week of Mon 2030-03-11: scores 10 and 10, 4 prompts shown.
const ANSWERS: Array<[string, number, Record<string, unknown>?]> = [
  ['2030-03-04T10:00:00Z', 10, { comment: 'Lovely soap' }],
  ['2030-03-05T10:00:00Z', 9],
  ['2030-03-05T11:00:00Z', 9, { comment: '=HYPERLINK("https://evil.example")' }],
  ['2030-03-06T10:00:00Z', 8, { comment: 'Fine' }],
  [
    '2030-03-06T12:00:00Z',
    3,
    { comment: '-1 for the late parcel', contact: true, email: 'ben@example.com', customer: 'c-7' },
  ],
  ['2030-03-10T23:30:00Z', 0, { comment: 'Broken lid', contact: false }],
  ['2030-03-12T10:00:00Z', 10],
  ['2030-03-13T10:00:00Z', 10, { comment: '@team thanks' }],
];
const SHOWN = [
  ...Array.from({ length: 8 }, (_, i) => `2030-03-0${4 + (i % 3)}T09:0${i}:00Z`),
  ...Array.from({ length: 4 }, (_, i) => `2030-03-12T09:0${i}:00Z`),
];
const DISMISSED = ['2030-03-05T09:30:00Z', '2030-03-06T09:30:00Z'];

describeDatabases('admin NPS statistics', (harness) => {
  const kit = useReferralKit(harness, { program: null });
  let seeded = false;

  async function seed() {
    if (seeded) return;
    seeded = true;
    for (const [at, score, extra] of ANSWERS) {
      const response = await kit.post('/v1/nps', { id: kit.id('prompt'), score, at, ...extra });
      expect(response.status, await response.clone().text()).toBe(200);
    }
    const events = [
      ...SHOWN.map((at) => ({ type: 'nps_shown', at })),
      ...DISMISSED.map((at) => ({ type: 'nps_dismissed', at })),
    ].map((event) => ({ ...event, id: kit.id('ev'), prompt: kit.id('prompt') }));
    expect((await kit.post('/v1/events', { events })).status).toBe(200);
  }

  async function stats(query: string) {
    await seed();
    const response = await kit.admin(`/v1/admin/nps${query}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }

  it('reports NPS per week with its margin, response rate and dismissals', async () => {
    expect(await stats('?interval=week')).toEqual({
      interval: 'week',
      tz: 'UTC',
      from: null,
      to: null,
      summary: {
        nps: 37.5,
        marginOfError: 49.4,
        total: 8,
        promoters: 5,
        passives: 1,
        detractors: 2,
        dismissals: 2,
        shown: 12,
        responseRate: 8 / 12,
      },
      periods: [
        {
          start: '2030-03-04',
          nps: 16.7,
          marginOfError: 55,
          total: 6,
          promoters: 3,
          passives: 1,
          detractors: 2,
          dismissals: 2,
          shown: 8,
          responseRate: 0.75,
        },
        {
          start: '2030-03-11',
          nps: 100,
          marginOfError: 64.4,
          total: 2,
          promoters: 2,
          passives: 0,
          detractors: 0,
          dismissals: 0,
          shown: 4,
          responseRate: 0.5,
        },
      ],
      distribution: [1, 0, 0, 1, 0, 0, 0, 0, 1, 2, 3],
    });
  });

  it('puts answers in the periods of the given zone', async () => {
    const berlin = await stats('?interval=week&tz=Europe/Berlin');
    expect(berlin.periods).toMatchObject([
      { start: '2030-03-04', total: 5, nps: 40, marginOfError: 54.8 },
      { start: '2030-03-11', total: 3, nps: 33.3, marginOfError: 68 },
    ]);
    const months = await stats('?interval=month');
    expect(months.periods).toEqual([{ start: '2030-03-01', ...(months.summary as object) }]);
    const days = (await stats('?interval=day')).periods as Array<{ start: string }>;
    expect(days.map((day) => day.start)).toEqual([
      '2030-03-04',
      '2030-03-05',
      '2030-03-06',
      '2030-03-10',
      '2030-03-12',
      '2030-03-13',
    ]);
  });

  it('filters by a range of days, in the zone', async () => {
    const second = await stats('?from=2030-03-11&to=2030-03-13');
    expect(second.summary).toMatchObject({ total: 2, nps: 100, marginOfError: 64.4, shown: 4 });
    const berlin = await stats('?from=2030-03-11&to=2030-03-11&tz=Europe/Berlin');
    expect(berlin.summary).toMatchObject({ total: 1, detractors: 1, nps: -100 });
  });

  it('reports a range without answers as no score, not zero', async () => {
    expect(await stats('?from=2031-01-01')).toMatchObject({
      summary: { nps: null, marginOfError: null, total: 0, shown: 0, responseRate: null },
      periods: [],
      distribution: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    });
  });

  it.each([
    ['?tz=Mars/Olympus', 'tz'],
    ['?interval=year', 'interval'],
    ['?from=2030-13-01', 'from'],
    ['?to=yesterday', 'to'],
  ])('refuses %s naming the parameter', async (queryString, path) => {
    const error = await expectError(
      await kit.admin(`/v1/admin/nps${queryString}`),
      400,
      'invalid_request',
    );
    expect(error.issues?.map((issue) => issue.path)).toEqual([path]);
  });

  it('needs the secret key', async () => {
    const response = await kit.test.fetch('/v1/admin/nps');
    expect(response.status).toBe(401);
  });

  it('lists detractors who agreed to be contacted, with their email', async () => {
    await seed();
    const response = await kit.admin('/v1/admin/nps/responses?category=detractor&contact=true');
    const { items } = (await response.json()) as { items: Array<Record<string, unknown>> };
    expect(items).toEqual([
      {
        id: expect.any(String),
        score: 3,
        category: 'detractor',
        comment: '-1 for the late parcel',
        contact: true,
        email: 'ben@example.com',
        customer: 'c-7',
        visitor: null,
        url: null,
        at: '2030-03-06T12:00:00.000Z',
      },
    ]);
  });

  it('lists comments by category, newest first', async () => {
    await seed();
    const response = await kit.admin('/v1/admin/nps/responses?category=promoter&commented=true');
    const { items } = (await response.json()) as { items: Array<{ comment: string }> };
    expect(items.map((item) => item.comment)).toEqual([
      '@team thanks',
      '=HYPERLINK("https://evil.example")',
      'Lovely soap',
    ]);
    const limited = await kit.admin('/v1/admin/nps/responses?limit=2');
    expect(((await limited.json()) as { items: unknown[] }).items).toHaveLength(2);
  });

  it('exports answers as CSV with formulas defused', async () => {
    await seed();
    const response = await kit.admin('/v1/admin/nps/responses.csv?category=promoter');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('id,at,score,category,comment,contact,email,customer,visitor,url');
    const rows = lines.slice(1, -1).map((line) => line.replace(/^prompt_[0-9a-f]+,/, ''));
    expect(rows).toEqual([
      "2030-03-13T10:00:00.000Z,10,promoter,'@team thanks,false,,,,",
      '2030-03-12T10:00:00.000Z,10,promoter,,false,,,,',
      `2030-03-05T11:00:00.000Z,9,promoter,"'=HYPERLINK(""https://evil.example"")",false,,,,`,
      '2030-03-05T10:00:00.000Z,9,promoter,,false,,,,',
      '2030-03-04T10:00:00.000Z,10,promoter,Lovely soap,false,,,,',
    ]);
    expect(lines.at(-1)).toBe('');
  });
});
