import { randomBytes } from 'node:crypto';
import type { Identity, ReferralProgram } from '@vouch/core/schemas';
import { afterAll, beforeAll, expect } from 'vitest';
import type { AppOptions } from '../createApp.js';
import type { VouchDatabase } from '../db/openDatabase.js';
import { identityHash } from '../identity/identityHash.js';
import type { DatabaseHarness } from './describeDatabases.js';
import { referralProgramFixture } from './referralProgramFixture.js';
import { startTestApp, type TestApp } from './startTestApp.js';

export const DAY_MS = 86_400_000;

/** A program with pool coupons on both sides, a minimum, a hold, a milestone and fraud lists. */
export function testProgram(change: Partial<ReferralProgram> = {}): ReferralProgram {
  return referralProgramFixture({
    friendOffer: { value: { kind: 'percent', percent: 10 }, coupon: { pool: 'friends' } },
    referrerReward: {
      value: { kind: 'amount', amount: 5, currency: 'EUR' },
      coupon: { pool: 'thanks' },
    },
    milestones: [{ every: 3, reward: { value: { kind: 'credit', amount: 10, currency: 'EUR' } } }],
    fraud: {
      blockedReferrerDomains: ['coupons.example'],
      maxConversionsPerCodePerHour: 50,
      disposableEmailDomains: ['burner.example'],
    },
    ...change,
  });
}

/** A settable clock for the app: rules about time are tested without waiting. */
export interface TestClock {
  now: number;
  advance(ms: number): void;
}

/** A real server with a site whose program is on, and helpers that speak its API. */
export interface ReferralKit {
  /** The database the server runs on. */
  database: VouchDatabase;
  test: TestApp;
  clock: TestClock;
  /** A fresh id (visitor, order) of the given prefix. */
  id(prefix: string): string;
  /** An admin call with the site's secret key. */
  admin(path: string, init?: RequestInit): Promise<Response>;
  /** A browser POST from the shop's origin, with the site's public key in the body. */
  post(path: string, body: Record<string, unknown>): Promise<Response>;
  /** A browser GET from the shop's origin, with the key in `X-Vouch-Site`. */
  get(path: string): Promise<Response>;
  setProgram(program: ReferralProgram): Promise<void>;
  uploadCoupons(pool: string, count: number): Promise<string[]>;
  /** `identify` values with the right hash for this site. */
  verified(identity: Identity): Identity;
  /** `POST /v1/referrals`, expecting 200. */
  referral(customer: Identity, visitor?: string): Promise<ReferralAnswer>;
  /** `POST /v1/referrals/:code/coupon`, expecting 200. */
  claim(code: string, visitor: string): Promise<string>;
  /** `POST /v1/conversions` from the browser, or with the secret key. */
  convert(body: Record<string, unknown>, from?: 'browser' | 'server'): Promise<Response>;
  close(): Promise<void>;
}

export interface ReferralAnswer {
  code: string;
  link: string;
  friends: number;
  verified: boolean;
  rewards: Array<{
    id: string;
    status: string;
    reason: string;
    coupon?: string;
    approvesAt?: string;
    offer: { description: string };
  }>;
  friendOffer: { description: string };
  referrerReward: { description: string };
}

export const START = Date.parse('2030-03-01T09:00:00.000Z');

export async function startReferralKit(
  database: VouchDatabase,
  options: Partial<AppOptions> & { program?: ReferralProgram | null } = {},
): Promise<ReferralKit> {
  const clock: TestClock = {
    now: START,
    advance(ms) {
      this.now += ms;
    },
  };
  const { program = testProgram(), ...appOptions } = options;
  const test = await startTestApp(database, {
    rateLimit: false,
    siteCacheMs: 0,
    now: () => clock.now,
    ...appOptions,
  });
  const { publicKey, secretKey } = test.created;
  const json = { 'content-type': 'application/json' };
  const kit: ReferralKit = {
    database,
    test,
    clock,
    id: (prefix) => `${prefix}_${randomBytes(8).toString('hex')}`,
    admin: (path, init = {}) =>
      test.fetch(path, {
        ...init,
        headers: { authorization: `Bearer ${secretKey}`, ...json, ...init.headers },
      }),
    post: (path, body) =>
      test.fetch(path, {
        method: 'POST',
        headers: { origin: test.origin, 'content-type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify({ site: publicKey, ...body }),
      }),
    get: (path) =>
      test.fetch(path, { headers: { origin: test.origin, 'x-vouch-site': publicKey } }),
    async setProgram(next) {
      const response = await kit.admin('/v1/admin/referral-program', {
        method: 'PUT',
        body: JSON.stringify(next),
      });
      expect(response.status, await response.clone().text()).toBe(200);
    },
    async uploadCoupons(pool, count) {
      const codes = Array.from(
        { length: count },
        () => `${pool.toUpperCase()}-${randomBytes(5).toString('hex').toUpperCase()}`,
      );
      const response = await kit.admin(`/v1/admin/coupons/${pool}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: `code\n${codes.join('\n')}\n`,
      });
      expect(response.status, await response.clone().text()).toBe(200);
      return codes;
    },
    verified: (identity) => ({ ...identity, hash: identityHash(secretKey, identity.id) }),
    async referral(customer, visitor) {
      const response = await kit.post('/v1/referrals', {
        customer,
        ...(visitor ? { visitor } : {}),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      return (await response.json()) as ReferralAnswer;
    },
    async claim(code, visitor) {
      const response = await kit.post(`/v1/referrals/${code}/coupon`, { visitor });
      expect(response.status, await response.clone().text()).toBe(200);
      return ((await response.json()) as { coupon: string }).coupon;
    },
    convert(body, from = 'browser') {
      if (from === 'browser') return kit.post('/v1/conversions', body);
      return kit.admin('/v1/conversions', { method: 'POST', body: JSON.stringify(body) });
    },
    close: () => test.close(),
  };
  if (program) {
    await kit.uploadCoupons('friends', 40);
    await kit.uploadCoupons('thanks', 40);
    await kit.setProgram(program);
  }
  return kit;
}

/** The body of an error answer, after checking its status and code. */
export async function expectError(response: Response, status: number, code: string) {
  const body = (await response.json()) as {
    error: { code: string; message: string; issues?: Array<{ path: string; message: string }> };
  };
  expect(response.status, JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe(code);
  return body.error;
}

/**
 * A kit for a suite: started on the harness's database before its tests, closed after.
 * The answer stands for the kit until then, so a suite declares it in one line.
 */
export function useReferralKit(
  harness: DatabaseHarness,
  options: Parameters<typeof startReferralKit>[1] = {},
): ReferralKit {
  let started: ReferralKit | undefined;
  beforeAll(async () => {
    started = await startReferralKit(await harness.open(), options);
  });
  afterAll(() => started?.close());
  return new Proxy({} as ReferralKit, {
    get(_, name) {
      if (!started) throw new Error('the referral kit starts in beforeAll; use it inside a test');
      return Reflect.get(started, name);
    },
  });
}
