/**
 * The article-extraction worker thread: parses pages (linkedom + Readability) off the bot's event loop, so a poll
 * of many feeds does not hold up /ask. One message in ({ id, html, url }), one out ({ id, article } or { id, error }).
 */
import { parentPort } from 'node:worker_threads';
import { lowerThreadPriority } from '../indexCache/threadPriority.js';
import { extractArticle } from './extractArticle.js';

// Pages are extracted in the background: the main thread answering interactions comes first.
lowerThreadPriority();

parentPort?.on('message', (request: { id: number; html: string; url: string }) => {
  try {
    parentPort!.postMessage({ id: request.id, article: extractArticle(request.html, request.url) });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
