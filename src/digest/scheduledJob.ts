import { schedule as scheduleCron } from 'node-cron';
import type { Logger } from 'pino';

/** Scheduled work (style habit 8): what it is called, when it runs, and the work itself. */
export interface ScheduledJob {
  name: string;
  /** node-cron expression of when it runs. */
  schedule: string;
  run(): Promise<unknown>;
}

/** A job started by `startJob`. */
export interface StartedJob {
  stop(): Promise<void>;
}

/**
 * The digest tick: every minute, post every guild whose slot has come. Ticking each minute (rather than at the
 * cron times) lets each guild keep its own time and zone, and makes a failed post retry on its own.
 * @example digestJob(service).schedule // => '* * * * *'
 */
export function digestJob(service: { runDue(): Promise<unknown> }): ScheduledJob {
  return { name: 'digest', schedule: '* * * * *', run: () => service.runDue() };
}

/**
 * Runs a job once, logging start (debug), end and failure; never throws, so one bad tick cannot stop the timer.
 * Returns whether it succeeded.
 * @example await runJob(digestJob(service), log) // => true
 */
export async function runJob(job: ScheduledJob, log: Logger): Promise<boolean> {
  const started = Date.now();
  log.debug({ job: job.name }, 'job started');
  try {
    const result = await job.run();
    log.debug({ job: job.name, ms: Date.now() - started, result }, 'job finished');
    return true;
  } catch (error) {
    log.error({ job: job.name, ms: Date.now() - started, err: error }, 'job failed');
    return false;
  }
}

/**
 * Starts a job on its schedule with node-cron; a tick that is still running when the next is due is skipped
 * (`noOverlap`), never run twice at once.
 * @example const job = startJob(digestJob(service), log); await job.stop();
 */
export function startJob(job: ScheduledJob, log: Logger): StartedJob {
  const task = scheduleCron(job.schedule, async () => void (await runJob(job, log)), { name: job.name, noOverlap: true });
  return { stop: async () => void (await task.destroy()) };
}
