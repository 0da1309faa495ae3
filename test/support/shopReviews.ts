import { expect } from 'vitest';
import type { TestShop } from './startShop.js';

/** The demo site's public key, as the shop's pages carry it. */
const SITE = 'pk_demo_lather_and_leaf_0001';

/**
 * Sends a review to the shop's vouch as the review form sends it (from the shop's origin,
 * a simple request), expecting it stored; answers its id. It waits, `pending`, for the
 * merchant.
 */
export async function sendReview(shop: TestShop, review: Record<string, unknown>): Promise<string> {
  const sent = await fetch(`${shop.url}/v1/testimonials`, {
    method: 'POST',
    headers: { Origin: shop.url, 'Content-Type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify({ site: SITE, consent: true, ...review }),
  });
  expect(sent.status, await sent.clone().text()).toBe(200);
  return ((await sent.json()) as { id: string }).id;
}

/** Approves a review with one admin call, as the merchant does, expecting 200. */
export async function approveReview(shop: TestShop, id: string): Promise<void> {
  const approved = await shop.api(`/v1/admin/testimonials/${id}/approve`, { method: 'POST' });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
}
