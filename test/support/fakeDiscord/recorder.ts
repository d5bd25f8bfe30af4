import type { IncomingHttpHeaders } from 'node:http';

/** A file part of a multipart request (its bytes are not kept). */
export interface RecordedFile {
  /** The form field, e.g. `files[0]`. */
  field: string;
  filename: string;
  size: number;
}

/** One REST request as the fake received it. */
export interface RecordedRequest {
  method: string;
  /** Decoded path without the `/api/v10` prefix, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or the parsed `payload_json` of a multipart body; `undefined` when there was none. */
  body: unknown;
  files: RecordedFile[];
  /** The status the fake answered with. */
  status: number;
  /** The JSON the fake answered with (e.g. the stored message, so a test can click its buttons); `undefined` for 204. */
  response: unknown;
  /** `Date.now()` when it arrived. */
  time: number;
}

/** Picks requests, e.g. `(r) => r.method === 'POST' && r.path.startsWith('/channels/')`. */
export type RequestPredicate = (request: RecordedRequest) => boolean;

interface Waiter {
  predicate: RequestPredicate;
  resolve: (request: RecordedRequest) => void;
}

/** Keeps every request in order and lets tests wait for one. */
export class RequestRecorder {
  /** Every request so far, oldest first. */
  readonly requests: RecordedRequest[] = [];
  private readonly waiters = new Set<Waiter>();

  /** Stores a request and wakes the waiters it matches. */
  record(request: RecordedRequest): void {
    this.requests.push(request);
    for (const waiter of this.waiters) {
      if (waiter.predicate(request)) {
        this.waiters.delete(waiter);
        waiter.resolve(request);
      }
    }
  }

  /**
   * The first recorded request matching `predicate`, or the next one to arrive. Rejects after `timeoutMs` with the
   * list of what did arrive, so a failing test says what the client sent instead.
   * @example await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.endsWith('/@original'))
   */
  waitForRequest(predicate: RequestPredicate, timeoutMs = 5000): Promise<RecordedRequest> {
    const found = this.requests.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms; recorded:\n${this.describe()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** One line per request: `POST /channels/1/messages -> 200`. */
  describe(): string {
    if (this.requests.length === 0) return '  (none)';
    return this.requests.map((r) => `  ${r.method} ${r.path} -> ${r.status}`).join('\n');
  }
}
