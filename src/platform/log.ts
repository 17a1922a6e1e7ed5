import type { FastifyServerOptions } from 'fastify';

/**
 * Structured JSON logs. Requests are logged by method, path (query strings can carry personal data,
 * so they are dropped), status and time; cookies, headers and bodies never reach the log.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: ['req.headers', 'res.headers', '*.password', '*.idNumber', '*.phone'], remove: true },
    serializers: {
      req: (req: { method: string; url: string; ip?: string; id?: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
