import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('../../', import.meta.url));
const coreDir = join(serverDir, '..', 'core');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) {
      latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return latest;
}

function builtAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * The command runs the compiled package (`bin/vouch-server.js` imports `dist/cli.js`,
 * which imports core's `dist`), as an installed one does. Compiles core and server when
 * their sources are newer than what was built, so the test never runs stale code.
 */
export function ensureBuilt(): string {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  for (const [dir, marker] of [
    [coreDir, 'dist/schemas/index.js'],
    [serverDir, 'dist/cli.js'],
  ] as const) {
    if (builtAt(join(dir, marker)) > newest(join(dir, 'src'))) continue;
    try {
      execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.build.json')], {
        stdio: 'pipe',
      });
    } catch (error) {
      // Type errors still emit JavaScript; a missing file below is the real failure.
      const output = (error as { stdout?: Buffer }).stdout?.toString() ?? '';
      if (builtAt(join(dir, marker)) === 0) throw new Error(`build failed:\n${output}`);
    }
  }
  return join(serverDir, 'bin', 'vouch-server.js');
}
