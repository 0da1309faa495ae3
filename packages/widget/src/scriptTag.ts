// The script-tag entry, built into the self-contained `vouch.js` (an IIFE, not UMD: a stray
// `exports` global on a shop page would fool UMD detection). It is the one module of the
// package that touches `window` when evaluated.
import { createLoader } from './loader/createLoader.js';
import type { ChunkManifest } from './runtime/Runtime.js';

/** Written in by the script build: chunk hashes per name (`runtime`, each widget). */
declare const __VOUCH_MANIFEST__: ChunkManifest;

try {
  createLoader({
    manifest: __VOUCH_MANIFEST__,
    importModule: (url) => import(/* @vite-ignore */ url),
  });
} catch (error) {
  // Nothing of ours may break the shop's page, not even a browser too old to run us.
  console.warn('[vouch] init:', error);
}
