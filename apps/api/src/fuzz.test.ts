/**
 * Bad input never gets a 5xx, and never writes: every write route of the table gets bodies generated from its own
 * schema (Effect's Arbitrary) and randomly corrupted (fields dropped, retyped, added; broken JSON; random values).
 * Any answer other than 2xx must leave the audit log — which every write appends to in its transaction — unchanged.
 */
import { Arbitrary, FastCheck as fc, Schema } from "effect"
import { Uscc } from "@srdi/core"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { backends, installBundled, openTestApp, type TestApp } from "./test-support/harness.js"

const FIRM = Uscc.fromBody("91500151MA7Y00002")

const corrupt = (value: unknown): fc.Arbitrary<unknown> => {
  const base =
    value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  const keys = Object.keys(base)
  return fc.oneof(
    fc.constant(value),
    fc.anything(),
    fc.record({ unknownField: fc.string() }).map((x) => ({ ...base, ...x })),
    keys.length > 0
      ? fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(base).filter(([kk]) => kk !== k)))
      : fc.constant(base),
    keys.length > 0
      ? fc.tuple(fc.constantFrom(...keys), fc.anything()).map(([k, v]) => ({ ...base, [k]: v }))
      : fc.constant(base),
  )
}

describe.each(backends())("fuzzing every write route on $name", (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(backend)
    await installBundled(t)
    await t.call("POST", "/enterprises", {
      as: "admin",
      body: { uscc: FIRM, name: "铜梁模糊测试用企业", region: "500151" },
    })
  })
  afterAll(async () => {
    await t?.close()
  })

  const auditCount = async () =>
    ((await (await t.call("GET", "/audit?limit=1", { as: "admin" })).json()) as { total: number }).total

  it("answers generated and corrupted bodies with 2xx or 4xx problem+json, and writes nothing on a 4xx", async () => {
    const params: Record<string, string> = {
      uscc: FIRM,
      year: "2024",
      id: "1",
      pool: "tl-cultivation-pool",
      task: "task-1",
      ref: "cq-tongliang-2022",
      target: "tl-2025-srdi-sme",
    }
    const writes = t.routes.filter((r) => r.method !== "get" && r.path !== "/auth/logout")
    const seen: Array<string> = []
    for (const r of writes) {
      const path = r.path.replace(/\{(\w+)\}/g, (_m, k: string) => params[k] ?? "x")
      let samples: Array<unknown> = []
      if (r.body !== undefined) {
        try {
          // The encoded side without refinements: structurally right bodies whose values are mostly wrong (a valid
          // USCC is one in 31 by chance), which is what reaches the deepest validation. A pack's recursive rule
          // trees are left to the corruptions.
          if (r.path !== "/packs")
            samples = fc.sample(Arbitrary.make(Schema.encodedSchema(r.body as Schema.Schema<unknown>)), {
              numRuns: 6,
              seed: 7,
            })
        } catch {
          samples = [] // schemas with refinements Arbitrary cannot satisfy: corruption of {} still runs
        }
      }
      const bodies = fc.sample(fc.oneof(...[...samples, {}].map(corrupt)), { numRuns: 24, seed: 11 })
      const texts = [...bodies.map((b) => JSON.stringify(b) ?? "null"), "{", '{"a":', "\u0000", "[]", '"text"']
      for (const text of texts) {
        const before = await auditCount()
        const res = await t.app.request(path, {
          method: r.method.toUpperCase(),
          headers: {
            authorization: `Bearer ${t.tokens.admin}`,
            "content-type": r.upload === true ? "text/csv" : "application/json",
            "if-match": '"1"',
          },
          body: text,
        })
        if (res.status >= 500) seen.push(`${r.method} ${path} ${res.status} ${text.slice(0, 200)}`)
        else if (res.status >= 400) {
          expect(res.headers.get("content-type"), `${r.method} ${path}`).toContain("application/problem+json")
          const after = await auditCount()
          if (after !== before) seen.push(`${r.method} ${path} wrote on ${res.status}`)
        }
      }
    }
    expect(seen).toEqual([])
  })

  it("names the problem for invalid JSON, wrong types, a missing content type and an oversized body", async () => {
    const bad = await t.app.request("/enterprises", {
      method: "POST",
      headers: { authorization: `Bearer ${t.tokens.admin}`, "content-type": "application/json" },
      body: '{"uscc":',
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { type: string }).type).toMatch(/invalid-json$/)

    const typed = await t.call("POST", "/enterprises", {
      as: "admin",
      body: { uscc: FIRM, name: 42, region: "500151", financials: [{ year: "2024" }] },
    })
    const errors = ((await typed.json()) as { errors: Array<{ at: string; pointer: string }> }).errors
    expect(errors.map((e) => e.at).sort()).toEqual(["financials[0].year", "name"])
    expect(errors.find((e) => e.at === "financials[0].year")?.pointer).toBe("#/financials/0/year")

    const plain = await t.app.request("/enterprises", {
      method: "POST",
      headers: { authorization: `Bearer ${t.tokens.admin}`, "content-type": "text/plain" },
      body: "{}",
    })
    expect(plain.status).toBe(415)

    const huge = await t.call("POST", "/enterprises", {
      as: "admin",
      body: { uscc: FIRM, name: "x".repeat(300 * 1024), region: "500151" },
    })
    expect(huge.status).toBe(413)
  })

  it("rate-limits logins per client and username", async () => {
    const limited = await openTestApp(backend, { loginAttemptsPerMinute: 3 })
    try {
      const statuses: Array<number> = []
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await limited.call("POST", "/auth/login", { body: { username: "viewer", password: "wrong" } })).status,
        )
      // The harness already logged "viewer" in once: three attempts a minute leave two.
      expect(statuses).toEqual([401, 401, 429, 429, 429])
      const cookie = await limited.call("POST", "/auth/login", { body: { username: "admin", password: "demo-admin" } })
      expect(cookie.headers.get("set-cookie")).toMatch(/HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/)
    } finally {
      await limited.close()
    }
  })
})
