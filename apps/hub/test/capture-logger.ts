import type { FastifyBaseLogger } from 'fastify';

export interface LogEntry {
  level: string;
  obj: Record<string, unknown>;
  msg: string;
}

/** A pino-shaped logger that keeps what it is given (for assertions on refusals being logged). */
export function captureLogger(
  entries: LogEntry[] = [],
): FastifyBaseLogger & { entries: LogEntry[] } {
  const make = (bindings: Record<string, unknown>): FastifyBaseLogger & { entries: LogEntry[] } => {
    const log =
      (level: string) =>
      (obj: unknown, msg?: string): void => {
        const o = typeof obj === 'object' && obj !== null ? (obj as Record<string, unknown>) : {};
        entries.push({
          level,
          obj: { ...bindings, ...o },
          msg: typeof obj === 'string' ? obj : (msg ?? ''),
        });
      };
    return {
      entries,
      level: 'trace',
      fatal: log('fatal'),
      error: log('error'),
      warn: log('warn'),
      info: log('info'),
      debug: log('debug'),
      trace: log('trace'),
      silent: () => undefined,
      child: (more: Record<string, unknown>) => make({ ...bindings, ...more }),
    } as unknown as FastifyBaseLogger & { entries: LogEntry[] };
  };
  return make({});
}
