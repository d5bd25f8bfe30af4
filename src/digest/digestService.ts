import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Article } from '../corpus/types.js';
import { deliverRun } from '../delivery/deliverRun.js';
import { isFinishedRun, type DigestRun, type RunKind } from '../state/types.js';
import { composeDigest, latestArticles } from './composeDigest.js';
import { defaultDigestSettings, resolveGuildSettings, type DigestSettings, type ResolvedGuildSettings } from './digestSettings.js';
import { DigestError } from './DigestError.js';
import type { DigestConfigureInput, DigestPost, DigestPreview, DigestServiceDeps, DigestStatus, GuildOutcome } from './digestTypes.js';
import { selectDigestArticles, type DigestSelection } from './selectDigestArticles.js';
import { checkSchedule, checkTimezone, describeSchedule, nextSlot, parseTimeOfDay, previousSlot } from './slots.js';

export type { DigestConfigureInput, DigestLibrary, DigestPost, DigestPreview, DigestServiceDeps, DigestStatus, GuildOutcome } from './digestTypes.js';

/**
 * Posts each guild's digest on its schedule, never twice and never silently skipped: runs are claimed in the
 * state store before posting, marked done only after their last message, retried after failures, and caught up
 * once at start-up within the grace period. It composes digests as data; `deps.render` and `deps.send` (from
 * `src/main.ts`) make and post the messages, so nothing here knows Discord.
 */
export class DigestService<M = unknown> {
  private readonly settings: DigestSettings;
  private readonly now: () => Date;
  private readonly instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private claims = 0;
  private readonly inFlight = new Set<string>();
  /** Ids this instance has recorded as seen: only the others need a write. */
  private readonly noted = new Set<string>();

  constructor(private readonly deps: DigestServiceDeps<M>) {
    this.settings = { ...defaultDigestSettings, ...deps.settings };
    this.now = deps.now ?? (() => new Date());
    checkSchedule({ cron: this.settings.cron, timezone: this.settings.timezone });
    for (const warning of deps.store.warnings) deps.log.error({ movedTo: warning.movedTo }, warning.message);
  }

  /** Records the first-seen time of every article not seen before (call it when the library reloads). */
  async noteArticles(ids: readonly string[]): Promise<{ added: number; baseline: boolean }> {
    const result = await this.deps.store.noteArticles(ids, this.now());
    if (result.baseline) this.deps.log.info({ articles: ids.length }, 'digest: first start, the current coverage is the baseline');
    else if (result.added > 0) this.deps.log.info({ added: result.added }, 'digest: new articles recorded');
    return result;
  }

  /** The tick: posts every served guild whose latest slot has come and is not done. One guild's failure never stops the others. */
  async runDue(): Promise<GuildOutcome[]> {
    await this.noteCurrentLibrary();
    const outcomes: GuildOutcome[] = [];
    for (const guildId of this.deps.guildIds()) {
      if (this.inFlight.has(guildId)) {
        outcomes.push({ guildId, outcome: 'busy' });
        continue;
      }
      this.inFlight.add(guildId);
      try {
        outcomes.push(await this.runGuild(guildId));
      } catch (error) {
        this.deps.log.error({ err: error, guildId }, 'digest: run failed');
        outcomes.push({ guildId, outcome: 'failed', error: String(error) });
      } finally {
        this.inFlight.delete(guildId);
      }
    }
    return outcomes;
  }

  /** Start-up: posts a slot missed while newsdesk was down once if within the grace period; older ones are recorded as missed. */
  async catchUp(): Promise<GuildOutcome[]> {
    const outcomes = await this.runDue();
    const caught = outcomes.filter((entry) => entry.outcome === 'posted' || entry.outcome === 'missed');
    if (caught.length) this.deps.log.info({ outcomes: caught }, 'digest: start-up catch-up');
    return outcomes;
  }

  /** The digest as it would be posted now (nothing recorded); with nothing new, the latest few articles instead. */
  async preview(guildId: string): Promise<DigestPreview> {
    const resolved = await this.resolve(guildId);
    const until = this.now().toISOString();
    const since = await this.sinceFor(guildId);
    const selection = await this.select(since, until);
    if (selection.carried.length > 0) {
      return { nothingNew: false, articles: selection.carried.length, post: this.compose('preview', selection.carried, since, until, resolved) };
    }
    return { nothingNew: true, articles: 0, post: this.composeLatest(since, until, resolved) };
  }

  /** Posts the digest now (`/digest now post:true`): it counts as the guild's latest digest. Nothing new: nothing posted. */
  async postNow(guildId: string): Promise<DigestPreview> {
    const resolved = await this.resolve(guildId);
    if (!resolved.channelId) throw new DigestError(`guild ${guildId} has no digest channel: choose one with /digest set channel:<channel>, or set DIGEST_CHANNEL_ID`, guildId);
    await this.noteCurrentLibrary();
    // A digest left half-posted is finished first: a new one would repeat its articles.
    const unfinished = await this.deps.store.unfinishedRun(guildId);
    const preview = await this.preview(guildId);
    if (preview.nothingNew && !unfinished) return { ...preview, posted: false, channelId: resolved.channelId };
    const outcome = unfinished
      ? await this.post(guildId, unfinished.slot, unfinished.kind, resolved)
      : await this.post(guildId, `manual:${this.now().toISOString()}`, 'manual', resolved);
    if (outcome.outcome !== 'posted') throw new DigestError(`digest for guild ${guildId} was not posted: ${outcome.error ?? outcome.outcome}`, guildId);
    return { ...preview, posted: true, channelId: resolved.channelId };
  }

  /** A guild's schedule, last run and what the next digest would carry. */
  async status(guildId: string): Promise<DigestStatus> {
    const resolved = await this.resolve(guildId);
    const now = this.now();
    const next = resolved.enabled ? nextSlot(now, resolved.schedule) : null;
    const last = await this.deps.store.latestRun(guildId);
    const since = await this.sinceFor(guildId);
    const selection = await this.select(since, now.toISOString());
    return {
      guildId,
      enabled: resolved.enabled,
      inactiveReason: resolved.inactiveReason,
      channelId: resolved.channelId,
      schedule: describeSchedule(resolved.schedule),
      timezone: resolved.timezone,
      custom: resolved.custom,
      nextRun: next ? { at: next.toISOString() } : null,
      lastRun: last
        ? { slot: last.slot, kind: last.kind, status: last.status, at: last.finishedAt ?? last.startedAt, articles: last.articleIds.length, error: last.error }
        : null,
      next: { since, articles: selection.carried.length, excluded: selection.excluded },
    };
  }

  /** Turns the digest on for a guild, with its channel, time and zone (validated: bad values throw naming them). */
  async configure(guildId: string, input: DigestConfigureInput): Promise<DigestStatus> {
    if (input.time !== undefined) parseTimeOfDay(input.time);
    if (input.timezone !== undefined) checkTimezone(input.timezone);
    const before = await this.resolve(guildId);
    const channelId = input.channelId ?? before.channelId;
    if (!channelId) throw new DigestError(`guild ${guildId} has no digest channel yet: choose one`, guildId);
    const now = this.now();
    if (input.channelId !== undefined && input.channelId !== before.channelId) {
      await this.deps.store.abandonUnfinished(guildId, `channel changed to ${input.channelId}`, now);
    }
    await this.deps.store.updateGuild(
      guildId,
      { channelId, enabled: true, ...(input.time !== undefined ? { time: normaliseTime(input.time) } : {}), ...(input.timezone !== undefined ? { timezone: input.timezone } : {}) },
      now,
      before.enabled,
    );
    this.deps.log.info({ guildId, channelId, time: input.time, timezone: input.timezone }, 'digest: configured');
    return this.status(guildId);
  }

  /** Turns the digest off for a guild (also when it only followed the defaults). */
  async disable(guildId: string): Promise<DigestStatus> {
    await this.deps.store.updateGuild(guildId, { enabled: false }, this.now(), (await this.resolve(guildId)).enabled);
    this.deps.log.info({ guildId }, 'digest: turned off');
    return this.status(guildId);
  }

  private async noteCurrentLibrary(): Promise<void> {
    const fresh = this.deps.library().articles.map((article) => article.id).filter((id) => !this.noted.has(id));
    // The first call always writes: on a fresh file it records the baseline, even of an empty coverage.
    if (fresh.length === 0 && this.noted.size > 0) return;
    await this.noteArticles(fresh);
    for (const id of fresh) this.noted.add(id);
  }

  private async resolve(guildId: string): Promise<ResolvedGuildSettings> {
    const channel = this.settings.channelId;
    const here = channel !== null && (this.deps.guildOfChannel ? this.deps.guildOfChannel(channel) === guildId : true);
    return resolveGuildSettings(await this.deps.store.guild(guildId), this.settings, here);
  }

  /** The next digest starts after the last completed one, or when the guild's digest became active. */
  private async sinceFor(guildId: string): Promise<string | null> {
    const last = (await this.deps.store.lastCompleted(guildId))?.until ?? null;
    const active = (await this.deps.store.guild(guildId))?.activeSince ?? (await this.deps.store.baselineAt());
    if (last === null) return active;
    return active !== null && active > last ? active : last;
  }

  private async select(since: string | null, until: string): Promise<DigestSelection> {
    return selectDigestArticles(this.deps.library().articles, await this.deps.store.firstSeen(), { since, until });
  }

  private async runGuild(guildId: string): Promise<GuildOutcome> {
    const resolved = await this.resolve(guildId);
    if (!resolved.enabled) return { guildId, outcome: 'inactive' };
    const now = this.now();
    const guild = (await this.deps.store.guild(guildId)) ?? (await this.deps.store.ensureGuild(guildId, now));
    const unfinished = await this.deps.store.unfinishedRun(guildId);
    // A digest that sent some of its messages is finished first, whatever its age: its articles are half-posted.
    if (unfinished) return this.post(guildId, unfinished.slot, unfinished.kind, resolved);
    const slot = previousSlot(now, resolved.schedule)?.toISOString();
    if (!slot || slot < guild.scheduleSince) return { guildId, outcome: 'not-due' };
    const existing = await this.deps.store.run(guildId, slot);
    if (existing && isFinishedRun(existing.status)) {
      return { guildId, outcome: 'done', slot };
    }
    const ageHours = (now.getTime() - Date.parse(slot)) / 3_600_000;
    if (ageHours > this.settings.graceHours) {
      const reason = `not posted by ${now.toISOString()}, ${ageHours.toFixed(1)} h after its slot (grace ${this.settings.graceHours} h); the next digest carries its articles`;
      if (await this.deps.store.recordMissed(guildId, slot, reason, now)) this.deps.log.warn({ guildId, slot, channelId: resolved.channelId }, `digest: missed slot: ${reason}`);
      return { guildId, outcome: 'missed', slot };
    }
    return this.post(guildId, slot, 'scheduled', resolved);
  }

  private async post(guildId: string, slot: string, kind: RunKind, resolved: ResolvedGuildSettings): Promise<GuildOutcome> {
    const { store, log } = this.deps;
    const now = this.now();
    const owner = `${this.instance}#${(this.claims += 1)}`;
    const leaseMs = this.settings.leaseMinutes * 60_000;
    // The plan is computed inside the claim's transaction and must be synchronous (PostgreSQL's claim is async):
    // read what it needs first. Within a process the guild is in flight, so nothing changes it meanwhile.
    const since = await this.sinceFor(guildId);
    const until = now.toISOString();
    const selection = await this.select(since, until);
    const claim = await store.claimRun({
      guildId,
      slot,
      kind,
      channelId: resolved.channelId,
      owner,
      now,
      leaseMs,
      plan: () => ({ since, until, articleIds: selection.carried.map((article) => article.id) }),
    });
    if (!claim.claimed) return { guildId, outcome: claim.reason === 'done' ? 'done' : claim.reason, slot };
    const run = claim.run;
    const channelId = run.channelId ?? resolved.channelId!;
    const articles = this.articlesOf(run);
    if (articles.length === 0 && run.partsSent === 0 && this.settings.whenEmpty === 'skip') {
      await store.finishRun(run.id, owner, 'empty-skipped', now);
      log.info({ guildId, slot }, 'digest: nothing new, skipped');
      return { guildId, outcome: 'empty-skipped', slot, articles: 0 };
    }
    const messages = this.deps.render(this.compose('digest', articles, run.since, run.until ?? now.toISOString(), resolved));
    const delivery = await deliverRun({
      store,
      run,
      owner,
      channelId,
      messages,
      send: (channel, message, options) => this.deps.send(channel, message, options),
      now: this.now,
      leaseMs,
      retryMs: this.settings.retryMinutes * 60_000,
    });
    if (delivery.outcome === 'claim-lost') {
      log.warn({ guildId, channelId, slot }, 'digest: another process took this run over; stopped sending');
      return { guildId, outcome: 'claim-lost', slot };
    }
    if (delivery.outcome === 'failed') {
      const { status, retryAt } = delivery;
      const cause = status === 403 || status === 404 ? 'missing channel or permission' : 'Discord error';
      log.warn({ guildId, channelId, slot, status: status ?? undefined, retryAt: retryAt.toISOString(), err: delivery.cause }, `digest: ${cause}; retrying after ${this.settings.retryMinutes} min`);
      return { guildId, outcome: 'failed', slot, error: delivery.error };
    }
    log.info({ guildId, channelId, slot, articles: articles.length, messages: messages.length }, 'digest: posted');
    return { guildId, outcome: 'posted', slot, articles: articles.length };
  }

  /** The run's articles that still exist (a file deleted since is left out). */
  private articlesOf(run: DigestRun): Article[] {
    const byId = new Map(this.deps.library().articles.map((article) => [article.id, article]));
    return run.articleIds.map((id) => byId.get(id)).filter((article): article is Article => article !== undefined);
  }

  private compose(mode: 'digest' | 'preview', articles: readonly Article[], since: string | null, until: string, resolved: ResolvedGuildSettings): DigestPost {
    const library = this.deps.library();
    const digest = composeDigest(articles, {
      since,
      until,
      maxQuotes: this.settings.maxQuotes,
      ...(library.quotesOf ? { quotesOf: (id: string) => library.quotesOf!(id) } : {}),
    });
    return { mode, digest, timezone: resolved.timezone, maxMessages: this.settings.maxMessages };
  }

  private composeLatest(since: string | null, until: string, resolved: ResolvedGuildSettings): DigestPost {
    const latest = latestArticles(this.deps.library().articles, this.settings.latestCount);
    return { mode: 'latest', digest: composeDigest(latest, { since, until, maxQuotes: 0 }), timezone: resolved.timezone, maxMessages: 1 };
  }

}

function normaliseTime(text: string): string {
  const { hour, minute } = parseTimeOfDay(text);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
