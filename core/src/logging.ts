import { type Logger, pino } from 'pino';

/** Paths pino blanks out wherever they appear in a log line: no secret reaches the logs. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  // The framed dialer's token on /api/events (the URL itself is cleaned in http/app.ts).
  'req.query.access_token',
  'res.headers["set-cookie"]',
  'password',
  'token',
  'authToken',
  'secret',
  '*.password',
  '*.token',
  '*.authToken',
  '*.secret',
  '*.carrierCredentials',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'parley' } },
    destination,
  );
}
