import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { StateStore } from '../../src/state/stateStore.js';
import { makeArticle } from './makeArticle.js';
import { Harness } from './serviceHarness.js';
import { renderDigestPost } from '../../src/discord/render/renderDigest.js';

let harness: Harness;

afterEach(() => {
  harness.close();
  rmSync(harness.dir, { recursive: true, force: true });
});

/** Starts a harness whose library already holds `baseline` articles, noted as the baseline at `start`. */
async function started(start: string, baseline = ['old-1.md', 'old-2.md']) {
  harness = new Harness(start);
  harness.articles = baseline.map((id) => makeArticle(id));
  return harness;
}

function headlineCount(h: Harness): number {
  return h.sent.reduce((sum, entry) => sum + (entry.reply.embeds ?? []).reduce((n, embed) => n + (embed.fields?.length ?? 0), 0), 0);
}

describe('DigestService.runDue', () => {
  it('takes the coverage present on the very first start as the baseline and posts only later arrivals', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    const service = h.service();
    expect(await service.catchUp()).toEqual([{ guildId: 'g1', outcome: 'not-due' }]);
    h.articles.push(makeArticle('new.md'));
    h.at('2025-06-01T08:00:00.000Z');
    expect(await service.runDue()).toEqual([{ guildId: 'g1', outcome: 'posted', slot: '2025-06-01T08:00:00.000Z', articles: 1 }]);
    expect(h.sentIds()).toEqual(['new.md']);
    expect(h.sent[0]?.channelId).toBe('c1');
  });

  it('posts once per local day at local 08:00 across the October change in Europe/London', async () => {
    const h = await started('2025-10-24T00:00:00.000Z');
    const service = h.service({ timezone: 'Europe/London' });
    await service.catchUp();
    let day = 0;
    // Tick every 10 minutes for four days; a new article arrives every day at noon UTC.
    for (let t = Date.parse('2025-10-24T00:10:00.000Z'); t <= Date.parse('2025-10-28T00:00:00.000Z'); t += 10 * 60_000) {
      h.at(new Date(t).toISOString());
      if (h.clock.getUTCHours() === 12 && h.clock.getUTCMinutes() === 0) h.articles.push(makeArticle(`day-${(day += 1)}.md`));
      await service.runDue();
    }
    expect(h.sent.map((entry) => entry.at)).toEqual([
      '2025-10-25T07:00:00.000Z',
      '2025-10-26T08:00:00.000Z',
      '2025-10-27T08:00:00.000Z',
    ]);
    expect(h.sentIds()).toEqual(['day-1.md', 'day-2.md', 'day-3.md']);
  });

  it('posts once per local day across the March change, for a guild that set its own time and zone', async () => {
    const h = await started('2025-03-28T00:00:00.000Z');
    const service = h.service();
    await service.configure('g1', { channelId: 'c9', time: '8:00', timezone: 'Europe/London' });
    await service.catchUp();
    for (let t = Date.parse('2025-03-28T00:10:00.000Z'); t <= Date.parse('2025-04-01T00:00:00.000Z'); t += 10 * 60_000) {
      h.at(new Date(t).toISOString());
      if (h.clock.getUTCHours() === 12 && h.clock.getUTCMinutes() === 0) h.articles.push(makeArticle(`${h.clock.toISOString()}.md`));
      await service.runDue();
    }
    expect(h.sent.map((entry) => [entry.at, entry.channelId])).toEqual([
      ['2025-03-29T08:00:00.000Z', 'c9'],
      ['2025-03-30T07:00:00.000Z', 'c9'],
      ['2025-03-31T07:00:00.000Z', 'c9'],
    ]);
  });

  it('does not post again after a restart on the same state file', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    await h.service().catchUp();
    h.articles.push(makeArticle('new.md'));
    h.at('2025-06-01T08:00:00.000Z');
    await h.service().runDue();
    h.at('2025-06-01T08:01:00.000Z');
    const restarted = h.service();
    expect(await restarted.catchUp()).toEqual([{ guildId: 'g1', outcome: 'done', slot: '2025-06-01T08:00:00.000Z' }]);
    expect(h.sent).toHaveLength(1);
  });

  it('catches a run missed while down up once at start-up, not once per missed run', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    await h.service().catchUp();
    h.articles.push(makeArticle('during-downtime-1.md'));
    // Down for two days: the slots of 1, 2 and 3 June passed; 3 June 08:00 is within the grace period.
    h.at('2025-06-03T09:30:00.000Z');
    h.articles.push(makeArticle('during-downtime-2.md'));
    const service = h.service();
    const outcomes = await service.catchUp();
    expect(outcomes).toEqual([{ guildId: 'g1', outcome: 'posted', slot: '2025-06-03T08:00:00.000Z', articles: 2 }]);
    h.at('2025-06-03T09:31:00.000Z');
    await service.runDue();
    expect(h.sent).toHaveLength(1);
    expect(h.sentIds().sort()).toEqual(['during-downtime-1.md', 'during-downtime-2.md']);
  });

  it('records a run missed beyond the grace period, posts nothing, and carries its articles next time', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    await h.service().catchUp();
    h.articles.push(makeArticle('late.md'));
    h.at('2025-06-01T14:30:00.000Z');
    const service = h.service({ graceHours: 6 });
    expect(await service.catchUp()).toEqual([{ guildId: 'g1', outcome: 'missed', slot: '2025-06-01T08:00:00.000Z' }]);
    expect(h.sent).toEqual([]);
    expect((await service.status('g1')).lastRun).toMatchObject({ status: 'missed', error: expect.stringContaining('grace 6 h') });
    expect(h.logs.some((entry) => entry.level === 40 && entry.guildId === 'g1' && String(entry.msg).includes('missed slot'))).toBe(true);
    h.at('2025-06-02T08:00:00.000Z');
    await service.runDue();
    expect(h.sentIds()).toEqual(['late.md']);
  });

  it('skips an empty digest by default and records it as done', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    const service = h.service();
    await service.catchUp();
    h.at('2025-06-01T08:00:00.000Z');
    expect(await service.runDue()).toEqual([{ guildId: 'g1', outcome: 'empty-skipped', slot: '2025-06-01T08:00:00.000Z', articles: 0 }]);
    expect(h.sent).toEqual([]);
    expect((await service.status('g1')).lastRun?.status).toBe('empty-skipped');
  });

  it('posts a short note when empty in post mode', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    const service = h.service({ whenEmpty: 'post' });
    await service.catchUp();
    h.at('2025-06-01T08:00:00.000Z');
    await service.runDue();
    expect(h.sent.map((entry) => entry.reply.content)).toEqual(['**Daily digest**\nNo new coverage since Sun 1 Jun 2025 07:00 (UTC).']);
  });

  it('splits a large digest across messages, all to the same channel, each article once', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    const service = h.service({ maxMessages: 20 });
    await service.catchUp();
    for (let i = 0; i < 60; i += 1) {
      h.articles.push(makeArticle(`n${String(i).padStart(2, '0')}.md`, { section: `S${i % 7}`, standfirst: 'A fairly long standfirst '.repeat(8) }));
    }
    h.at('2025-06-01T08:00:00.000Z');
    await service.runDue();
    expect(h.sent.length).toBeGreaterThan(1);
    expect(new Set(h.sent.map((entry) => entry.channelId))).toEqual(new Set(['c1']));
    expect(headlineCount(h)).toBe(60);
  });

  it('retries a guild whose channel refuses (403) at the next run, while another guild is still posted', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    h.guilds = ['g1', 'g2'];
    const service = h.service({ retryMinutes: 10 });
    await service.configure('g1', { channelId: 'c-locked' });
    await service.configure('g2', { channelId: 'c-open' });
    await service.catchUp();
    h.articles.push(makeArticle('new.md'));
    h.refusing.set('c-locked', 403);
    h.at('2025-06-01T08:00:00.000Z');
    const first = await service.runDue();
    expect(first.map((entry) => [entry.guildId, entry.outcome])).toEqual([['g1', 'failed'], ['g2', 'posted']]);
    expect(first[0]?.error).toBe('HTTP 403: Missing Permissions');
    const warning = h.logs.find((entry) => entry.level === 40 && entry.guildId === 'g1');
    expect(warning).toMatchObject({ channelId: 'c-locked', status: 403, msg: 'digest: missing channel or permission; retrying after 10 min' });
    expect((await service.status('g1')).lastRun).toMatchObject({ status: 'failed', error: 'HTTP 403: Missing Permissions' });

    // Before the retry time nothing is tried; once the permission is fixed, the next run posts it once.
    h.at('2025-06-01T08:05:00.000Z');
    expect((await service.runDue())[0]?.outcome).toBe('waiting');
    h.refusing.delete('c-locked');
    h.at('2025-06-01T08:10:00.000Z');
    expect((await service.runDue()).map((entry) => entry.outcome)).toEqual(['posted', 'done']);
    expect(h.sent.map((entry) => entry.channelId)).toEqual(['c-open', 'c-locked']);
  });

  it('treats a missing channel (404) the same way: logged and retried, never blocking', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    const service = h.service({ retryMinutes: 10 });
    await service.catchUp();
    h.articles.push(makeArticle('new.md'));
    h.refusing.set('c1', 404);
    h.at('2025-06-01T08:00:00.000Z');
    expect((await service.runDue())[0]?.error).toBe('HTTP 404: Unknown Channel');
    h.refusing.delete('c1');
    h.at('2025-06-01T08:10:00.000Z');
    expect((await service.runDue())[0]?.outcome).toBe('posted');
  });

  it('does not mark a digest done after a Discord error mid-post, and the retry continues without re-posting', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    const service = h.service({ maxMessages: 20, retryMinutes: 10 });
    await service.catchUp();
    for (let i = 0; i < 40; i += 1) h.articles.push(makeArticle(`n${i}.md`, { section: `S${i % 9}`, standfirst: 'Long standfirst words '.repeat(10) }));
    h.at('2025-06-01T08:00:00.000Z');
    h.failSendNumber = 2;
    expect((await service.runDue())[0]?.outcome).toBe('failed');
    expect(h.sent).toHaveLength(1);
    expect((await service.status('g1')).lastRun?.status).toBe('failed');

    // A restart in between: the new process continues the same run.
    h.at('2025-06-01T08:10:00.000Z');
    const restarted = h.service({ maxMessages: 20, retryMinutes: 10 });
    expect((await restarted.runDue())[0]?.outcome).toBe('posted');
    expect(headlineCount(h)).toBe(40);
    expect(h.sent[1]?.reply.content).toMatch(/^\*\*Daily digest\*\* \(continued, 2\/\d+\)$/);
    expect((await restarted.status('g1')).lastRun?.status).toBe('ok');
  });

  it('posts a guild once when two services (two connections) share the state file', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    await h.service().catchUp();
    h.articles.push(makeArticle('new.md'));
    h.at('2025-06-01T08:00:00.000Z');
    // The first service is slow to send: the second runs while the first holds the claim.
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = h.service({}, { send: async (channelId, reply) => { await gate; await h.send(channelId, reply); } });
    const fast = h.service();
    const slowRun = slow.runDue();
    expect(await fast.runDue()).toEqual([{ guildId: 'g1', outcome: 'busy', slot: '2025-06-01T08:00:00.000Z' }]);
    release();
    expect((await slowRun)[0]?.outcome).toBe('posted');
    expect(await fast.runDue()).toEqual([{ guildId: 'g1', outcome: 'done', slot: '2025-06-01T08:00:00.000Z' }]);
    expect(h.sent).toHaveLength(1);
  });

  it('applies the default channel only to the guild that owns it', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    h.guilds = ['g1', 'g2'];
    const service = h.service({}, { guildOfChannel: (id) => (id === 'c1' ? 'g2' : null) });
    await service.catchUp();
    h.articles.push(makeArticle('new.md'));
    h.at('2025-06-01T08:00:00.000Z');
    expect((await service.runDue()).map((entry) => [entry.guildId, entry.outcome])).toEqual([['g1', 'inactive'], ['g2', 'posted']]);
    expect((await service.status('g1')).inactiveReason).toBe('no-channel');
  });
});

describe('DigestService.configure', () => {
  it('refuses a bad time or zone naming the value', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    const service = h.service();
    await expect(service.configure('g1', { time: '25:00' })).rejects.toThrow('time "25:00" is not a 24-hour HH:MM time such as 08:00');
    await expect(service.configure('g1', { timezone: 'Europe/Londres' })).rejects.toThrow('time zone "Europe/Londres" is not an IANA time zone');
  });

  it('does not fire a slot that passed before the change', async () => {
    const h = await started('2025-06-01T10:00:00.000Z');
    const service = h.service({ channelId: null });
    await service.catchUp();
    await service.configure('g1', { channelId: 'c5', time: '09:00' });
    h.at('2025-06-01T10:01:00.000Z');
    h.articles.push(makeArticle('new.md'));
    expect((await service.runDue())[0]?.outcome).toBe('not-due');
    h.at('2025-06-02T09:00:00.000Z');
    expect((await service.runDue())[0]?.outcome).toBe('posted');
  });

  it('needs a channel when none is known', async () => {
    const h = await started('2025-06-01T10:00:00.000Z');
    const service = h.service({ channelId: null });
    await expect(service.configure('g1', { time: '09:00' })).rejects.toThrow('guild g1 has no digest channel yet: choose one');
  });
});

describe('DigestService.disable', () => {
  it('stops a guild that followed the defaults', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    const service = h.service();
    await service.catchUp();
    h.articles.push(makeArticle('new.md'));
    expect(await service.disable('g1')).toMatchObject({ enabled: false, inactiveReason: 'off', nextRun: null });
    h.at('2025-06-01T08:00:00.000Z');
    expect((await service.runDue())[0]?.outcome).toBe('inactive');
    expect(h.sent).toEqual([]);
  });
});

describe('DigestService.status', () => {
  it('gives the next run in the guild zone, the last run, and what the next digest carries and excludes', async () => {
    const h = await started('2025-06-01T06:00:00.000Z');
    const service = h.service({ timezone: 'Europe/London' });
    await service.catchUp();
    h.articles.push(makeArticle('a.md'));
    h.at('2025-06-01T06:30:00.000Z');
    await service.runDue();
    // 08:00 in London (BST) is 07:00 UTC.
    h.at('2025-06-01T07:00:00.000Z');
    await service.runDue();
    h.articles.push(makeArticle('b.md'));
    h.at('2025-06-01T07:30:00.000Z');
    await service.runDue();
    const status = await service.status('g1');
    expect(status).toMatchObject({
      enabled: true,
      channelId: 'c1',
      schedule: 'cron `0 8 * * *` (Europe/London)',
      nextRun: { at: '2025-06-02T07:00:00.000Z' },
      lastRun: { slot: '2025-06-01T07:00:00.000Z', status: 'ok', articles: 1 },
      next: { articles: 1, excluded: { baseline: 2, earlier: 1, later: 0, unrecorded: 0 } },
    });
  });
});

describe('DigestService.preview and postNow', () => {
  it('previews what is new without recording anything', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    const service = h.service();
    await service.catchUp();
    h.articles.push(makeArticle('new.md'));
    h.at('2025-06-01T07:10:00.000Z');
    await service.runDue();
    const preview = await service.preview('g1');
    expect(preview).toMatchObject({ nothingNew: false, articles: 1, post: { mode: 'preview', timezone: 'UTC' } });
    expect(preview.post.digest.sections.flatMap((section) => section.items.map((item) => item.id))).toEqual(['new.md']);
    expect(renderDigestPost(preview.post)[0]?.content).toContain('**Digest preview**');
    expect((await service.status('g1')).lastRun).toBeNull();
  });

  it('shows the latest articles by date when nothing is new', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    h.articles = [makeArticle('x.md', { date: '2011-01-01' }), makeArticle('y.md', { date: '2012-02-06' })];
    const service = h.service();
    await service.catchUp();
    const preview = await service.preview('g1');
    expect(preview.nothingNew).toBe(true);
    expect(preview.post.mode).toBe('latest');
    const [reply] = renderDigestPost(preview.post);
    expect(reply?.content).toBe('**Digest preview**\nNothing new since Sun 1 Jun 2025 07:00 (UTC). The latest 2 articles by date:');
    expect(reply?.embeds?.[0]?.fields?.map((field) => field.name)).toEqual(['Headline of y.md', 'Headline of x.md']);
  });

  it('posts now, and the next scheduled digest carries only what arrives after', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    const service = h.service();
    await service.catchUp();
    h.articles.push(makeArticle('first.md'));
    h.at('2025-06-01T07:30:00.000Z');
    expect(await service.postNow('g1')).toMatchObject({ posted: true, articles: 1, channelId: 'c1' });
    h.articles.push(makeArticle('second.md'));
    h.at('2025-06-01T08:00:00.000Z');
    await service.runDue();
    expect(h.sentIds()).toEqual(['first.md', 'second.md']);
  });

  it('posts nothing now when nothing is new', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    const service = h.service();
    await service.catchUp();
    expect(await service.postNow('g1')).toMatchObject({ posted: false, nothingNew: true });
    expect(h.sent).toEqual([]);
  });

  it('refuses to post now without a channel', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    const service = h.service({ channelId: null });
    await expect(service.postNow('g1')).rejects.toThrow('guild g1 has no digest channel: choose one with /digest set channel:<channel>, or set DIGEST_CHANNEL_ID');
  });
});

describe('DigestService with a corrupted state file', () => {
  it('logs the file set aside at error level', async () => {
    const h = await started('2025-06-01T07:00:00.000Z');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(h.file, 'garbage'.repeat(1000));
    h.service();
    const error = h.logs.find((entry) => entry.level === 50);
    expect(String(error?.msg)).toContain('is corrupted');
    expect(String(error?.movedTo)).toContain('state.db.corrupt-');
    StateStore.open(h.file).close();
  });
});
