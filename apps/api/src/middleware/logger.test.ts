import { describe, expect, it } from "@effect/vitest"
import { jsonLogger } from "./logger.js"

describe("jsonLogger", () => {
  it("writes the lines of one turn of the event loop in one write, in order, as JSON", async () => {
    const writes: Array<string> = []
    const logger = jsonLogger((s) => writes.push(s))
    logger.info("request", { id: "a", status: 200 })
    logger.warn("slow", { ms: 900 })
    logger.error("unhandled", { path: "/x" })
    expect(writes).toEqual([])
    await new Promise((r) => setImmediate(r))
    expect(writes).toHaveLength(1)
    const lines = writes[0]!
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ["info", "request"],
      ["warn", "slow"],
      ["error", "unhandled"],
    ])
    expect(lines[0]).toMatchObject({ id: "a", status: 200 })
    expect(typeof lines[0]!.time).toBe("string")
  })

  it("writes pending lines at once on flush, and nothing twice", async () => {
    const writes: Array<string> = []
    const logger = jsonLogger((s) => writes.push(s))
    logger.info("shutdown.done")
    logger.flush()
    expect(writes).toHaveLength(1)
    await new Promise((r) => setImmediate(r))
    expect(writes).toHaveLength(1)
  })
})
