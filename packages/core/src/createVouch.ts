import { createDeferredVouch } from './createDeferredVouch.js';
import { createRecorder } from './createRecorder.js';
import type { VouchClient } from './VouchClient.js';
import type { VouchOptions } from './vouchOptions.js';

export type { VouchClient, VouchState } from './VouchClient.js';

/**
 * Creates a vouch client. Options are validated: a bad one throws a `TypeError` naming
 * the field. Nothing is sent or stored until a method asks for it.
 */
export function createVouch(options: VouchOptions): VouchClient {
  const vouch = createDeferredVouch(options);
  vouch.attach(createRecorder);
  return vouch.client;
}
