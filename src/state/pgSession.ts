import type pg from 'pg';

/** What a statement runs on: a transaction's client, or the pool. */
export interface Queryable {
  query<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>>;
}

/**
 * The connections of one `PostgresStateStore`, lent to the feed and follow stores so that a process keeps one pool:
 * `query` runs one statement, `transaction` runs `work` in one transaction (rolled back when it throws). Both turn a
 * lost connection into a `StateUnavailableError` (callers answer "try again shortly").
 */
export interface PgSession extends Queryable {
  transaction<T>(work: (client: Queryable) => Promise<T>): Promise<T>;
}
