import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The packages every module reachable from `entry` imports, following the package's own
 * modules through static and dynamic imports (type-only imports left out, as the build
 * drops them).
 */
function packagesReachedFrom(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set([join(here, entry)]);
  for (const file of seen) {
    const source = readFileSync(file, 'utf8');
    const imports = source.matchAll(
      /(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)|(?:^|\n)import\s+'([^']+)'/g,
    );
    for (const [, from, lazy, bare] of imports) {
      const specifier = from ?? lazy ?? bare ?? '';
      if (!specifier.startsWith('.')) {
        packages.add(specifier);
        continue;
      }
      const base = join(dirname(file), specifier).replace(/\.js$/, '');
      const resolved = [`${base}.ts`, `${base}.tsx`].find((path) => existsSync(path));
      if (resolved) seen.add(resolved);
    }
  }
  return packages;
}

const preact = (packages: Set<string>) =>
  [...packages].filter((name) => name === 'preact' || name.startsWith('preact/'));

describe('Preact', () => {
  it('is imported by neither the script tag nor @vouch/widget/elements, nor any library', () => {
    for (const entry of ['scriptTag.ts', 'runtime/index.ts', 'elements.ts']) {
      const packages = packagesReachedFrom(entry);
      expect(preact(packages), entry).toEqual([]);
      // Plain DOM: no package but core, which the walk does reach from the elements' entry.
      expect(
        [...packages].filter((name) => /^[@a-z]/.test(name) && !name.startsWith('@vouch/core')),
        entry,
      ).toEqual([]);
      if (entry === 'elements.ts') expect(packages).toContain('@vouch/core');
    }
    for (const widget of ['nps.ts', 'referral.ts', 'referral-banner.ts']) {
      expect(preact(packagesReachedFrom(`widgets/${widget}`)), widget).toEqual([]);
    }
  });

  it('is imported by the npm entry, for its components (so the check above can fail)', () => {
    expect(preact(packagesReachedFrom('index.ts'))).toEqual(
      expect.arrayContaining(['preact', 'preact/hooks']),
    );
  });
});
