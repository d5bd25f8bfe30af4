// Child process for the "two processes on one file" test: tries to claim and finish each of N slots of one
// guild, printing the slots it won as JSON.
import { StateStore } from '../../src/state/stateStore.js';

const [file, countText, startAtText] = process.argv.slice(2);
if (!file || !countText) throw new Error('usage: claimLoop.ts <state file> <slot count> [start at, epoch ms]');
// Both processes start claiming at the same moment, so their transactions interleave.
const startAt = Number(startAtText ?? 0);
while (Date.now() < startAt) await new Promise((resolve) => setTimeout(resolve, 5));
const store = StateStore.open(file, { busyTimeoutMs: 20_000 });
const owner = `process-${process.pid}`;
const won: number[] = [];
const start = Date.UTC(2025, 0, 1);
for (let i = 0; i < Number(countText); i += 1) {
  const now = new Date(start + i * 86_400_000);
  const claim = store.claimRun({
    guildId: 'shared-guild',
    slot: now.toISOString(),
    kind: 'scheduled',
    channelId: 'channel',
    owner,
    now,
    leaseMs: 3_600_000,
    plan: () => ({ since: null, until: now.toISOString(), articleIds: [] }),
  });
  if (claim.claimed) {
    won.push(i);
    store.finishRun(claim.run.id, owner, 'ok', now);
  }
}
store.close();
process.stdout.write(`${JSON.stringify(won)}\n`);
