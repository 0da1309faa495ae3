import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WIDGET_NAMES } from './widgetNames.js';
import { widgetRegistry } from './widgetRegistry.js';

// The script build finds every widget file by itself; npm users get the widgets this
// registry names. Both must know the same widgets.
const built = readdirSync(join(dirname(fileURLToPath(import.meta.url)), 'widgets'))
  .filter((file) => /^[a-z-]+\.tsx?$/.test(file))
  .map((file) => file.replace(/\.tsx?$/, ''))
  .sort();

describe('widgetRegistry', () => {
  it('names every widget the script build makes, each a name of the contract', () => {
    expect(Object.keys(widgetRegistry).sort()).toEqual(built);
    for (const name of built) expect(WIDGET_NAMES).toContain(name);
  });

  it('loads each as a widget module of its own name', async () => {
    for (const [name, load] of Object.entries(widgetRegistry)) {
      expect((await load()).default.name).toBe(name);
    }
  });
});
