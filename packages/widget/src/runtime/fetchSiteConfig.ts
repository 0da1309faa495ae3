import { type SiteBasics, siteBasicsCheck, validate } from '@vouch/core';

/** `GET /v1/sites/:site/config` of `endpoint` (no trailing slash). */
export function siteConfigUrl(endpoint: string, site: string): string {
  return `${endpoint}/v1/sites/${encodeURIComponent(site)}/config`;
}

/**
 * Reads the site's settings from a config request already under way (the loader starts
 * it beside the runtime chunk, so neither waits for the other) and checks what a page
 * needs before a widget paints with `siteBasicsCheck` (core's lean check, so zod stays off
 * the page; the rest, such as the referral program, is checked in full where the client's
 * `siteConfig()` serves it). Rejects with a readable `Error` on a network failure, a
 * timeout, an HTTP error or an answer of the wrong shape; the caller then goes on with
 * defaults.
 * @param request the `fetch` of {@link siteConfigUrl}
 * @param timeout milliseconds to wait for the whole answer
 */
export async function fetchSiteConfig(
  request: Promise<Response>,
  timeout = 5000,
): Promise<SiteBasics> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the server did not answer in time')), timeout);
  });
  try {
    const body = await Promise.race([
      request.then(async (response) => {
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        return response.json() as Promise<unknown>;
      }),
      late,
    ]);
    const result = validate(siteBasicsCheck, body);
    if (!result.ok) {
      const issue = result.issues[0];
      throw new Error(`the server sent invalid settings ("${issue?.path}")`);
    }
    return result.value;
  } finally {
    clearTimeout(timer);
  }
}
