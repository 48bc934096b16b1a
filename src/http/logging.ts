/**
 * Structured JSON log lines: the log function every part of the service is given, the console
 * logger, and the one line per finished request. Query strings are left out (they may hold search terms).
 */

/** One structured log line: level, message and fields (JSON lines on the console by default). */
export type LogFn = (level: 'debug' | 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;

/** Where finished JSON lines go: stdout for info and below, stderr for warnings and errors. */
export interface LogSink {
  out(line: string): void;
  err(line: string): void;
}

/** The console: works in every runtime (Workers collect it as logs). */
export const consoleSink: LogSink = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** A LogFn writing JSON lines at or above `minLevel` to `sink` (default: the console). */
export function consoleLogger(minLevel: keyof typeof LEVELS, sink: LogSink = consoleSink): LogFn {
  return (level, msg, fields) => {
    if (LEVELS[level] < LEVELS[minLevel]) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
    if (level === 'error' || level === 'warn') sink.err(line);
    else sink.out(line);
  };
}

/** The request id to use: the caller's X-Request-Id (bounded) or a new UUID. */
export function requestIdFrom(header: string | null | undefined): string {
  return header?.slice(0, 64) || crypto.randomUUID();
}

/** Writes the one log line of a finished request; `started` is its performance.now(). */
export function logRequest(
  log: LogFn,
  r: { requestId: string; method: string; path: string; status: number; started: number; cache?: 'hit' },
): void {
  const { started, ...fields } = r;
  log('info', 'request', { ...fields, ms: Math.round((performance.now() - started) * 10) / 10 });
}
