// Child process for the "killed write" test: writes to the state file in a loop until it is killed.
import { StateStore } from '../../src/state/stateStore.js';

const file = process.argv[2];
if (!file) throw new Error('usage: writeLoop.ts <state file>');
const store = StateStore.open(file);
const owner = `writer-${process.pid}`;
for (let i = 0; ; i += 1) {
  const now = new Date(Date.UTC(2025, 0, 1) + i * 60_000);
  store.noteArticles([`article-${i}.md`], now);
  const claim = store.claimRun({
    guildId: `guild-${i % 3}`,
    slot: now.toISOString(),
    kind: 'scheduled',
    channelId: 'channel',
    owner,
    now,
    leaseMs: 60_000,
    plan: () => ({ since: null, until: now.toISOString(), articleIds: [`article-${i}.md`] }),
  });
  if (claim.claimed) {
    store.recordPartSent(claim.run.id, owner, 0, now, 60_000);
    store.finishRun(claim.run.id, owner, 'ok', now);
  }
  if (i === 50) process.stdout.write('ready\n');
}
