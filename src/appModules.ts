/**
 * The modules src/main.ts assembles the running app from, beyond what building the library needs: loaded in one
 * dynamic import while the library builds (worker threads parsing, the cache file read on the thread pool), not before
 * it starts. Statically imported by main.ts they cost 0.3-0.7 s of the start (the slash command builders and
 * discord-api-types alone 0.3 s), all of it on the way to the first answer (issue #15).
 */
export { commands, registrationBodies } from '../commands/index.js';
export { runConsole } from './console/runConsole.js';
export { PageStore } from './discord/pageStore.js';
export { Router } from './discord/router.js';
export { renderDigestPost } from './discord/render/renderDigest.js';
export { renderAlert } from './discord/render/renderFollow.js';
export { plural } from './discord/texts.js';
export { watchSeeds } from './corpus/watchSeeds.js';
export { DigestService } from './digest/digestService.js';
export { digestJob, startJob } from './digest/scheduledJob.js';
export { AlertService, alertsJob } from './alerts/index.js';
export { FEEDS_FOLDER } from './feeds/writeArticleFile.js';
export { feedStoreFor, followStoreFor, isPostgres, openStateBackend } from './state/openStateBackend.js';
export { createLogger } from './log.js';
export { RateLimiter } from './rateLimiter.js';
