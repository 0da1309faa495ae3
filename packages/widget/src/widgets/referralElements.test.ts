import { within } from '@testing-library/dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configWithProgram, landingAnswer } from '../../test/support/referralAnswers.js';
import { type ApiServer, startApiServer } from '../../test/support/startApiServer.js';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
  api.config = (key) => ({ status: 200, body: configWithProgram(key) });
  api.landing = () => ({ status: 200, body: landingAnswer() });
});
afterAll(() => api.close());

describe('<vouch-referral> and <vouch-referral-banner>', () => {
  it('mount themselves once @vouch/widget/elements is imported', async () => {
    history.replaceState(null, '', '/products/soap?ref=ADA7KQ2M');
    await import('../elements.js');
    document.body.innerHTML = `<div data-vouch-site="pk_referralelements_0001" data-vouch-endpoint="${api.url}">
      <vouch-referral></vouch-referral><vouch-referral-banner></vouch-referral-banner></div>`;
    // The widget's module is imported when its element connects: wait for its shadow root.
    const inside = async (tag: string) =>
      within(
        (await vi.waitFor(() => {
          const root = document.querySelector(tag)?.shadowRoot;
          if (!root) throw new Error(`<${tag}> is not mounted yet`);
          return root;
        })) as unknown as HTMLElement,
      );

    const card = await (await inside('vouch-referral')).findByRole('region', {
      name: 'Refer a friend',
    });
    expect(await within(card).findByText(/Sign in or place an order/)).toBeTruthy();
    // The element's client keeps a landing only once something captures it: the banner
    // shows what the `code` attribute names instead.
    document.querySelector('vouch-referral-banner')?.remove();
    document.body.firstElementChild?.insertAdjacentHTML(
      'beforeend',
      '<vouch-referral-banner code="ADA7KQ2M"></vouch-referral-banner>',
    );
    expect(
      await (await inside('vouch-referral-banner')).findByRole('region', {
        name: 'Ada gave you 10% off',
      }),
    ).toBeTruthy();
  });
});
