-- Up Migration
-- The text of every article file the ingester wrote (src/feeds/pollFeed.ts), so that every host writes the same file
-- into its own seeds folder and indexes it (src/feeds/articleReplica.ts). Keyed by the seeds-relative path.
CREATE TABLE feed_articles (
  file text PRIMARY KEY,
  body text NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Down Migration
DROP TABLE feed_articles;
