import { pino, type Logger } from 'pino';

/** Interaction tokens sit in webhook and callback URLs; each lets its holder edit the bot's reply for 15 minutes. */
const TOKEN_IN_URL = /\b(webhooks\/\d+|interactions\/\d+)\/[^/?\s"]+/gu;

/**
 * Scrubs what must not reach the logs from a serialized error: interaction tokens in URLs (discord.js puts the request
 * URL on its DiscordAPIError) and the request body (the message that failed, which can quote user input).
 * @example scrubError({ url: 'https://x/api/v10/webhooks/1/abc/messages/@original' }).url
 * // => 'https://x/api/v10/webhooks/1/[redacted]/messages/@original'
 */
export function scrubError<T extends Record<string, unknown>>(serialized: T): T {
  const scrubbed: Record<string, unknown> = { ...serialized };
  delete scrubbed['requestBody'];
  for (const key of ['url', 'message', 'stack']) {
    const value = scrubbed[key];
    if (typeof value === 'string') scrubbed[key] = value.replace(TOKEN_IN_URL, '$1/[redacted]');
  }
  return scrubbed as T;
}

/**
 * The process's logger: structured JSON lines on stderr (stdout belongs to console mode's answers), with every field
 * that could hold a secret redacted.
 * @example createLogger('info').info({ articles: 365 }, 'coverage loaded')
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: ['token', '*.token', 'config.discord.token', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
      serializers: { err: (error: Error) => scrubError(pino.stdSerializers.err(error) as unknown as Record<string, unknown>) },
    },
    destination as pino.DestinationStream,
  );
}
