import { pino, type Logger } from 'pino';

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
    },
    destination as pino.DestinationStream,
  );
}
