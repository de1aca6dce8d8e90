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

/**
 * JSON lines to stdout, written once per turn of the event loop: at thousands of requests a second one write
 * carries many lines instead of one system call per request. `flush` writes what is pending now; lines still
 * pending when the process exits are written then.
 */
export const jsonLogger = (
  write: (s: string) => void = (s) => process.stdout.write(s),
): Logger & { readonly flush: () => void } => {
  let pending: Array<string> = []
  let scheduled = false
  const flush = (): void => {
    scheduled = false
    if (pending.length === 0) return
    const out = pending.join("")
    pending = []
    write(out)
  }
  const push = (s: string): void => {
    pending.push(s)
    if (!scheduled) {
      scheduled = true
      setImmediate(flush)
    }
  }
  process.once("exit", flush)
  return { info: line("info", push), warn: line("warn", push), error: line("error", push), flush }
}

/** Discards everything (tests). */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
