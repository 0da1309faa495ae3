import { fireEvent, within } from '@testing-library/dom';
import { describe, expect, it, vi } from 'vitest';
import { configWithProgram, referralAnswer } from '../../test/support/referralAnswers.js';
import { useWidgetPage } from '../../test/support/useWidgetPage.js';
import npsWidget from './nps.js';

const page = useWidgetPage();
let sites = 0;

/** The nps widget mounted as the script tag mounts it, with the events it raised. */
function setup(options: Record<string, unknown> = {}) {
  const site = `pk_npswidget_${String(++sites).padStart(14, '0')}`;
  page.api.config = (key) => ({ status: 200, body: configWithProgram(key) });
  const client = page.client(site);
  const events: [string, unknown][] = [];
  for (const name of ['nps:shown', 'nps:submitted', 'nps:dismissed', 'share'] as const)
    client.on(name, (detail) => events.push([name, detail]));
  return { client, events, options };
}

describe('nps widget', () => {
  it("asks with the site's name once it is known, and tells the page what was answered", async () => {
    const { client, events } = setup();
    const { view } = page.show(npsWidget, client, { testimonialUrl: '/reviews/new' });
    const group = await view.findByRole('radiogroup', {
      name: 'How likely are you to recommend Lather & Leaf to a friend or colleague?',
    });
    const [shown] = events;
    expect(shown?.[0]).toBe('nps:shown');
    const { id } = (shown?.[1] ?? {}) as { id?: string };
    expect(id).toMatch(/^vouch-\w+-answer$/);
    fireEvent.click(within(group).getByRole('radio', { name: '4' }));
    // No identified shopper: nobody to contact, so the question is left out.
    const comment = await view.findByRole('textbox', { name: /What went wrong\?/ });
    expect(view.queryByRole('checkbox')).toBeNull();
    fireEvent.input(comment, { target: { value: 'Too slow.' } });
    fireEvent.click(view.getByRole('button', { name: 'Send' }));
    expect(events.slice(1)).toEqual([
      ['nps:submitted', { id, score: 4, category: 'detractor', comment: 'Too slow.' }],
    ]);
    expect(
      (await view.findByRole('link', { name: 'Write a testimonial' })).getAttribute('href'),
    ).toBe('/reviews/new');
  });

  it('takes the merchant option over the site name, and closes on Escape as a dismissal', async () => {
    const { client, events } = setup();
    const { view } = page.show(npsWidget, client, { merchant: 'Soap Co' });
    const group = view.getByRole('radiogroup', { name: /recommend Soap Co to a friend/ });
    fireEvent.keyDown(within(group).getByRole('radio', { name: '0' }), { key: '8' });
    fireEvent.keyDown(group, { key: 'Escape' });
    await vi.waitFor(() => expect(view.queryByRole('region')).toBeNull());
    const { id } = (events[0]?.[1] ?? {}) as { id?: string };
    expect(events).toEqual([
      ['nps:shown', { id }],
      ['nps:dismissed', { id, score: 8 }],
    ]);
  });

  it("loads a promoter's own link from the server, with share buttons", async () => {
    const { client, events } = setup({});
    client.identify({ id: 'customer-ada' });
    page.api.referral = () => ({ status: 200, body: referralAnswer() });
    const { view } = page.show(npsWidget, client, { merchant: 'Lather & Leaf' });
    fireEvent.click(view.getByRole('radio', { name: '10' }));
    fireEvent.click(await view.findByRole('button', { name: 'Send' }));
    const field = (await view.findByRole('textbox', {
      name: 'Your referral link',
    })) as HTMLInputElement;
    expect(field.value).toBe('https://shop.example/products/soap?ref=ADA7KQ2M');
    const email = view.getByRole('link', { name: 'Share via Email' });
    email.addEventListener('click', (event) => event.preventDefault());
    email.click();
    expect(events.at(-1)).toEqual([
      'share',
      {
        channel: 'email',
        url: 'https://shop.example/products/soap?ref=ADA7KQ2M',
        code: 'ADA7KQ2M',
      },
    ]);
  });
});
