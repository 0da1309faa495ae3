/** A favicon that needs no request: without one Chromium logs the favicon's 404 as an error. */
export const FAVICON = '<link rel="icon" href="data:," />';

/**
 * The vouch snippet exactly as a merchant pastes it (CONTRACT §2): the queue stub, then
 * the async loader with the site key.
 */
export function snippet(src: string, site: string, attributes = ''): string {
  return [
    '<script>window.vouch=window.vouch||function(){(vouch.q=vouch.q||[]).push(arguments)};</script>',
    `<script async src="${src}" data-site="${site}"${attributes ? ` ${attributes}` : ''}></script>`,
  ].join('\n');
}

/** A minimal valid page around `head` and `body` markup. */
export function page({ title = 'Test page', head = '', body = '' }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
${FAVICON}
${head}
</head>
<body>
${body}
</body>
</html>`;
}
