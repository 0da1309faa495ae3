const LOCAL = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|.+\.localhost)$/;

/**
 * Whether this page is on the developer's own machine (`localhost`, `127.x.x.x`, `[::1]`,
 * `*.localhost`). The banner explains why it stays hidden only there (or with its `debug`
 * option), so shoppers with a stale link see nothing and nobody is warned.
 */
export const isDevelopmentPage = (): boolean => LOCAL.test(location.hostname);
