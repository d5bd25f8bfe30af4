/**
 * A feed or page could not be fetched or read. `kind` says what went wrong, so health records and backoff can
 * tell a refusal (private address, not http) from a transient fault (timeout, 503); `retryAfterMs` carries a
 * server's `Retry-After`.
 */
export class FeedFetchError extends Error {
  override name = 'FeedFetchError';
  constructor(
    readonly url: string,
    readonly kind: 'refused' | 'http' | 'timeout' | 'too-large' | 'redirects' | 'network' | 'parse',
    problem: string,
    readonly retryAfterMs: number | null = null,
    readonly status: number | null = null,
  ) {
    super(`${url}: ${problem}`);
  }
}

/** The feeds file is missing a key, has a bad value or is not YAML; the message names the file and the key. */
export class FeedConfigError extends Error {
  override name = 'FeedConfigError';
  constructor(readonly file: string, problem: string) {
    super(`${file}: ${problem}`);
  }
}
