/**
 * The state database cannot be reached right now (PostgreSQL restarting, network gone): a passing condition, not a
 * bug. Commands answer "try again shortly"; digests are retried by the next tick, within the grace period.
 */
export class StateUnavailableError extends Error {
  override name = 'StateUnavailableError';

  constructor(
    /** What the driver said, in one line. */
    readonly reason: string,
  ) {
    super(`the state database is unavailable: ${reason}`);
  }
}

/**
 * Driver error codes that mean "cannot reach the database now": sockets, PostgreSQL's shutdown / start-up states,
 * too many connections.
 */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300']);

/**
 * Whether a driver error means the database is out of reach (as opposed to a bad query): connection codes, the
 * connection-exception class `08…`, and node-postgres's own "Connection terminated" / connect timeout messages.
 * @example isUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })) // => true
 */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  const message = error instanceof Error ? error.message : '';
  // 55000 with this message: the database is closed to connections (maintenance), not a bad query.
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|is not currently accepting connections/u.test(message);
}
