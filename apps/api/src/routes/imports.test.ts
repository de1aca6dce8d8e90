import { Roster, Synthetic } from "@srdi/core"
import { stringify } from "csv-stringify/sync"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { vi } from "vitest"
import { createApp } from "../app.js"
import type * as OffThread from "../roster/off-thread.js"
import { backends, openTestApp, testConfig, type TestApp } from "../test-support/harness.js"

// Uploads go through the real parseUpload; a test may add options (to make the worker fail) for its own requests.
const uploadOptions = vi.hoisted(() => ({ extra: {} as OffThread.UploadOptions }))
vi.mock("../roster/off-thread.js", async (original) => {
  const real = await original<typeof OffThread>()
  return {
    ...real,
    parseUpload: (...[format, bytes, options]: Parameters<typeof real.parseUpload>) =>
      real.parseUpload(format, bytes, { ...options, ...uploadOptions.extra }),
  }
})

// A seeded synthetic (labelled demo) population of the two districts, written as a roster with Chinese headers.
const firms = Synthetic.population({ seed: 42, size: 40, regions: ["500151", "500240"], lastYear: 2024, years: 3 })
const headers = Roster.templateRows("zh")[0]!
const rowsOf = (list: typeof firms) => Roster.toRows(list, { headers: "zh" })
const csv = (rows: ReadonlyArray<Record<string, string | number>>) =>
  stringify(
    rows.map((r) => headers.map((h) => r[h] ?? "")),
    { header: true, columns: headers },
  )
const USCC = headers[0]!

const upload = (t: Pick<TestApp, "app" | "tokens">, as: string, body: string, query = "") =>
  t.app.request(`/imports${query}`, {
    method: "POST",
    headers: { authorization: `Bearer ${t.tokens[as]}`, "content-type": "text/csv" },
    body,
  })

const total = async (t: TestApp, as = "admin") =>
  ((await (await t.call("GET", "/enterprises?limit=1", { as })).json()) as { total: number }).total

// 50,000 rows (a firm a row), generated once for every backend.
let largeRows: ReturnType<typeof rowsOf> | undefined
const large = () =>
  (largeRows ??= rowsOf(
    Synthetic.population({ seed: 50, size: 50_000, regions: ["500151"], lastYear: 2024, years: 1 }),
  ).slice(0, 50_000))

describe.each(backends())("imports on $name", (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(backend, { uploadLimitBytes: 64 * 1024 * 1024 })
  })
  afterAll(async () => {
    await t?.close()
  })

  it("rejects a file with a broken row whole, naming the row, and writes nothing", async () => {
    const rows = rowsOf(firms)
    rows[5] = { ...rows[5]!, [USCC]: String(rows[5]![USCC]).slice(0, 17) + "0" }
    const res = await upload(t, "admin", csv(rows))
    expect(res.status).toBe(422)
    const problem = (await res.json()) as { errors: Array<{ row: number; column: string }> }
    expect(problem.errors.some((e) => e.row === 7 && e.column === USCC)).toBe(true)
    expect(await total(t)).toBe(0)
  })

  it("previews without writing, then commits, then upserts by USCC", async () => {
    const file = csv(rowsOf(firms))
    const preview = (await (await upload(t, "admin", file, "?mode=preview")).json()) as {
      inserted: number
      importId: null
    }
    expect(preview.inserted).toBe(firms.length)
    expect(await total(t)).toBe(0)

    const first = await upload(t, "admin", file)
    expect(first.status).toBe(201)
    expect(((await first.json()) as { inserted: number }).inserted).toBe(firms.length)
    expect(await total(t)).toBe(firms.length)

    const again = (await (await upload(t, "admin", file)).json()) as { inserted: number; updated: number }
    expect([again.inserted, again.updated]).toEqual([0, firms.length])
    const one = await t.call("GET", `/enterprises/${firms[0]!.uscc}`, { as: "admin" })
    expect(one.headers.get("etag")).toBe('"2"')
  })

  it("keeps a district's import to its own region, row by row", async () => {
    const res = await upload(t, "tongliang", csv(rowsOf(firms)))
    expect(res.status).toBe(422)
    const problem = (await res.json()) as { errors: Array<{ column: string; message: { en: string } }> }
    const shizhu = firms.filter((f) => f.region === "500240").length
    expect(problem.errors.length).toBe(shizhu)
    expect(problem.errors.every((e) => e.message.en.includes("500240"))).toBe(true)
  })

  it("writes the good enterprises and reports the rest when atomic=false", async () => {
    const fresh = Synthetic.population({ seed: 43, size: 10, regions: ["500151"] })
    const rows = rowsOf(fresh)
    const broken = String(rows[0]![USCC])
    const revenue = headers.find((h) => h.startsWith("营业收入"))!
    const file = csv(rows.map((r) => (r[USCC] === broken ? { ...r, [revenue]: "很多" } : r)))
    const res = await upload(t, "admin", file, "?atomic=false")
    expect(res.status).toBe(201)
    // Synthetic USCCs are unique per index, so some of these firms already exist and are updated.
    const body = (await res.json()) as {
      inserted: number
      updated: number
      errors: Array<{ uscc?: string; column: string }>
    }
    expect(body.inserted + body.updated).toBe(fresh.length - 1)
    expect(body.errors.length).toBeGreaterThan(0)
    expect(body.errors.some((e) => e.column === revenue)).toBe(true)
    expect(body.errors.every((e) => e.uscc === broken)).toBe(true)
  })

  it("exports the roster in scope and reads back the same enterprises (CSV and XLSX)", async () => {
    const exported = await t.app.request("/exports/enterprises?format=csv&region=500151", {
      headers: { authorization: `Bearer ${t.tokens.tongliang}` },
    })
    expect(exported.headers.get("content-type")).toContain("text/csv")
    const text = await exported.text()
    const preview = (await (await upload(t, "tongliang", text.replace(/^\uFEFF/, ""), "?mode=preview")).json()) as {
      errors: Array<unknown>
      updated: number
    }
    expect(preview.errors).toEqual([])
    expect(preview.updated).toBe(await total(t, "tongliang"))

    const xlsx = await t.app.request("/exports/enterprises?format=xlsx", {
      headers: { authorization: `Bearer ${t.tokens.shizhu}` },
    })
    const back = await t.app.request("/imports?mode=preview&format=xlsx", {
      method: "POST",
      headers: { authorization: `Bearer ${t.tokens.shizhu}`, "content-type": "application/octet-stream" },
      body: new Uint8Array(await xlsx.arrayBuffer()),
    })
    const result = (await back.json()) as { updated: number; errors: Array<unknown> }
    expect(result.errors).toEqual([])
    expect(result.updated).toBe(firms.filter((f) => f.region === "500240").length)
  })

  it("answers a malformed CSV with a 400 naming the line, not a 500", async () => {
    const res = await upload(t, "admin", `${headers.join(",")}\n"unterminated,1,2\n`)
    expect(res.status).toBe(400)
    expect(res.headers.get("content-type")).toContain("application/problem+json")
    expect(((await res.json()) as { detail: string }).detail).toBe(
      "the CSV file cannot be parsed (line 2): a quoted field has no closing quote",
    )
  })

  it("keeps answering other requests while a large file is parsed, and names the line of a large malformed file", async () => {
    const file = csv(large())
    expect(file.length).toBeGreaterThan(5_000_000)
    let importDone = 0
    const importing = Promise.resolve(upload(t, "admin", file, "?mode=preview")).then(async (res) => {
      importDone = performance.now()
      return { status: res.status, body: (await res.json()) as { rows: number; inserted: number } }
    })
    // Let the import's request reach its handler (reading the body, then the worker) before asking for /health.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const health = await t.app.request("/health")
    const healthDone = performance.now()
    expect(health.status).toBe(200)
    const imported = await importing
    expect(imported.status).toBe(200)
    expect(imported.body.rows).toBe(large().length)
    expect(healthDone).toBeLessThan(importDone)

    // The line of a bad record is found in the worker the same as on the calling thread.
    const lines = file.split("\n")
    lines[40_001] = `"${lines[40_001]}`
    const bad = await upload(t, "admin", lines.join("\n"))
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { detail: string }).detail).toBe(
      "the CSV file cannot be parsed (line 40002): a quoted field has no closing quote",
    )
  })

  it("answers 500, logs why, and does not hang when the parsing worker dies", async () => {
    const logged: Array<{ msg: string; fields?: Record<string, unknown> }> = []
    const log = (msg: string, fields?: Record<string, unknown>) =>
      logged.push({ msg, ...(fields !== undefined ? { fields } : {}) })
    const { app } = createApp({
      database: t.database,
      config: testConfig({ uploadLimitBytes: 64 * 1024 * 1024 }),
      logger: { info: () => {}, warn: log, error: log },
    })
    uploadOptions.extra = {
      inProcessBelow: 0,
      resourceLimits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 },
    }
    try {
      const res = await upload({ app, tokens: t.tokens }, "admin", csv(rowsOf(firms)), "?mode=preview")
      expect(res.status).toBe(500)
      expect(res.headers.get("content-type")).toContain("application/problem+json")
      expect(((await res.json()) as { detail: string }).detail).toBe("internal error; it has been logged")
    } finally {
      uploadOptions.extra = {}
    }
    expect(logged.map((l) => l.msg)).toEqual(["unhandled"])
    expect(String(logged[0]!.fields?.error)).toMatch(/the roster worker crashed: .*out of memory/i)
  })
})
