import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

// Testing-library only cleans up by itself when vitest globals are on; they are not.
afterEach(() => {
  cleanup();
});
