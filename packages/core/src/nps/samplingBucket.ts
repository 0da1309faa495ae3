/**
 * Where a visitor falls in a survey's sample, a number in [0, 1) that stays the same on
 * every page and visit (a hash of site, survey and visitor, not a dice roll per page),
 * so a visitor left out stays out and one drawn in stays in. A new survey name draws
 * again. The hash is 32-bit FNV-1a finished with MurmurHash3's mixing step (so ids that
 * differ in their last character still land far apart): not secret, only evenly spread.
 */
export function samplingBucket(site: string, survey: string, visitor: string): number {
  const input = `${site}\u0000${survey}\u0000${visitor}`;
  let hash = 0x811c9dc5;
  for (let index = 0; index < input.length; index++) {
    hash ^= input.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}
