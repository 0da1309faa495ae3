import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';

/** Scripts standing in for the widget package's build, in a temporary folder. */
export interface ScriptFixture {
  dir: string;
  loader: string;
  chunkName: string;
  chunk: string;
  remove(): void;
}

export function createScriptFixture(): ScriptFixture {
  const dir = mkdtempSync(join(tmpdir(), 'vouch-scripts-'));
  const loader = '/* loader */ window.vouch = window.vouch || function () {};\n';
  const chunkName = 'nps-3f2a9c.js';
  const chunk = `export default function nps() { return ${'"nps";'.repeat(50)} }\n`;
  mkdirSync(join(dir, 'widgets'));
  writeFileSync(join(dir, 'vouch.js'), loader);
  writeFileSync(join(dir, 'widgets', chunkName), chunk);
  writeFileSync(join(dir, 'widgets', `${chunkName}.br`), brotliCompressSync(chunk));
  // Beside the scripts, to prove that a request cannot climb out of the folder.
  writeFileSync(join(dir, 'secret.js'), 'const secret = 1;\n');
  return {
    dir: join(dir),
    loader,
    chunkName,
    chunk,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
