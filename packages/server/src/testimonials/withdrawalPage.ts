/** Which page the author sees at their withdrawal link. */
export type WithdrawalState = 'ask' | 'done' | 'gone';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const WORDS: Record<WithdrawalState, (shop: string) => { title: string; text: string }> = {
  ask: (shop) => ({
    title: 'Withdraw your review?',
    text: `Your review will be removed from ${shop} at once and for good, and its rating no longer counted.`,
  }),
  done: (shop) => ({
    title: 'Your review is withdrawn',
    text: `It no longer appears on ${shop}, and its rating is no longer counted. Nothing of it is kept.`,
  }),
  gone: () => ({
    title: 'Nothing to withdraw',
    text: 'This link is not valid, or the review was already withdrawn or deleted.',
  }),
};

/**
 * The page at an author's withdrawal link: a question with one button (opening the link
 * changes nothing, so a mail client that fetches links ahead does not withdraw a review),
 * then the outcome. Plain HTML without a script; its one style sheet carries `nonce`.
 */
export function withdrawalPage(state: WithdrawalState, shopName: string, nonce: string): string {
  const shop = escapeHtml(shopName || 'the shop');
  const { title, text } = WORDS[state](shop);
  const form =
    state === 'ask'
      ? '<form method="post"><button type="submit">Withdraw my review</button></form>'
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · ${shop}</title>
<style nonce="${nonce}">
body{font:1rem/1.5 system-ui,sans-serif;margin:0;padding:2rem 1rem;color:#1f2328;background:#fff}
main{max-width:32rem;margin:auto}
h1{font-size:1.5rem;line-height:1.25}
button{font:inherit;min-height:44px;padding:.5rem 1.25rem;border:0;border-radius:.5rem;background:#a40e26;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #0969da;outline-offset:2px}
@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}button{background:#da3633}}
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p>${text}</p>
${form}
</main>
</body>
</html>
`;
}
