import type { VouchEventMap, VouchEventName } from '@vouch/core';

/**
 * How a widget raises a host-page event: the mount machinery's `context.emit` (the
 * client's listeners and a `vouch:NAME` DOM event), or the client's own `emit`.
 */
export type EmitEvent = <K extends VouchEventName>(name: K, detail: VouchEventMap[K]) => void;
