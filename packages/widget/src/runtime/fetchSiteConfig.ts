import { type SiteConfig, siteConfigSchema } from '@vouch/core/schemas';

/** Options of {@link fetchSiteConfig}. */
export interface FetchSiteConfigOptions {
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** The server's base URL, no trailing slash. */
  endpoint: string;
  site: string;
  /** Gives up after this many milliseconds. @default 5000 */
  timeout?: number;
}

/**
 * Reads `GET /v1/sites/:site/config` and validates it with `siteConfigSchema`. Rejects
 * with a readable `Error` on a network failure, a timeout, an HTTP error or an answer of
 * the wrong shape; the caller then goes on with defaults.
 */
export async function fetchSiteConfig(options: FetchSiteConfigOptions): Promise<SiteConfig> {
  const url = `${options.endpoint}/v1/sites/${encodeURIComponent(options.site)}/config`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeout ?? 5000);
  try {
    const response = await options.fetch(url, {
      credentials: 'omit',
      signal: controller.signal,
    });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const result = siteConfigSchema.safeParse(await response.json());
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(`the server sent invalid settings ("${issue?.path.join('.')}")`);
    }
    return result.data;
  } catch (error) {
    if (controller.signal.aborted) throw new Error('the server did not answer in time');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
