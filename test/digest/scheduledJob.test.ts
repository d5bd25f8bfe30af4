import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { digestJob, runJob } from '../../src/digest/scheduledJob.js';

function capture() {
  const logs: Record<string, unknown>[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  return { logs, log };
}

describe('digestJob', () => {
  it('ticks every minute and runs the due digests', async () => {
    let calls = 0;
    const job = digestJob({ runDue: async () => (calls += 1) });
    expect(job).toMatchObject({ name: 'digest', schedule: '* * * * *' });
    await job.run();
    expect(calls).toBe(1);
  });
});

describe('runJob', () => {
  it('logs start and end and returns true when the job succeeds', async () => {
    const { logs, log } = capture();
    expect(await runJob({ name: 'ok-job', schedule: '* * * * *', run: async () => 'fine' }, log)).toBe(true);
    expect(logs.map((entry) => [entry.job, entry.msg])).toEqual([['ok-job', 'job started'], ['ok-job', 'job finished']]);
  });

  it('logs the failure with the job name and never throws', async () => {
    const { logs, log } = capture();
    const failing = { name: 'bad-job', schedule: '* * * * *', run: async () => { throw new Error('state file locked'); } };
    expect(await runJob(failing, log)).toBe(false);
    expect(logs.at(-1)).toMatchObject({ level: 50, job: 'bad-job', msg: 'job failed', err: { message: 'state file locked' } });
  });
});
