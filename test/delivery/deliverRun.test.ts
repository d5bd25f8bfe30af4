import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverRun } from '../../src/delivery/deliverRun.js';
import { StateStore } from '../../src/state/stateStore.js';

const MINUTE = 60_000;
let stores: StateStore[] = [];

function openStore(): StateStore {
  const store = StateStore.open(path.join(mkdtempSync(path.join(tmpdir(), 'newsdesk-delivery-')), 'state.db'));
  stores.push(store);
  return store;
}

function claim(store: StateStore, owner: string, now: Date) {
  const result = store.claimRun({
    guildId: 'g1',
    slot: 'manual:2025-06-01T08:00:00.000Z',
    kind: 'manual',
    channelId: 'c1',
    owner,
    now,
    leaseMs: 10 * MINUTE,
    plan: () => ({ since: null, until: now.toISOString(), articleIds: ['a.md'] }),
  });
  if (!result.claimed) throw new Error(`not claimed: ${result.reason}`);
  return result.run;
}

afterEach(() => {
  for (const store of stores) store.close();
  stores = [];
});

describe('deliverRun', () => {
  it('sends messages of any kind in order, records each, and marks the run ok', async () => {
    const store = openStore();
    const now = new Date('2025-06-01T08:00:00.000Z');
    const run = claim(store, 'p1', now);
    const sent: string[] = [];
    const result = await deliverRun({ store, run, owner: 'p1', channelId: 'c1', messages: ['one', 'two'], send: async (_, text) => void sent.push(text), now: () => now, leaseMs: 10 * MINUTE, retryMs: 10 * MINUTE });
    expect(result).toEqual({ outcome: 'posted', messages: 2 });
    expect(sent).toEqual(['one', 'two']);
    expect(store.run('g1', run.slot)).toMatchObject({ status: 'ok', partsSent: 2, partsTotal: 2 });
  });

  it('marks a failed run for retry and continues after the last message sent, never sending one twice', async () => {
    const store = openStore();
    const now = new Date('2025-06-01T08:00:00.000Z');
    const sent: string[] = [];
    const refuseTwo = async (_: string, text: string) => {
      if (text === 'two') throw Object.assign(new Error('Missing Permissions'), { status: 403 });
      sent.push(text);
    };
    const first = await deliverRun({ store, run: claim(store, 'p1', now), owner: 'p1', channelId: 'c1', messages: ['one', 'two', 'three'], send: refuseTwo, now: () => now, leaseMs: 10 * MINUTE, retryMs: 10 * MINUTE });
    expect(first).toMatchObject({ outcome: 'failed', status: 403, error: 'HTTP 403: Missing Permissions', retryAt: new Date('2025-06-01T08:10:00.000Z') });
    expect(store.run('g1', 'manual:2025-06-01T08:00:00.000Z')).toMatchObject({ status: 'failed', partsSent: 1 });

    const later = new Date('2025-06-01T08:11:00.000Z');
    const retry = await deliverRun({ store, run: claim(store, 'p2', later), owner: 'p2', channelId: 'c1', messages: ['one', 'two', 'three'], send: async (_, text) => void sent.push(text), now: () => later, leaseMs: 10 * MINUTE, retryMs: 10 * MINUTE });
    expect(retry).toEqual({ outcome: 'posted', messages: 3 });
    expect(sent).toEqual(['one', 'two', 'three']);
  });

  it('stops sending when another process has taken the claim over', async () => {
    const store = openStore();
    const now = new Date('2025-06-01T08:00:00.000Z');
    const run = claim(store, 'p1', now);
    // The lease ran out and p2 took the run over while p1 was still sending.
    claim(store, 'p2', new Date('2025-06-01T08:30:00.000Z'));
    const sent: string[] = [];
    const result = await deliverRun({ store, run, owner: 'p1', channelId: 'c1', messages: ['one', 'two'], send: async (_, text) => void sent.push(text), now: () => now, leaseMs: 10 * MINUTE, retryMs: 10 * MINUTE });
    expect(result).toEqual({ outcome: 'claim-lost', sent: 1 });
    expect(sent).toEqual(['one']);
  });
});
