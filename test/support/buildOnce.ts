/**
 * vitest global setup: compiles dist/ once before the suite when a source is newer than it. Tests that run `npm start`
 * (console mode) would otherwise each find dist/ stale and rebuild it at the same time.
 */
import { build, isStale } from '../../scripts/build.mjs';

export default async function setup(): Promise<void> {
  if (isStale()) await build();
}
