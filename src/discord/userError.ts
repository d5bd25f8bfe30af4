/**
 * A refusal meant for the user (bad option, nothing to show, not allowed): the router answers with its message,
 * ephemerally, and logs it at debug level only. Any other error is ours: logged, and answered with a generic text.
 */
export class UserError extends Error {
  override name = 'UserError';
}
