// Every network's share links, loaded right after the referral card (or the NPS prompt's
// thanks) paints: the row of channels is on screen already, and gets its addresses here.
export { shareUrl } from '@vouch/core';
