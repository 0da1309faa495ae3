/**
 * Polls `probe` until it returns a value that is not undefined (or throws no more),
 * then returns that value; fails with the last error or `message` after `timeout` ms.
 * Used for what arrives asynchronously from a browser (idle-time loading, batched
 * sends), never to paper over a race in the code under test.
 */
export async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  { timeout = 15_000, interval = 100, message = 'condition not met' } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw lastError instanceof Error
        ? lastError
        : new Error(`waitFor: ${message} in ${timeout} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
