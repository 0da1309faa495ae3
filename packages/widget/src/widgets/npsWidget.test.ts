import { fireEvent, within } from '@testing-library/dom';
import type { VouchClient } from '@vouch/core';
import { describe, expect, it, vi } from 'vitest';
import { configWithProgram, referralAnswer } from '../../test/support/referralAnswers.js';
import { storeNpsAnswer } from '../../test/support/startApiServer.js';
import { useWidgetPage } from '../../test/support/useWidgetPage.js';
import { mount } from '../mount.js';
import npsWidget from './nps.js';

const page = useWidgetPage();
let sites = 0;
/** Lets what a click or key press started (a promise, a loaded module) settle. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const nextSite = () => `pk_npswidget_${String(++sites).padStart(12, '0')}`;

/** A client of a site named "Lather & Leaf" with its referral program on. */
function open() {
  page.api.config = (key) => ({ status: 200, body: configWithProgram(key) });
  return page.client(nextSite());
}

/** The widget mounted as the script tag mounts it, with what the client emitted. */
function show(client: VouchClient, options: Record<string, unknown> = {}) {
  const heard: Array<[string, unknown]> = [];
  for (const name of ['nps:shown', 'nps:submitted', 'nps:dismissed'] as const) {
    client.on(name, (detail) => heard.push([name, detail]));
  }
  return { ...page.show(npsWidget, client, options), heard };
}

const question = 'How likely are you to recommend Lather & Leaf to a friend or colleague?';
const eventsOf = (client: VouchClient, type: string) =>
  page.api.eventsOf(client.getSnapshot().site).filter((event) => event.type === type);

/** The prompt's id, from the `nps:shown` the client emitted first. */
const promptId = (heard: Array<[string, unknown]>) => {
  const [name, detail] = heard[0] ?? [];
  if (name !== 'nps:shown') throw new Error('the prompt was not shown first');
  return (detail as { id: string }).id;
};

const answersTo = (id: string) => page.api.npsAnswers.filter((answer) => answer.id === id);

/** Flushes until an event of `type` has reached the server (the NPS code loads first). */
const sent = (client: VouchClient, type: string) =>
  vi.waitFor(async () => {
    await client.flush();
    expect(eventsOf(client, type).length).toBeGreaterThan(0);
  });

describe('nps widget', () => {
  it('asks in the name of the site and records that it was shown', async () => {
    const client = open();
    const { view, heard } = show(client);
    const group = await view.findByRole('radiogroup', { name: question });
    expect(within(group).getAllByRole('radio')).toHaveLength(11);
    await vi.waitFor(() => expect(heard.map(([name]) => name)).toEqual(['nps:shown']));
    const id = promptId(heard);
    await sent(client, 'nps_shown');
    expect(eventsOf(client, 'nps_shown')).toEqual([expect.objectContaining({ prompt: id })]);
  });

  it("sends a detractor's answer with the consent to be contacted, once", async () => {
    const client = open();
    client.identify({ id: 'customer-ada', email: 'ada@example.com', name: 'Ada' });
    const { view, heard } = show(client, { merchant: 'Lather & Leaf' });
    const group = await view.findByRole('radiogroup', { name: question });
    fireEvent.keyDown(within(group).getByRole('radio', { name: '0' }), { key: '4' });
    await settled();
    fireEvent.input(view.getByRole('textbox', { name: /What went wrong\?/ }), {
      target: { value: 'It arrived late.' },
    });
    await settled();
    fireEvent.click(
      view.getByRole('checkbox', { name: 'Lather & Leaf may contact me about my answer' }),
    );
    await settled();
    fireEvent.click(view.getByRole('button', { name: 'Send' }));
    await settled();
    expect(view.getByText('We will be in touch.')).toBeTruthy();

    // Answered before the recording code had even loaded: it waits for it, in order.
    await vi.waitFor(() =>
      expect(heard.map(([name]) => name)).toEqual(['nps:shown', 'nps:submitted']),
    );
    const id = promptId(heard);
    await vi.waitFor(async () => {
      await client.flush();
      expect(answersTo(id)).toHaveLength(1);
    });
    expect(answersTo(id)[0]).toMatchObject({
      id,
      score: 4,
      comment: 'It arrived late.',
      contact: true,
      email: 'ada@example.com',
      customer: 'customer-ada',
    });
    expect(heard.slice(1)).toEqual([
      ['nps:submitted', expect.objectContaining({ id, score: 4, category: 'detractor' })],
    ]);
    // Acknowledged: nothing is left to send, and nothing is sent again.
    await client.flush();
    expect(answersTo(id)).toHaveLength(1);
    expect(client.getSnapshot().pending).toBe(0);
  });

  it('keeps an answer through a failing server and a reload, and stores it once', async () => {
    const client = open();
    page.api.nps = () => ({
      status: 503,
      body: { error: { code: 'unavailable', message: 'later' } },
    });
    const { view, heard } = show(client);
    const group = await view.findByRole('radiogroup', { name: question });
    fireEvent.click(within(group).getByRole('radio', { name: '8' }));
    await settled();
    fireEvent.click(view.getByRole('button', { name: 'Send' }));
    await settled();
    await vi.waitFor(() => expect(heard.map(([name]) => name)).toContain('nps:submitted'));
    const id = promptId(heard);
    await vi.waitFor(async () => {
      await client.flush();
      expect(answersTo(id).length).toBeGreaterThan(0);
    });
    expect(client.getSnapshot().pending).toBeGreaterThan(0);

    // The next page: a new client over the same storage sends what is still kept.
    const site = client.getSnapshot().site;
    client.destroy();
    page.api.nps = storeNpsAnswer;
    const next = page.client(site);
    await vi.waitFor(async () => {
      await next.flush();
      expect(next.getSnapshot().pending).toBe(0);
    });
    const tries = answersTo(id).length;
    expect(answersTo(id).at(-1)).toMatchObject({ id, score: 8 });
    // Acknowledged: kept no longer, sent no more.
    await next.flush();
    expect(answersTo(id)).toHaveLength(tries);
  });

  it('shows a promoter their referral link after the answer', async () => {
    const client = open();
    client.identify({ id: 'customer-ada' });
    page.api.referral = () => ({ status: 200, body: referralAnswer() });
    const { view } = show(client, { testimonialUrl: '/reviews/new' });
    const group = await view.findByRole('radiogroup', { name: question });
    fireEvent.click(within(group).getByRole('radio', { name: '10' }));
    await settled();
    expect(view.queryByRole('checkbox')).toBeNull();
    fireEvent.click(view.getByRole('button', { name: 'Send' }));
    await settled();
    expect(view.getByRole('link', { name: 'Write a testimonial' })).toBeTruthy();
    const link = (await view.findByRole('textbox', {
      name: 'Your referral link',
    })) as HTMLInputElement;
    expect(link.value).toBe(referralAnswer().link);
    // The share links get their addresses a moment after the row is drawn.
    expect(
      await view.findByRole('link', { name: 'Share via WhatsApp (opens in a new tab)' }),
    ).toBeTruthy();
  });

  it('asks a detractor about contact only once they are identified', async () => {
    const client = open();
    const { view } = show(client);
    const group = await view.findByRole('radiogroup', { name: question });
    fireEvent.click(within(group).getByRole('radio', { name: '2' }));
    await settled();
    expect(view.queryByRole('checkbox')).toBeNull();
    // Signed in meanwhile: now the shop could write back.
    client.identify({ id: 'customer-bo', email: 'bo@example.com' });
    expect(await view.findByRole('checkbox', { name: /may contact me/ })).toBeTruthy();
  });

  it('records a dismissal with the picked score on Escape, and no answer', async () => {
    const client = open();
    const { view, heard, root } = show(client);
    const group = await view.findByRole('radiogroup', { name: question });
    fireEvent.click(within(group).getByRole('radio', { name: '7' }));
    await settled();
    fireEvent.keyDown(view.getByRole('textbox'), { key: 'Escape' });
    await settled();
    expect(root.querySelector('[data-vouch-root]')?.childNodes).toHaveLength(0);
    await vi.waitFor(() => expect(heard.map(([name]) => name)).toContain('nps:dismissed'));
    const id = promptId(heard);
    expect(heard[1]).toEqual(['nps:dismissed', { id, score: 7 }]);
    await sent(client, 'nps_dismissed');
    expect(eventsOf(client, 'nps_dismissed')).toEqual([
      expect.objectContaining({ prompt: id, score: 7 }),
    ]);
    expect(answersTo(id)).toEqual([]);
  });

  it('asks at once in the name the script tag knew, the merchant option first', () => {
    const client = open();
    const group = (options: Record<string, unknown>) => {
      const element = document.body.appendChild(document.createElement('div'));
      mount(element, npsWidget, { client, options, siteName: 'Soap Co' });
      // No wait for the site's settings: the question is there as soon as it is mounted.
      return within(element.shadowRoot as unknown as HTMLElement);
    };
    expect(
      group({}).getByRole('radiogroup', { name: /recommend Soap Co to a friend/ }),
    ).toBeTruthy();
    expect(
      group({ merchant: 'Lather & Leaf' }).getByRole('radiogroup', { name: question }),
    ).toBeTruthy();
  });

  it('takes the merchant option over the site name', async () => {
    const client = open();
    const { view, heard } = show(client, { merchant: 'Soap Co' });
    const group = view.getByRole('radiogroup', { name: /recommend Soap Co to a friend/ });
    fireEvent.keyDown(within(group).getByRole('radio', { name: '0' }), { key: '8' });
    await settled();
    fireEvent.keyDown(group, { key: 'Escape' });
    await settled();
    expect(view.queryByRole('region')).toBeNull();
    await vi.waitFor(() => expect(heard.map(([name]) => name)).toContain('nps:dismissed'));
    expect(heard[1]).toEqual(['nps:dismissed', { id: promptId(heard), score: 8 }]);
  });
});
