import { Schema } from "effect"
import { Enterprise } from "@srdi/core"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { readBundled } from "../packs/catalog.js"
import { backends, installBundled, openTestApp, type TestApp } from "../test-support/harness.js"

// The Shizhu pack's own award cases with a fixed amount (the municipal listing award, 二（三）), resolved on top of
// cq-srdi-2022: the ledger must pay exactly what the pack's authors expect, once.
const shizhu = readBundled("cq-shizhu-2022")!
const paying = shizhu.tests.find((t) => (t.expect.awards ?? []).some((a) => a.amount !== null && a.status === "due"))!
const dueLine = paying.expect.awards!.find((a) => a.amount !== null && a.status === "due")!

describe.each(backends())("pools, awards, targets, tasks, problems and audit on $name", (backend) => {
  let t: TestApp
  const firm = Schema.encodeSync(Enterprise.Enterprise)(paying.enterprise)
  const tl = { uscc: "91500151MA0000001C", name: "铜梁测试企业01", region: "500151" }
  beforeAll(async () => {
    t = await openTestApp(backend)
    await installBundled(t)
    expect((await t.call("POST", "/enterprises", { as: "admin", body: firm })).status).toBe(201)
    expect((await t.call("POST", "/enterprises", { as: "tongliang", body: tl })).status).toBe(201)
  })
  afterAll(async () => {
    await t?.close()
  })

  it("raises claims from entitlements, approves, pays once, and refuses a second payment", async () => {
    const ent = (await (
      await t.call(
        "GET",
        `/enterprises/${paying.enterprise.uscc}/entitlements?pack=cq-shizhu-2022&asOf=${paying.asOf}`,
        { as: "shizhu" },
      )
    ).json()) as {
      items: Array<{ award: string; amount: number | null; status: string }>
    }
    expect(ent.items).toContainEqual(
      expect.objectContaining({ award: dueLine.award, amount: dueLine.amount, status: "due" }),
    )
    const raised = (await (
      await t.call("POST", "/awards/claims", {
        as: "shizhu",
        body: { pack: "cq-shizhu-2022", uscc: paying.enterprise.uscc, asOf: paying.asOf },
      })
    ).json()) as {
      created: Array<{ id: number; awardId: string; amount: number; budgetYear: number }>
    }
    const again = (await (
      await t.call("POST", "/awards/claims", {
        as: "shizhu",
        body: { pack: "cq-shizhu-2022", uscc: paying.enterprise.uscc, asOf: paying.asOf },
      })
    ).json()) as {
      created: Array<unknown>
      skipped: number
    }
    expect(again.created).toEqual([])
    expect(again.skipped).toBe(raised.created.length)
    const claim = raised.created.find((c) => c.awardId === dueLine.award)!
    expect(
      (
        await t.call("POST", `/awards/claims/${claim.id}/decision`, {
          as: "tongliang",
          body: { decision: "approved" },
          headers: { "if-match": '"1"' },
        })
      ).status,
    ).toBe(404)
    expect(
      (
        await t.call("POST", `/awards/claims/${claim.id}/decision`, {
          as: "shizhu",
          body: { decision: "approved" },
          headers: { "if-match": '"1"' },
        })
      ).status,
    ).toBe(200)
    const pay = await t.call("POST", `/awards/claims/${claim.id}/payments`, {
      as: "shizhu",
      body: { paidOn: "2025-03-01" },
    })
    expect(pay.status).toBe(201)
    expect(((await pay.json()) as { amount: number }).amount).toBe(dueLine.amount)
    expect(
      (await t.call("POST", `/awards/claims/${claim.id}/payments`, { as: "shizhu", body: { paidOn: "2025-03-02" } }))
        .status,
    ).toBe(409)
    const budget = (await (
      await t.call("GET", `/awards/budget?pack=cq-shizhu-2022&year=${claim.budgetYear}`, { as: "admin" })
    ).json()) as {
      paid: Array<{ amount: number }>
    }
    expect(budget.paid.reduce((s, p) => s + p.amount, 0)).toBe(dueLine.amount)
  })

  it("enters a firm into the Tongliang cultivation pool with a reason, counts the intake against the quota of 50, and exits it", async () => {
    const enter = await t.call("POST", "/pools/tl-cultivation-pool/entries", {
      as: "tongliang",
      body: { uscc: tl.uscc, on: "2024-03-15", reason: "2024年度优选种子企业" },
    })
    expect(enter.status).toBe(201)
    expect(
      (
        await t.call("POST", "/pools/tl-cultivation-pool/entries", {
          as: "tongliang",
          body: { uscc: tl.uscc, on: "2024-04-01", reason: "重复" },
        })
      ).status,
    ).toBe(409)
    const intake = (await (
      await t.call("GET", "/pools/tl-cultivation-pool/intake?year=2024", { as: "tongliang" })
    ).json()) as { entered: number; quota: number; shortfall: number }
    expect(intake).toMatchObject({ entered: 1, quota: 50, shortfall: 49 })
    const members = (await (
      await t.call("GET", "/pools/tl-cultivation-pool/members?asOf=2024-06-30", { as: "viewer" })
    ).json()) as { items: Array<{ uscc: string }> }
    expect(members.items.map((m) => m.uscc)).toEqual([tl.uscc])
    expect(
      (
        await t.call("POST", "/pools/tl-cultivation-pool/exits", {
          as: "tongliang",
          body: { uscc: tl.uscc, on: "2025-01-10", reason: "动态调整：不再符合入库条件" },
        })
      ).status,
    ).toBe(201)
  })

  it("takes progress reports from the lead unit's officer only, and lists overdue reports", async () => {
    const pack = readBundled("cq-tongliang-2022")!
    const mine = pack.tasks.find((x) => x.lead.includes("tl-kjj"))!
    const other = pack.tasks.find(
      (x) => !x.lead.includes("tl-kjj") && !x.cooperating.includes("tl-kjj") && x.lead.length > 0,
    )!
    const ok = await t.call("POST", `/tasks/${mine.id}/reports`, {
      as: "tl-officer",
      body: { pack: "cq-tongliang-2022", period: "2024", reportedOn: "2025-01-05", status: "done" },
    })
    expect(ok.status).toBe(201)
    const notMine = await t.call("POST", `/tasks/${other.id}/reports`, {
      as: "tl-officer",
      body: {
        pack: "cq-tongliang-2022",
        unit: other.lead[0],
        period: "2024",
        reportedOn: "2025-01-05",
        status: "done",
      },
    })
    expect(notMine.status).toBe(403)
    expect(
      (
        await t.call("POST", `/tasks/${mine.id}/reports`, {
          as: "viewer",
          body: { pack: "cq-tongliang-2022", unit: "tl-kjj", period: "2024", reportedOn: "2025-01-05", status: "done" },
        })
      ).status,
    ).toBe(403)
    const overdue = await t.call("GET", "/tasks/overdue?pack=cq-tongliang-2022&asOf=2025-06-30", { as: "tongliang" })
    expect(overdue.status).toBe(200)
    const matrix = (await (await t.call("GET", "/tasks/matrix?pack=cq-tongliang-2022", { as: "viewer" })).json()) as {
      rows: Array<{ unit: { id: string } }>
    }
    expect(matrix.rows.some((r) => r.unit.id === "tl-kjj")).toBe(true)
  })

  it("records target observations per region and reports progress", async () => {
    const res = await t.call("POST", "/targets/observations", {
      as: "tongliang",
      body: { pack: "cq-tongliang-2022", target: "tl-2025-srdi-sme", region: "500151", on: "2024-12-31", value: 40 },
    })
    expect(res.status).toBe(201)
    expect(
      (
        await t.call("POST", "/targets/observations", {
          as: "tongliang",
          body: {
            pack: "cq-tongliang-2022",
            target: "tl-2025-srdi-sme",
            region: "500240",
            on: "2024-12-31",
            value: 40,
          },
        })
      ).status,
    ).toBe(403)
    const targets = (await (
      await t.call("GET", "/targets?pack=cq-tongliang-2022&asOf=2024-12-31", { as: "tongliang" })
    ).json()) as {
      items: Array<{ target: { id: string }; progress: { current: number | null } }>
    }
    expect(targets.items.find((x) => x.target.id === "tl-2025-srdi-sme")?.progress.current).toBe(40)
  })

  it("rolls districts up against the city, showing a district only its own part", async () => {
    const sz = await t.call("POST", "/targets/observations", {
      as: "shizhu",
      body: { pack: "cq-shizhu-2022", target: "sz-2025-srdi-sme", region: "500240", on: "2024-12-31", value: 12 },
    })
    expect(sz.status).toBe(201)
    await t.call("POST", "/targets/observations", {
      as: "tongliang",
      body: { pack: "cq-tongliang-2022", target: "tl-2025-srdi-sme", region: "500151", on: "2024-12-31", value: 40 },
    })
    const rollup = async (as: string, target = "cq-2025-srdi-sme") => {
      const res = await t.call("GET", `/targets/${target}/rollup?asOf=2024-12-31`, { as })
      return {
        status: res.status,
        body:
          res.status === 200
            ? ((await res.json()) as {
                children: Array<{ target: string; current: number | null }>
                childrenCurrent: number
              })
            : undefined,
      }
    }
    const city = await rollup("admin")
    expect(city.body?.children.map((c) => [c.target, c.current]).sort()).toEqual([
      ["sz-2025-srdi-sme", 12],
      ["tl-2025-srdi-sme", 40],
    ])
    expect(city.body?.childrenCurrent).toBe(52)
    const tongliang = await rollup("tongliang")
    expect(tongliang.body?.children.map((c) => [c.target, c.current])).toEqual([["tl-2025-srdi-sme", 40]])
    expect(tongliang.body?.childrenCurrent).toBe(40)
    // Another district's own target is not Tongliang's to roll up.
    expect((await rollup("tongliang", "sz-2025-srdi-sme")).status).toBe(404)
  })

  it("moves a problem through its allowed transitions with If-Match, and audits every write", async () => {
    const created = await t.call("POST", "/problems", {
      as: "tl-officer",
      body: {
        uscc: tl.uscc,
        category: "policy",
        dimension: "知识产权",
        description: "缺少知识产权质押融资渠道",
        unit: "tl-kjj",
        raisedOn: "2024-03-01",
        dueOn: "2024-06-30",
      },
    })
    expect(created.status).toBe(201)
    const { problem } = (await created.json()) as { problem: { id: string } }
    const bad = await t.call("POST", `/problems/${problem.id}/transitions`, {
      as: "tl-officer",
      body: { to: "resolved", on: "2024-02-01" },
      headers: { "if-match": '"1"' },
    })
    expect(bad.status).toBe(409)
    const moved = await t.call("POST", `/problems/${problem.id}/transitions`, {
      as: "tl-officer",
      body: { to: "in_progress", on: "2024-04-01" },
      headers: { "if-match": '"1"' },
    })
    expect(moved.status).toBe(200)
    expect((await t.call("GET", `/problems/${problem.id}`, { as: "shizhu" })).status).toBe(404)
    const log = (await (
      await t.call("GET", `/audit?entity=problem&entityId=${problem.id}`, { as: "tongliang" })
    ).json()) as {
      items: Array<{ actor: string; action: string; before: unknown; after: { status: string } }>
    }
    expect(log.items.map((i) => [i.actor, i.action, i.after.status])).toEqual([
      ["tl-officer", "status:in_progress", "in_progress"],
      ["tl-officer", "create", "open"],
    ])
    expect((await t.call("GET", "/audit", { as: "viewer" })).status).toBe(403)
  })
})
