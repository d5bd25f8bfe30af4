/**
 * The PostgreSQL state database (`DATABASE_URL`) cannot be used: unreachable, refused the login, or a migration
 * failed. The message is one line that names the variable and never repeats its value (it holds a password).
 */
export class StateDatabaseError extends Error {
  override name = 'StateDatabaseError';
  /** The variable the operator fixes. */
  readonly variable = 'DATABASE_URL';

  constructor(problem: string) {
    super(`DATABASE_URL: ${problem}`);
  }
}
