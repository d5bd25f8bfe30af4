import { describe, expect, it } from 'vitest';
import { HostGate, nextPollAt } from '../../src/feeds/index.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('HostGate', () => {
  it('runs one task at a time per host and different hosts in parallel', async () => {
    const gate = new HostGate();
    const running = new Map<string, number>();
    const peak = new Map<string, number>();
    const task = (host: string) => async () => {
      running.set(host, (running.get(host) ?? 0) + 1);
      peak.set(host, Math.max(peak.get(host) ?? 0, running.get(host)!));
      await tick(5);
      running.set(host, running.get(host)! - 1);
    };
    let overlapped = false;
    const watcher = setInterval(() => {
      if ((running.get('a.org') ?? 0) > 0 && (running.get('b.org') ?? 0) > 0) overlapped = true;
    }, 1);
    await Promise.all([
      ...Array.from({ length: 4 }, (_, i) => gate.run(`https://a.org/${i}`, task('a.org'))),
      ...Array.from({ length: 4 }, (_, i) => gate.run(`https://b.org/${i}`, task('b.org'))),
    ]);
    clearInterval(watcher);
    expect(peak.get('a.org')).toBe(1);
    expect(peak.get('b.org')).toBe(1);
    expect(overlapped).toBe(true);
  });

  it('keeps going after a task fails', async () => {
    const gate = new HostGate();
    await expect(gate.run('https://a.org/1', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run('https://a.org/2', () => Promise.resolve(2))).resolves.toBe(2);
  });
});

describe('nextPollAt', () => {
  const now = new Date('2026-11-30T10:00:00Z');
  it('waits the interval, with jitter of at most 10% either way', () => {
    expect(nextPollAt(now, { everyMinutes: 15, failures: 0, retryAfterMs: null, random: () => 0.5 }).toISOString()).toBe('2026-11-30T10:15:00.000Z');
    expect(nextPollAt(now, { everyMinutes: 10, failures: 0, retryAfterMs: null, random: () => 0 }).toISOString()).toBe('2026-11-30T10:09:00.000Z');
    expect(nextPollAt(now, { everyMinutes: 10, failures: 0, retryAfterMs: null, random: () => 1 }).toISOString()).toBe('2026-11-30T10:11:00.000Z');
  });
  it('doubles the interval per failure, at most a day, and never polls before Retry-After', () => {
    expect(nextPollAt(now, { everyMinutes: 15, failures: 3, retryAfterMs: null, random: () => 0.5 }).toISOString()).toBe('2026-11-30T12:00:00.000Z');
    expect(nextPollAt(now, { everyMinutes: 15, failures: 30, retryAfterMs: null, random: () => 0.5 }).toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(nextPollAt(now, { everyMinutes: 15, failures: 1, retryAfterMs: 3 * 3600_000, random: () => 0.5 }).toISOString()).toBe('2026-11-30T13:00:00.000Z');
  });
});
