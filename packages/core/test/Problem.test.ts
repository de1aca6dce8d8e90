import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { Problem } from "../src/index.js"

// A synthetic ledger in the shape of the hard-tech plan's 化解问题台账 (seed 003 二（二）): the dimensions are the
// plan's own (数字化转型, 成果转化, 知识产权, 产品测试认证...); firms, units and dates are invented for the test.
const p = (
  id: string,
  category: Problem.Category,
  unit: string,
  raisedOn: string,
  dueOn: string,
  status: Problem.Status,
  resolvedOn?: string,
): Problem.Problem => ({
  id,
  uscc: "91350100M000100Y43",
  category,
  dimension: "知识产权",
  description: `问题 ${id}`,
  unit,
  raisedOn,
  dueOn,
  status,
  ...(resolvedOn === undefined ? {} : { resolvedOn }),
})

const ledger: ReadonlyArray<Problem.Problem> = [
  p("p1", "enterprise_specific", "cq-jxw", "2024-01-10", "2024-03-31", "resolved", "2024-02-09"),
  p("p2", "market_wide", "cq-jxw", "2024-01-10", "2024-04-30", "in_progress"),
  p("p3", "business_environment", "cq-scjgj", "2024-02-01", "2024-06-30", "open"),
  p("p4", "policy", "cq-jxw", "2024-02-01", "2024-05-31", "resolved", "2024-04-01"),
  p("p5", "policy", "cq-jxw", "2024-03-01", "2024-03-31", "closed_unresolved", "2024-04-15"),
  p("p6", "policy", "cq-jxw", "2024-03-01", "2024-04-15", "resolved", "2024-04-11"),
  p("p7", "enterprise_specific", "cq-scjgj", "2024-09-01", "2024-10-31", "open"),
]

describe("Problem labels", () => {
  it("names the four categories as seed 003 二（二） prints them", () => {
    expect(Object.values(Problem.CATEGORY_LABELS).map((l) => l.zh)).toEqual([
      "企业个性问题",
      "市场共性问题",
      "营商环境问题",
      "政策保障问题",
    ])
  })
})

describe("Problem.overdue and summary", () => {
  it("lists unfinished problems past their due date, oldest first", () => {
    expect(Problem.overdue(ledger, "2024-07-01").map((x) => x.id)).toEqual(["p2", "p3"])
    // Due on the day itself is not yet overdue.
    expect(Problem.overdue(ledger, "2024-06-30").map((x) => x.id)).toEqual(["p2"])
  })

  it("sums up by category × status and per unit, leaving out problems raised later", () => {
    const s = Problem.summary(ledger, "2024-07-01")
    expect(s.total).toBe(6)
    expect(s.overdue).toBe(2)
    expect(s.byCategory.policy).toEqual({ open: 0, in_progress: 0, resolved: 2, closed_unresolved: 1 })
    expect(s.byCategory.enterprise_specific).toEqual({ open: 0, in_progress: 0, resolved: 1, closed_unresolved: 0 })
    expect(s.byUnit).toEqual([
      // Resolved in 30 (p1), 60 (p4, 2024 is leap) and 41 (p6) days: median 41.
      { unit: "cq-jxw", open: 1, overdue: 1, resolved: 3, closedUnresolved: 1, medianDaysToResolve: 41 },
      { unit: "cq-scjgj", open: 1, overdue: 1, resolved: 0, closedUnresolved: 0, medianDaysToResolve: null },
    ])
  })
})

describe("Problem.transition", () => {
  const open = ledger[2]!

  it("moves open → in progress → resolved, recording the date and resolution", () => {
    const working = Either.getOrThrow(Problem.transition(open, "in_progress", "2024-03-01"))
    expect(working.status).toBe("in_progress")
    expect(working.resolvedOn).toBeUndefined()
    const done = Either.getOrThrow(
      Problem.transition(working, "resolved", "2024-05-20", "协调市场监管部门开展产品测试认证"),
    )
    expect(done).toMatchObject({
      status: "resolved",
      resolvedOn: "2024-05-20",
      resolution: "协调市场监管部门开展产品测试认证",
    })
    expect(open.status).toBe("open")
    expect(Either.isRight(Problem.transition(open, "resolved", "2024-02-02"))).toBe(true)
    const closed = Either.getOrThrow(Problem.transition(working, "closed_unresolved", "2024-06-30"))
    expect(closed).toMatchObject({ status: "closed_unresolved", resolvedOn: "2024-06-30" })
  })

  it("refuses moves outside the allowed ones, and dates before the problem was raised", () => {
    const skip = Problem.transition(open, "closed_unresolved", "2024-03-01")
    if (Either.isRight(skip)) throw new Error("expected a refusal")
    expect(skip.left).toMatchObject({ _tag: "InvalidTransition", reason: "not_allowed" })
    expect(skip.left.text).toEqual({
      zh: "问题 p3 不能从“待化解”变为“未化解办结”",
      en: "problem p3 cannot move from open to closed unresolved",
    })
    const reopen = Problem.transition(ledger[0]!, "open", "2024-03-01")
    expect(Either.isLeft(reopen) && reopen.left.reason).toBe("not_allowed")
    const early = Problem.transition(open, "in_progress", "2024-01-31")
    expect(Either.isLeft(early) && early.left.reason).toBe("before_raised")
    expect(Either.isLeft(early) && early.left.message).toContain("is before that")
  })
})
