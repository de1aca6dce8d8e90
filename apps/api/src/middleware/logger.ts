/**
 * Structured JSON logs, one line per event, to stdout (or nowhere, in tests).
 */

/** A log sink. */
export interface Logger {
  readonly info: (msg: string, fields?: Record<string, unknown>) => void
  readonly warn: (msg: string, fields?: Record<string, unknown>) => void
  readonly error: (msg: string, fields?: Record<string, unknown>) => void
}

const line =
  (level: string, write: (s: string) => void) =>
  (msg: string, fields: Record<string, unknown> = {}): void =>
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + "\n")

/** JSON lines to stdout. */
export const jsonLogger = (write: (s: string) => void = (s) => process.stdout.write(s)): Logger => ({
  info: line("info", write),
  warn: line("warn", write),
  error: line("error", write),
})

/** Discards everything (tests). */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
