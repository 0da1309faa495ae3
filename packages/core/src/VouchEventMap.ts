import type { ConversionResult } from './schemas/conversions.js';

/**
 * Events a vouch client emits for the host page (CONTRACT §2), name → payload. Listen
 * with `client.on(name, handler)` or, from the script tag, `vouch('on', name, handler)`.
 */
export interface VouchEventMap {
  /** An NPS prompt became visible. */
  'nps:shown': { id: string };
  /** The shopper answered an NPS prompt. */
  'nps:submitted': {
    id: string;
    score: number;
    category: 'detractor' | 'passive' | 'promoter';
    comment?: string;
  };
  /** The shopper closed an NPS prompt without answering (or after the score only). */
  'nps:dismissed': { id: string; score?: number };
  /** A testimonial was sent for moderation. */
  'review:submitted': { id: string; rating: number; product?: string };
  /** The shopper copied their referral link. */
  'referral:copied': { code: string; link: string };
  /** The shopper opened a share dialog (or the native share sheet). */
  share: { channel: string; url: string; code?: string };
  /** An incentive became available to the shopper. */
  'reward:unlocked': { reason: string; reward: string; coupon?: string };
  /** The server acknowledged a purchase: its answer (`status`, credited `ref`, `verified`). */
  conversion: ConversionResult;
  /** Something failed; `code` is the server's error code when there is one. */
  error: { message: string; code?: string; error?: unknown };
}

/** A host-page event name. */
export type VouchEventName = keyof VouchEventMap;
