/**
 * Roster uploads parsed off the event loop. Reading a 100,000-row file and mapping it with Roster.fromRows takes
 * seconds of CPU; on the request's thread that would stall every other request, so files from `inProcessBelow` bytes
 * up go to a worker thread (one per upload, ended when it answers) and come back by structured clone.
 */
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { pathToFileURL } from "node:url"
import { availableParallelism } from "node:os"
import { type ResourceLimits, Worker, type WorkerOptions } from "node:worker_threads"
import { HttpProblem, type ProblemIssue } from "../http/problem.js"
import type { Format } from "./files.js"
import { parseRoster, type ParsedRoster } from "./parse.js"

/** The worker's one message back. */
export type WorkerAnswer =
  | { readonly ok: true; readonly parsed: ParsedRoster }
  | {
      readonly ok: false
      readonly problem: Pick<HttpProblem, "status" | "type" | "title" | "detail"> & {
        readonly issues: ReadonlyArray<ProblemIssue>
      }
    }
  | { readonly ok: false; readonly error: string }

/** The worker died or went silent: a server fault (the app logs it and answers 500), not the file's. */
export class RosterWorkerError extends Error {
  override readonly name = "RosterWorkerError"
}

/** Options of {@link parseUpload}. */
export interface UploadOptions {
  /** Smaller files are parsed on the calling thread: below about 1 MB the worker's start-up costs more than it saves. */
  readonly inProcessBelow?: number
  /** Memory limits of the worker. */
  readonly resourceLimits?: ResourceLimits
  /** How long the worker may take before it is ended and the upload fails. */
  readonly timeoutMs?: number
}

// From the build the worker is dist/roster-worker.js (a tsup entry), next to the bundle this module is in. From src
// (tsx, vitest) it is this folder's worker.ts, loaded after registering tsx in the worker: Node 20 does not pass an
// `--import tsx` of execArgv on to a worker's module loader.
const fromSource = import.meta.url.endsWith(".ts")
const workerUrl = fromSource ? new URL("./worker.ts", import.meta.url) : new URL("./roster-worker.js", import.meta.url)
interface TsxManifest {
  readonly exports: { readonly "./esm/api": { readonly import: { readonly default: string } } }
}
const startWorker = (options: WorkerOptions): Worker => {
  if (!fromSource) return new Worker(workerUrl, options)
  // tsx's ESM entry (require.resolve would give its CJS twin, which cannot register the ESM hooks).
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json")
  const entry = (JSON.parse(readFileSync(manifest, "utf8")) as TsxManifest).exports["./esm/api"].import.default
  const tsx = pathToFileURL(join(dirname(manifest), entry)).href
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}) })`
  return new Worker(boot, { ...options, eval: true })
}

const inWorker = (format: Format, bytes: Uint8Array, options: UploadOptions): Promise<ParsedRoster> =>
  new Promise((resolve, reject) => {
    const worker = startWorker(options.resourceLimits !== undefined ? { resourceLimits: options.resourceLimits } : {})
    let settled = false
    const settle = (f: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      f()
    }
    const timeoutMs = options.timeoutMs ?? 300_000
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(new RosterWorkerError(`the roster worker gave no answer within ${timeoutMs / 1000} s and was ended`)),
        ),
      timeoutMs,
    )
    worker.once("message", (answer: WorkerAnswer) =>
      settle(() => {
        if (answer.ok) resolve(answer.parsed)
        else if ("problem" in answer) {
          const p = answer.problem
          reject(new HttpProblem(p.status, p.type, p.title, p.detail, p.issues))
        } else reject(new RosterWorkerError(`the roster worker failed: ${answer.error}`))
      }),
    )
    worker.once("error", (e) =>
      settle(() => reject(new RosterWorkerError(`the roster worker crashed: ${e.stack ?? e.message}`, { cause: e }))),
    )
    worker.once("exit", (code) =>
      settle(() => reject(new RosterWorkerError(`the roster worker exited (code ${code}) without an answer`))),
    )
    // The upload's bytes move to the worker (no copy); the caller does not use them again.
    const copy = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
    worker.postMessage({ format, bytes: copy }, [copy.buffer as ArrayBuffer])
  })

/** At most `size` holders at once; the others wait in arrival order. */
export class Slots {
  private free: number
  private readonly waiting: Array<() => void> = []

  constructor(size: number) {
    this.free = size
  }

  /** Runs `task` once a slot is free, and frees it when the task settles. */
  async run<A>(task: () => Promise<A>): Promise<A> {
    if (this.free > 0) this.free--
    else await new Promise<void>((resolve) => this.waiting.push(resolve))
    try {
      return await task()
    } finally {
      const next = this.waiting.shift()
      if (next !== undefined) next()
      else this.free++
    }
  }
}

// Large uploads parsed at once: the others queue, so ten simultaneous 100k-row files do not hold ten parsed copies
// in memory or starve the request thread of a core.
const workers = new Slots(Math.max(1, Math.min(4, availableParallelism() - 1)))

/** Parses an upload: on the calling thread when small, otherwise in a worker thread (a few at a time). */
export const parseUpload = (format: Format, bytes: Uint8Array, options: UploadOptions = {}): Promise<ParsedRoster> =>
  bytes.byteLength < (options.inProcessBelow ?? 1024 * 1024)
    ? parseRoster(format, bytes)
    : workers.run(() => inWorker(format, bytes, options))
