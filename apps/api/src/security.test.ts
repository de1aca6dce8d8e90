/**
 * The access matrix: every route of the table × every role, against data of Shizhu (500240). A route without a
 * fixture here fails the test, so a new route cannot skip the matrix. For each route the owner (Shizhu's admin, or
 * the municipal admin for city-only routes) must succeed — proving the request is valid — while anonymous callers
 * get 401, and the viewer, the Tongliang unit officer and the Tongliang admin can neither read Shizhu's records nor
 * write anything of Shizhu's.
 */
import { Schema } from "effect"
import { Enterprise, Synthetic, Uscc } from "@srdi/core"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import type { AnyRoute } from "./http/route.js"
import { readBundled } from "./packs/catalog.js"
import { backends, installBundled, openTestApp, type TestApp } from "./test-support/harness.js"

const shizhuPack = readBundled("cq-shizhu-2022")!
const paying = shizhuPack.tests.find((t) =>
  (t.expect.awards ?? []).some((a) => a.amount !== null && a.status === "due"),
)!
// The pack test's firm under a USCC of its own: the pack (public) quotes its fixture's USCC, this one must not leak.
const SZ = Uscc.fromBody("91500240MA7Y00001")
const szFirm = { ...paying.enterprise, uscc: SZ }
const [fresh1, fresh2, disposable] = Synthetic.population({ seed: 99, size: 3, regions: ["500240"] })

interface Fixture {
  readonly path: string
  readonly body?: unknown
  readonly raw?: { readonly type: string; readonly text: string }
  /** Which resource's version to send as If-Match. */
  readonly version?: () => Promise<string>
  /** A read of one Shizhu record (others must get 404), rather than a list (others get 200 without Shizhu data). */
  readonly item?: boolean
  /** Who succeeds: Shizhu's admin by default. */
  readonly owner?: string
}

describe.each(backends())("access matrix on $name", (backend) => {
  let t: TestApp
  const ids = { claim: 0, claim2: 0, problem: "", screening: 0, decision: 0 }
  const etagOf = (path: string) => async () => (await t.call("GET", path, { as: "admin" })).headers.get("etag") ?? '"0"'

  beforeAll(async () => {
    t = await openTestApp(backend)
    await installBundled(t)
    for (const e of [szFirm, disposable!])
      expect(
        (await t.call("POST", "/enterprises", { as: "shizhu", body: Schema.encodeSync(Enterprise.Enterprise)(e) }))
          .status,
      ).toBe(201)
    const claims = (await (
      await t.call("POST", "/awards/claims", {
        as: "shizhu",
        body: { pack: "cq-shizhu-2022", uscc: SZ, asOf: paying.asOf },
      })
    ).json()) as {
      created: Array<{ id: number; amount: number | null; unit: string }>
    }
    const payable = claims.created.filter((c) => c.amount !== null && c.unit === "wan_yuan")
    ids.claim = payable[0]!.id
    await t.call("POST", `/awards/claims/${ids.claim}/decision`, {
      as: "shizhu",
      body: { decision: "approved" },
      headers: { "if-match": '"1"' },
    })
    ids.claim2 = claims.created.find((c) => c.id !== ids.claim)?.id ?? ids.claim
    const problem = (await (
      await t.call("POST", "/problems", {
        as: "shizhu",
        body: {
          uscc: SZ,
          category: "market_wide",
          description: "市场开拓渠道不足",
          unit: "sz-jxw",
          raisedOn: "2024-03-01",
          dueOn: "2024-09-30",
        },
      })
    ).json()) as { problem: { id: string } }
    ids.problem = problem.problem.id
    const screened = (await (
      await t.call("POST", "/screenings", {
        as: "shizhu",
        body: { pack: "cn-miit-tiers", rule: "srdi-sme-63", asOf: "2025-06-30", uscc: SZ },
      })
    ).json()) as {
      screening: { id: number }
      decision: { id: number }
    }
    ids.screening = screened.screening.id
    ids.decision = screened.decision.id
  })
  afterAll(async () => {
    await t?.close()
  })

  const fixtures = (): Record<string, Fixture> => ({
    "get /health": { path: "/health" },
    "get /openapi.json": { path: "/openapi.json" },
    "post /auth/login": { path: "/auth/login", body: { username: "shizhu", password: "demo-shizhu" } },
    "post /auth/logout": { path: "/auth/logout" },
    "get /auth/me": { path: "/auth/me" },
    "get /regions": { path: "/regions" },
    "get /regions/{code}": { path: "/regions/500240" },
    "get /units": { path: "/units?region=500240" },
    "get /enterprises": { path: "/enterprises?region=500240" },
    "post /enterprises": { path: "/enterprises", body: Schema.encodeSync(Enterprise.Enterprise)(fresh1!) },
    "get /enterprises/{uscc}": { path: `/enterprises/${SZ}`, item: true },
    "put /enterprises/{uscc}": {
      path: `/enterprises/${SZ}`,
      body: Schema.encodeSync(Enterprise.Enterprise)(szFirm),
      version: etagOf(`/enterprises/${SZ}`),
    },
    "delete /enterprises/{uscc}": {
      path: `/enterprises/${disposable!.uscc}`,
      version: etagOf(`/enterprises/${disposable!.uscc}`),
    },
    "get /enterprises/{uscc}/history": { path: `/enterprises/${SZ}/history`, item: true },
    "put /enterprises/{uscc}/financials/{year}": {
      path: `/enterprises/${SZ}/financials/2019`,
      body: { year: 2019, revenue: 120 },
      version: etagOf(`/enterprises/${SZ}`),
    },
    "post /enterprises/{uscc}/ip": {
      path: `/enterprises/${SZ}/ip`,
      body: { asOf: "2024-12-31", classI: 2, classII: 5 },
      version: etagOf(`/enterprises/${SZ}`),
    },
    "post /enterprises/{uscc}/titles": {
      path: `/enterprises/${SZ}/titles`,
      body: { title: "tech_sme", grantedOn: "2024-05-01" },
      version: etagOf(`/enterprises/${SZ}`),
    },
    "post /enterprises/{uscc}/attestations": {
      path: `/enterprises/${SZ}/attestations`,
      body: {
        criterion: "miit-63.srdi-sme.provincial-score",
        value: true,
        evidence: "县经济信息委复核",
        attestedBy: "shizhu",
        attestedOn: "2025-05-20",
      },
      version: etagOf(`/enterprises/${SZ}`),
    },
    "post /imports": {
      path: "/imports?mode=preview",
      raw: {
        type: "text/csv",
        text: "统一社会信用代码,企业名称,行政区划代码\n" + `${fresh2!.uscc},${fresh2!.name},500240\n`,
      },
    },
    "get /imports/template": { path: "/imports/template" },
    "get /exports/enterprises": { path: "/exports/enterprises?region=500240" },
    "get /packs": { path: "/packs" },
    "get /packs/{ref}": { path: "/packs/cq-shizhu-2022" },
    "get /packs/{ref}/resolved": { path: "/packs/cq-shizhu-2022/resolved" },
    "get /packs/{ref}/clauses": { path: "/packs/cq-shizhu-2022/clauses" },
    "get /packs/{ref}/diff": { path: "/packs/cq-shizhu-2022/diff?against=cq-tongliang-2022" },
    // The Shizhu pack's own layer, re-installed unchanged (same version: answered 200, not a new install).
    "post /packs": { path: "/packs", body: packJson, owner: "admin" },
    "post /packs/{ref}/activate": { path: `/packs/cq-shizhu-2022@${shizhuPack.meta.version}/activate`, owner: "admin" },
    "post /screenings": {
      path: "/screenings",
      body: { pack: "cn-miit-tiers", rule: "srdi-sme-63", asOf: "2025-06-30", uscc: SZ },
    },
    "get /screenings": { path: "/screenings" },
    "get /screenings/{id}": { path: `/screenings/${ids.screening}`, item: true },
    "get /screenings/{id}/decisions": { path: `/screenings/${ids.screening}/decisions` },
    "get /decisions/{id}": { path: `/decisions/${ids.decision}`, item: true },
    "get /enterprises/{uscc}/decisions": { path: `/enterprises/${SZ}/decisions`, item: true },
    "get /near-misses": { path: "/near-misses?pack=cn-miit-tiers&rule=srdi-sme-63" },
    "get /pools": { path: "/pools" },
    "get /pools/{pool}/members": { path: "/pools/sz-cultivation-pool/members?asOf=2025-06-30" },
    "get /pools/{pool}/intake": { path: "/pools/sz-cultivation-pool/intake?year=2025" },
    "post /pools/{pool}/entries": {
      path: "/pools/sz-cultivation-pool/entries",
      body: { uscc: SZ, on: "2025-03-01", reason: "县级培育库入库" },
    },
    "post /pools/{pool}/exits": {
      path: "/pools/sz-cultivation-pool/exits",
      body: { uscc: SZ, on: "2025-06-01", reason: "动态调整" },
    },
    "get /enterprises/{uscc}/entitlements": {
      path: `/enterprises/${SZ}/entitlements?pack=cq-shizhu-2022&asOf=${paying.asOf}`,
      item: true,
    },
    "post /awards/claims": { path: "/awards/claims", body: { pack: "cq-shizhu-2022", uscc: SZ, asOf: paying.asOf } },
    "get /awards/claims": { path: "/awards/claims" },
    "post /awards/claims/{id}/decision": {
      path: `/awards/claims/${ids.claim2}/decision`,
      body: { decision: "rejected" },
      version: async () =>
        `"${((await (await t.call("GET", `/awards/claims?uscc=${SZ}&limit=100`, { as: "admin" })).json()) as { items: Array<{ id: number; version: number }> }).items.find((c) => c.id === ids.claim2)!.version}"`,
    },
    "post /awards/claims/{id}/payments": {
      path: `/awards/claims/${ids.claim}/payments`,
      body: { paidOn: "2025-03-01" },
    },
    "get /awards/budget": { path: "/awards/budget?pack=cq-shizhu-2022&year=2024" },
    "get /targets": { path: "/targets?pack=cq-shizhu-2022&asOf=2024-12-31" },
    "post /targets/observations": {
      path: "/targets/observations",
      body: { pack: "cq-shizhu-2022", target: "sz-2025-srdi-sme", region: "500240", on: "2024-12-31", value: 12 },
    },
    "get /targets/{target}/rollup": { path: "/targets/sz-2025-srdi-sme/rollup?asOf=2024-12-31", item: true },
    "get /tasks": { path: "/tasks?pack=cq-shizhu-2022" },
    "get /tasks/matrix": { path: "/tasks/matrix?pack=cq-shizhu-2022" },
    "post /tasks/{task}/reports": {
      path: "/tasks/task-1/reports",
      body: { pack: "cq-shizhu-2022", unit: "sz-kjj", period: "2024", reportedOn: "2025-01-10", status: "in_progress" },
    },
    "get /tasks/overdue": { path: "/tasks/overdue?pack=cq-shizhu-2022&asOf=2025-06-30" },
    "get /problems": { path: "/problems" },
    "post /problems": {
      path: "/problems",
      body: {
        uscc: SZ,
        category: "policy",
        description: "政策兑现周期长",
        unit: "sz-jxw",
        raisedOn: "2024-04-01",
        dueOn: "2024-10-31",
      },
    },
    "get /problems/{id}": { path: `/problems/${ids.problem}`, item: true },
    "post /problems/{id}/transitions": {
      path: `/problems/${ids.problem}/transitions`,
      body: { to: "in_progress", on: "2024-05-01" },
      version: etagOf(`/problems/${ids.problem}`),
    },
    "get /problems-summary": { path: "/problems-summary?asOf=2024-12-31" },
    "get /audit": { path: "/audit?entity=enterprise" },
    "get /titles/pyramid": { path: "/titles/pyramid?asOf=2025-06-30" },
  })

  let packJson: Record<string, unknown> = {}

  const send = async (r: AnyRoute, f: Fixture, as: string | undefined) => {
    const headers: Record<string, string> = {}
    if (as !== undefined) headers.authorization = `Bearer ${t.tokens[as]}`
    if (f.version !== undefined) headers["if-match"] = await f.version()
    let body: string | undefined
    if (f.raw !== undefined) {
      headers["content-type"] = f.raw.type
      body = f.raw.text
    } else if (f.body !== undefined) {
      headers["content-type"] = "application/json"
      body = JSON.stringify(f.body)
    }
    return t.app.request(f.path, { method: r.method.toUpperCase(), headers, ...(body !== undefined ? { body } : {}) })
  }

  it("covers every route, and no role reaches another region's data", async () => {
    packJson = (
      (await (await t.call("GET", "/packs/cq-shizhu-2022", { as: "admin" })).json()) as {
        pack: Record<string, unknown>
      }
    ).pack
    const table = fixtures()
    const missing = t.routes.map((r) => `${r.method} ${r.path}`).filter((k) => table[k] === undefined)
    expect(missing, "routes without a matrix fixture").toEqual([])
    // Deletes last, so later routes still find their records.
    const order = [...t.routes].sort((a, b) => Number(a.method === "delete") - Number(b.method === "delete"))
    const failures: Array<string> = []
    for (const r of order) {
      const f = table[`${r.method} ${r.path}`]!
      const isRead = r.method === "get"
      const check = (who: string, status: number, ok: boolean) => {
        if (status >= 500 || !ok) failures.push(`${r.method.toUpperCase()} ${f.path} as ${who}: ${status}`)
      }
      if (r.access !== "public") {
        const anon = await send(r, f, undefined)
        check("anonymous", anon.status, anon.status === 401)
      }
      for (const who of ["viewer", "tl-officer", "tongliang"]) {
        if (r.access === "public") continue
        const res = await send(r, f, who)
        const text = await res.text()
        if (r.path === "/imports") {
          // A preview writes nothing; a district's preview of Shizhu rows must reject them, naming the row.
          const result =
            res.status < 300 ? (JSON.parse(text) as { enterprises: number; errors: Array<{ row: number }> }) : undefined
          check(
            who,
            res.status,
            who === "tongliang"
              ? result !== undefined && result.enterprises === 0 && result.errors[0]?.row === 2
              : res.status === 403,
          )
        } else if (isRead && r.path === "/audit")
          check(who, res.status, who === "tongliang" ? res.status === 200 && !text.includes(SZ) : res.status === 403)
        else if (isRead && f.item === true)
          check(who, res.status, who === "viewer" ? res.status < 300 : res.status === 404)
        else if (isRead) check(who, res.status, res.status < 300 && (who === "viewer" || !text.includes(SZ)))
        else if (r.path === "/auth/logout") check(who, res.status, res.status === 204)
        else check(who, res.status, res.status === 403 || res.status === 404)
      }
      // Logging out ends the session; log the owner back in afterwards.
      const owner = f.owner ?? (r.access === "municipal" ? "admin" : "shizhu")
      const res = await send(r, f, r.access === "public" ? undefined : owner)
      check(owner, res.status, res.status < 300)
      if (r.path === "/auth/logout")
        for (const u of ["viewer", "tl-officer", "tongliang", "shizhu"]) {
          const login = await t.call("POST", "/auth/login", {
            body: { username: u, password: u === "tl-officer" ? "demo-officer" : `demo-${u}` },
          })
          t.tokens[u] = ((await login.json()) as { token: string }).token
        }
    }
    expect(failures).toEqual([])
  })
})
