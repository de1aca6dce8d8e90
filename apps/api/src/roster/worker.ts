/**
 * The worker thread behind {@link parseUpload}: one request in, one answer out. A 400 for a malformed file comes back
 * as the problem's fields (a class does not survive structured clone) and is rebuilt on the other side.
 */
import { parentPort } from "node:worker_threads"
import { HttpProblem } from "../http/problem.js"
import type { Format } from "./files.js"
import { parseRoster } from "./parse.js"
import type { WorkerAnswer } from "./off-thread.js"

parentPort!.once("message", async ({ format, bytes }: { format: Format; bytes: Uint8Array }) => {
  let answer: WorkerAnswer
  try {
    answer = { ok: true, parsed: await parseRoster(format, bytes) }
  } catch (e) {
    answer =
      e instanceof HttpProblem
        ? { ok: false, problem: { status: e.status, type: e.type, title: e.title, detail: e.detail, issues: e.issues } }
        : { ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }
  }
  parentPort!.postMessage(answer)
})
