/** A digest schedule that cannot be used: a bad cron expression, time of day or time zone. */
export class ScheduleError extends Error {
  override name = 'ScheduleError';

  constructor(
    message: string,
    /** The value that was rejected, as given. */
    readonly value: string,
  ) {
    super(message);
  }
}
