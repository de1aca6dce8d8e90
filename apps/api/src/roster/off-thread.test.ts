import { Roster, Synthetic } from "@srdi/core"
import { stringify } from "csv-stringify/sync"
import { describe, expect, it } from "@effect/vitest"
import { HttpProblem } from "../http/problem.js"
import { parseUpload, RosterWorkerError, Slots } from "./off-thread.js"
import { parseRoster } from "./parse.js"

// A synthetic (labelled demo) roster of 2,000 firms (a row per firm and year, about 1.3 MB), with a blank line as
// spreadsheet row 101.
const firms = Synthetic.population({ seed: 7, size: 2000, regions: ["500151", "500240"], lastYear: 2024, years: 1 })
const headers = Roster.templateRows("zh")[0]!
const rows = Roster.toRows(firms, { headers: "zh" })
const lines = stringify(
  rows.map((r) => headers.map((h) => r[h] ?? "")),
  { header: true, columns: headers },
).split("\n")
const file = (text: string) => new TextEncoder().encode(text)
const csv = [...lines.slice(0, 100), "", ...lines.slice(100)].join("\n")

describe("roster uploads off the event loop", () => {
  it("gives the same answer from the worker as on the calling thread", async () => {
    const here = await parseRoster("csv", file(csv))
    const there = await parseUpload("csv", file(csv), { inProcessBelow: 0 })
    expect(there.rows).toBe(rows.length)
    expect(there.result.enterprises).toHaveLength(firms.length)
    expect(there).toEqual(here)
    const first = new Map<string, number>()
    rows.forEach((r, i) => {
      const uscc = String(r[headers[0]!])
      if (!first.has(uscc)) first.set(uscc, i + 2 + (i >= 99 ? 1 : 0))
    })
    expect(there.usccRows).toEqual(first)
  })

  it("answers a malformed file parsed in the worker with the 400 naming the line", async () => {
    const broken = [...lines.slice(0, 500), `"${lines[500]}`, ...lines.slice(501)].join("\n")
    const e = await parseUpload("csv", file(broken), { inProcessBelow: 0 }).catch((err: unknown) => err)
    expect(e).toBeInstanceOf(HttpProblem)
    expect((e as HttpProblem).status).toBe(400)
    expect((e as HttpProblem).detail.en).toBe(
      "the CSV file cannot be parsed (line 501): a quoted field has no closing quote",
    )
    expect((e as HttpProblem).issues[0]).toMatchObject({ row: 501 })
  })

  it("fails with a server error, not a hang, when the worker dies", async () => {
    const started = performance.now()
    const e = await parseUpload("csv", file(csv), {
      inProcessBelow: 0,
      resourceLimits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 },
    }).catch((err: unknown) => err)
    expect(e).toBeInstanceOf(RosterWorkerError)
    expect((e as Error).message).toMatch(/^the roster worker crashed: .*out of memory/i)
    expect(performance.now() - started).toBeLessThan(30_000)
  })

  it("ends a worker that takes too long", async () => {
    const e = await parseUpload("csv", file(csv), { inProcessBelow: 0, timeoutMs: 1 }).catch((err: unknown) => err)
    expect(e).toBeInstanceOf(RosterWorkerError)
    expect((e as Error).message).toBe("the roster worker gave no answer within 0.001 s and was ended")
  })
})

describe("Slots", () => {
  it("runs at most its size at once, the rest in arrival order, and frees a slot when a task fails", async () => {
    const slots = new Slots(2)
    let running = 0
    let most = 0
    const order: Array<number> = []
    const task = (i: number, fail = false) =>
      slots.run(async () => {
        running++
        most = Math.max(most, running)
        await new Promise((r) => setTimeout(r, 5))
        order.push(i)
        running--
        if (fail) throw new Error(`task ${i}`)
        return i
      })
    const results = await Promise.allSettled([task(1), task(2, true), task(3), task(4), task(5)])
    expect(most).toBe(2)
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"])
    expect(order.slice(2)).toEqual([3, 4, 5])
  })
})
