import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlertService, matchTopics, type AlertPost } from '../../src/alerts/index.js';
import type { Article } from '../../src/corpus/types.js';
import { renderAlert } from '../../src/discord/render/renderFollow.js';
import type { Reply } from '../../src/discord/reply.js';
import { FollowStore, StateStore } from '../../src/state/index.js';
import { makeArticle } from '../support/makeArticle.js';

const ferry = makeArticle(['The ferry to Inchmore sailed again on Monday after storm damage to the pier was repaired.'], { id: 'feeds/g/ferry.md', headline: 'Ferry service resumes' });
const council = makeArticle(['Councillors voted nine to two for the new sea wall and its funding.'], { id: 'feeds/g/wall.md', headline: 'Council approves sea wall' });
const storm = makeArticle(['A second storm is expected to reach the harbour by Thursday, forecasters said.'], { id: 'feeds/g/storm.md', headline: 'Storm warning' });

let dir: string;
let follows: FollowStore;
let runs: StateStore;
let sent: { channelId: string; reply: Reply }[];
let failing: Set<string>;
let library: Map<string, Article>;
let clock: Date;

function service(): AlertService<Reply> {
  return new AlertService<Reply>({
    follows, runs, article: (id) => library.get(id) ?? null, render: renderAlert, now: () => clock, retryMs: 60_000,
    send: async (channelId, reply) => {
      if (failing.has(channelId)) throw Object.assign(new Error('Missing Access'), { status: 403 });
      sent.push({ channelId, reply });
    },
  });
}
const add = (articles: Article[]) => {
  for (const a of articles) library.set(a.id, a);
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
  runs = StateStore.open(path.join(dir, 'state.db'));
  follows = FollowStore.open(path.join(dir, 'state.db'));
  sent = [];
  failing = new Set();
  library = new Map();
  clock = new Date('2026-11-30T10:00:00Z');
});
afterEach(() => {
  follows.close();
  runs.close();
});

describe('matchTopics', () => {
  it('runs each stored topic against the new articles only, every word required as /ask matches it', () => {
    const matches = matchTopics([{ id: 1, topic: 'ferry storm' }, { id: 2, topic: 'sea wall' }, { id: 3, topic: 'storms' }], [ferry, council, storm]);
    expect(matches).toEqual(expect.arrayContaining([
      { topicId: 1, articleId: 'feeds/g/ferry.md' },
      { topicId: 2, articleId: 'feeds/g/wall.md' },
      { topicId: 3, articleId: 'feeds/g/ferry.md' },
      { topicId: 3, articleId: 'feeds/g/storm.md' },
    ]));
    // "ferry storm" needs both words: the storm warning has no ferry.
    expect(matches).not.toContainEqual({ topicId: 1, articleId: 'feeds/g/storm.md' });
    expect(matches).toHaveLength(4);
  });
});

describe('AlertService', () => {
  it('posts a matching article once per follow, and a restart posts nothing again', async () => {
    const alerts = service();
    await alerts.add('g1', 'c1', 'ferry');
    await alerts.add('g2', 'c2', 'ferry');
    add([ferry, council]);
    expect(await alerts.noteNewArticles([ferry, council])).toBe(2);
    await alerts.deliverDue();
    expect(sent.map((s) => [s.channelId, s.reply.content, s.reply.embeds?.[0]?.title])).toEqual([
      ['c1', 'New on **ferry**:', 'Ferry service resumes'],
      ['c2', 'New on **ferry**:', 'Ferry service resumes'],
    ]);
    await alerts.deliverDue();
    // The same article noted again (a re-index) is not a new match.
    expect(await alerts.noteNewArticles([ferry])).toBe(0);
    const restarted = service();
    await restarted.deliverDue();
    expect(sent).toHaveLength(2);
  });

  it('turns a burst of 50 matching articles into one summary message', async () => {
    const alerts = service();
    await alerts.add('g1', 'c1', 'harbour');
    const burst = Array.from({ length: 50 }, (_, i) => makeArticle([`Harbour report number ${i + 1} from the quay.`], { id: `feeds/g/h${i}.md`, headline: `Harbour report ${i + 1}` }));
    add(burst);
    expect(await alerts.noteNewArticles(burst)).toBe(50);
    await alerts.deliverDue();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.reply.content).toBe('50 new articles on **harbour**:');
    expect(sent[0]?.reply.embeds?.[0]?.description).toContain('… and 30 more');
  });

  it('reports a missing permission in the list, retries it later, and never blocks other servers', async () => {
    const alerts = service();
    const { follow: broken } = await alerts.add('g1', 'gone', 'ferry');
    failing.add('gone');
    await alerts.add('g2', 'c2', 'ferry');
    add([ferry]);
    await alerts.noteNewArticles([ferry]);
    const first = await alerts.deliverDue();
    expect(first.map((r) => r.outcome)).toEqual(['failed', 'posted']);
    expect(sent.map((s) => s.channelId)).toEqual(['c2']);
    expect((await alerts.list('g1'))[0]).toMatchObject({ id: broken.id, pending: 1, lastError: 'HTTP 403: Missing Access' });
    // Not before the retry time; then, once the permission is back, exactly once.
    failing.clear();
    await alerts.deliverDue();
    expect(sent).toHaveLength(1);
    clock = new Date('2026-11-30T10:02:00Z');
    await alerts.deliverDue();
    expect(sent.map((s) => s.channelId)).toEqual(['c2', 'gone']);
    expect((await alerts.list('g1'))[0]).toMatchObject({ pending: 0, lastError: null });
  });

  it('does not post twice when the process stopped after posting but before marking the matches', async () => {
    const alerts = service();
    const { follow } = await alerts.add('g1', 'c1', 'ferry');
    add([ferry]);
    await alerts.noteNewArticles([ferry]);
    // Simulate the stop: deliver through the shared path, then forget the mark by re-adding the match as unposted.
    await alerts.deliverDue();
    follows.close();
    follows = FollowStore.open(path.join(dir, 'state.db'));
    const raw = (follows as unknown as { db: { prepare(sql: string): { run(...args: unknown[]): unknown } } }).db;
    raw.prepare('UPDATE follow_matches SET delivered_run = NULL WHERE follow_id = ?').run(follow.id);
    await service().deliverDue();
    expect(sent).toHaveLength(1);
    expect(follows.pending(follow.id)).toBeNull();
  });

  it('keeps no matches of a removed follow', async () => {
    const alerts = service();
    const { follow } = await alerts.add('g1', 'c1', 'ferry');
    add([ferry]);
    await alerts.noteNewArticles([ferry]);
    expect(await alerts.remove('g1', follow.id)).toBe(true);
    expect(await alerts.remove('g1', follow.id)).toBe(false);
    await alerts.deliverDue();
    expect(sent).toEqual([]);
  });

  it('renders an article removed before posting as a note, not silently', () => {
    const post: AlertPost = { follow: { id: 1, guildId: 'g', channelId: 'c', topic: 'ferry', createdAt: '', lastError: null, lastErrorAt: null, lastPostedAt: null, pending: 2 }, articles: [ferry], missing: ['x.md'] };
    expect(renderAlert(post)[0]?.content).toBe('New on **ferry**:\n(1 more article was removed from the coverage before posting)');
  });
});
