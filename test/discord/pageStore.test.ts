import { describe, expect, it } from 'vitest';
import { lazyPages, PageStore } from '../../src/discord/pageStore.js';
import type { Reply } from '../../src/discord/reply.js';

const pages: Reply[] = [{ content: 'one' }, { content: 'two' }, { content: 'three' }];
const buttonIds = (reply: Reply) => reply.components!.at(-1)!.components.map((button) => ('custom_id' in button ? button.custom_id : ''));

describe('PageStore', () => {
  it('returns a single page as it is, without buttons', () => {
    expect(new PageStore().open('u', [{ content: 'only' }])).toEqual({ content: 'only' });
  });

  it('adds Back and More buttons and turns pages for the owner', () => {
    const store = new PageStore();
    const first = store.open('u', pages);
    const [back, more] = buttonIds(first);
    expect(store.turn(back!, 'u')).toMatchObject({ ok: true, reply: { content: 'one' } });
    const second = store.turn(more!, 'u');
    expect(second).toMatchObject({ ok: true, reply: { content: 'two' } });
    const last = store.turn(buttonIds((second as { reply: Reply }).reply)[1]!, 'u');
    expect(last).toMatchObject({ ok: true, reply: { content: 'three' } });
  });

  it('gives every button of a message a distinct custom id, disabling the ones that lead nowhere', () => {
    const store = new PageStore();
    const first = store.open('u', pages);
    const ids = buttonIds(first);
    expect(new Set(ids).size).toBe(ids.length);
    const row = first.components!.at(-1)!.components;
    expect(row.map((button) => ('disabled' in button ? button.disabled : undefined))).toEqual([true, false]);
  });

  it('refuses someone else than the owner', () => {
    const store = new PageStore();
    const [, more] = buttonIds(store.open('u', pages));
    expect(store.turn(more!, 'someone-else')).toEqual({ ok: false, reason: 'not-owner' });
  });

  it('expires pages after the time to live', () => {
    let now = 0;
    const store = new PageStore({ ttlMs: 1000, now: () => now });
    const [, more] = buttonIds(store.open('u', pages));
    now = 1001;
    expect(store.turn(more!, 'u')).toEqual({ ok: false, reason: 'expired' });
  });

  it('answers malformed ids without throwing', () => {
    expect(new PageStore().turn('page:zz:notanumber', 'u')).toEqual({ ok: false, reason: 'malformed' });
    expect(new PageStore().turn('', 'u')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('keeps at most maxEntries result sets, forgetting the oldest', () => {
    const store = new PageStore({ maxEntries: 2 });
    const [, firstMore] = buttonIds(store.open('u', pages));
    store.open('u', pages);
    store.open('u', pages);
    expect(store.turn(firstMore!, 'u')).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('lazyPages', () => {
  it('renders a page when it is first turned to, once', () => {
    const rendered: number[] = [];
    const pages = lazyPages(3, (index) => {
      rendered.push(index);
      return { content: `page ${index + 1}` };
    });
    const store = new PageStore();
    const first = store.open('u', pages);
    expect(first.content).toBe('page 1');
    expect(rendered).toEqual([0]);
    const [, more] = buttonIds(first);
    const turned = store.turn(more!, 'u');
    expect(turned).toMatchObject({ ok: true, reply: { content: 'page 2' } });
    store.turn(more!, 'u');
    expect(rendered).toEqual([0, 1]);
    expect(pages.at(3)).toBeUndefined();
    expect(pages.at(-1)).toBeUndefined();
  });
});
