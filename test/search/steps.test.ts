import { describe, expect, it } from 'vitest';
import { finishInSteps, finishNow, type Steps } from '../../src/search/steps.js';

/** Ten steps of about `ms` of busy work each, recording when each step ran. */
function* busySteps(ms: number, log: string[]): Steps<number> {
  for (let step = 0; step < 10; step += 1) {
    const until = performance.now() + ms;
    while (performance.now() < until);
    log.push(`step ${step}`);
    yield;
  }
  return 10;
}

describe('finishInSteps', () => {
  it('lets the event loop turn at the first yield once its budget is spent', async () => {
    const log: string[] = [];
    setImmediate(() => log.push('turn'));
    expect(await finishInSteps(busySteps(1, log), 0)).toBe(10);
    expect(log.indexOf('turn')).toBe(1);
  });

  it('runs every step without turning while within its budget', async () => {
    const log: string[] = [];
    setImmediate(() => log.push('turn'));
    await finishInSteps(busySteps(0, log), 10_000);
    expect(log).not.toContain('turn');
  });

  it('returns what finishNow returns', async () => {
    expect(await finishInSteps(busySteps(0, []))).toBe(finishNow(busySteps(0, [])));
  });
});
