import { setTimeout as sleep } from 'node:timers/promises';
import type { FakeDiscord, FakeUser, InjectedInteraction, RecordedRequest } from './fakeDiscord/index.js';

/** Options of {@link driveAskLoad}. */
export interface AskLoadOptions {
  /** How many `/ask` interactions to inject. */
  count: number;
  /** Injected per second, evenly spaced. */
  perSecond: number;
  /** Asked in turn. */
  questions: readonly string[];
  /** How long to wait, after the last injection, for every answer. @default 30_000 */
  settleMs?: number;
  /** First user id (each interaction comes from a user of its own). @default 1_280_000_000_000_000_000n */
  firstUserId?: bigint;
}

/** What happened to each injected interaction, and the latencies seen by the fake Discord. */
export interface AskLoadFigures {
  sent: number;
  /** Interactions that got exactly one callback. */
  acknowledged: number;
  /** Interactions whose answer arrived: a public reply in the callback, or the edit after a deferral. */
  answered: number;
  /** Answered in the callback itself (the rest were deferred and edited). */
  direct: number;
  /** Interactions with no answer (no callback, or a deferral never edited) by the end. */
  lost: number;
  /** Interactions answered more than once (two callbacks, or an edit beside a callback reply). */
  duplicated: number;
  /** Interactions whose answer was a private error or refusal (in the callback, or as a follow-up after a deferral). */
  refused: number;
  /** From injection to the callback (acknowledgement), in ms. */
  ackMs: number[];
  /** From injection to the answer (callback reply or edit), in ms. */
  answerMs: number[];
  /** Wall time from the first injection to the last answer, in ms. */
  wallMs: number;
  /** For each lost interaction: its id, the user who sent it, and every request the fake saw for it (method, path, status). */
  lostDetails: LostInteraction[];
}

/** What the fake Discord saw of an interaction that got no answer. */
export interface LostInteraction {
  id: string;
  userId: string;
  requests: { method: string; path: string; status: number; time: number }[];
}

interface Sent {
  interaction: InjectedInteraction;
  userId: string;
  at: number;
}

const DEFERRED_REPLY = 5;
const REPLY = 4;
const EPHEMERAL = 64;

/**
 * Injects `count` `/ask` interactions at `perSecond` (each from a distinct user) into a fake Discord whose bot is
 * running, then reads every interaction's callback and edit from the fake's request log.
 * @example const figures = await driveAskLoad(fake, { count: 1000, perSecond: 100, questions: ASK_QUESTIONS }); figures.lost // => 0
 */
export async function driveAskLoad(fake: FakeDiscord, options: AskLoadOptions): Promise<AskLoadFigures> {
  const { count, perSecond, questions, settleMs = 30_000, firstUserId = 1_280_000_000_000_000_000n } = options;
  const sent: Sent[] = [];
  const started = Date.now();
  for (let index = 0; index < count; index += 1) {
    // Paced against the clock, not by fixed sleeps, so that timer lateness does not lower the rate.
    const due = started + (index * 1000) / perSecond;
    if (due > Date.now()) await sleep(due - Date.now());
    const user: FakeUser = { id: (firstUserId + BigInt(index)).toString(), username: `load-${index}` };
    const question = questions[index % questions.length]!;
    sent.push({ interaction: fake.injectCommand({ name: 'ask', options: { question }, user }), userId: user.id, at: Date.now() });
  }
  const deadline = Date.now() + settleMs;
  let outcome = tally(fake, sent);
  while (outcome.answered + outcome.refused < count && Date.now() < deadline) {
    await sleep(50);
    outcome = tally(fake, sent);
  }
  // A moment more, so that a duplicate answer sent just after the last one is seen.
  await sleep(200);
  outcome = tally(fake, sent);
  return { ...outcome, wallMs: outcome.lastAnswerAt - started, lostDetails: outcome.lostSent.map((lost) => describeLost(fake, lost)) };
}

function describeLost(fake: FakeDiscord, { interaction, userId, at }: Sent): LostInteraction {
  const requests = fake.requests
    .filter((request) => request.path.includes(interaction.token) || request.path.includes(interaction.id))
    .map((request) => ({ method: request.method, path: request.path.replace(interaction.token, '<token>'), status: request.status, time: request.time - at }));
  return { id: interaction.id, userId, requests };
}

function tally(fake: FakeDiscord, sent: readonly Sent[]): Omit<AskLoadFigures, 'wallMs' | 'lostDetails'> & { lastAnswerAt: number; lostSent: Sent[] } {
  const byPath = new Map<string, RecordedRequest[]>();
  for (const request of fake.requests) {
    if (request.status >= 300) continue;
    const list = byPath.get(request.path);
    if (list) list.push(request);
    else byPath.set(request.path, [request]);
  }
  const figures = { sent: sent.length, acknowledged: 0, answered: 0, direct: 0, lost: 0, duplicated: 0, refused: 0, ackMs: [] as number[], answerMs: [] as number[], lastAnswerAt: 0, lostSent: [] as Sent[] };
  for (const one of sent) {
    const { interaction, at } = one;
    const callbacks = (byPath.get(`/interactions/${interaction.id}/${interaction.token}/callback`) ?? []).filter((r) => r.method === 'POST');
    const edits = (byPath.get(`/webhooks/${fake.applicationId}/${interaction.token}/messages/@original`) ?? []).filter((r) => r.method === 'PATCH');
    const first = callbacks[0];
    if (!first) {
      figures.lost += 1;
      figures.lostSent.push(one);
      continue;
    }
    if (callbacks.length === 1) figures.acknowledged += 1;
    figures.ackMs.push(first.time - at);
    const body = first.body as { type?: number; data?: { flags?: number } };
    let answer: RecordedRequest | undefined;
    // A deferral followed by a private answer (the "thinking…" message deleted, an ephemeral follow-up: "quotations
    // still being indexed", an error) is a refusal, not a lost interaction.
    const privateFollowUp = (byPath.get(`/webhooks/${fake.applicationId}/${interaction.token}`) ?? []).some(
      (request) => request.method === 'POST' && (((request.body as { flags?: number } | undefined)?.flags ?? 0) & EPHEMERAL) !== 0,
    );
    if (body.type === DEFERRED_REPLY && edits.length === 0 && privateFollowUp) {
      figures.refused += 1;
      continue;
    }
    if (body.type === DEFERRED_REPLY) answer = edits[0];
    else if (body.type === REPLY && ((body.data?.flags ?? 0) & EPHEMERAL) === 0) {
      answer = first;
      figures.direct += 1;
    } else {
      figures.refused += 1;
      continue;
    }
    if (callbacks.length > 1 || edits.length > (body.type === DEFERRED_REPLY ? 1 : 0)) figures.duplicated += 1;
    if (!answer) {
      figures.lost += 1;
      figures.lostSent.push(one);
      continue;
    }
    figures.answered += 1;
    figures.answerMs.push(answer.time - at);
    figures.lastAnswerAt = Math.max(figures.lastAnswerAt, answer.time);
  }
  return figures;
}
