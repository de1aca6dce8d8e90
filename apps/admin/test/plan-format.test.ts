import { describe, expect, it } from "vitest"
import en from "../src/lib/i18n/en.json"
import zh from "../src/lib/i18n/zh.json"
import {
  auditAction,
  auditEntity,
  auditEntityId,
  formatAmount,
  formatDate,
  statusLabel,
  type Translate,
} from "../src/lib/plan-format.js"
import { cellText, columnsFor, isOverdue, type Namer, type Row } from "../src/routes/plan/plan-columns.js"

/** A translate function over the admin's own dictionaries, as svelte-i18n answers: the key itself when missing. */
const translator =
  (dict: Record<string, unknown>): Translate =>
  (key, options) => {
    const found = key
      .split(".")
      .reduce<unknown>(
        (d, k) => (d !== null && typeof d === "object" ? (d as Record<string, unknown>)[k] : undefined),
        dict,
      )
    if (typeof found !== "string") return key
    return found.replace(/\{(\w+)\}/g, (_, name: string) => String(options?.values?.[name] ?? `{${name}}`))
  }
const tZh = translator(zh)
const tEn = translator(en)

describe("plan values as people read them", () => {
  it("shows dates as days and timestamps to the minute", () => {
    expect(formatDate("2025-03-01")).toBe("2025-03-01")
    expect(formatDate("2025-03-01T08:30:12.345Z")).toBe("2025-03-01 08:30")
    expect(formatDate("not a date")).toBe("not a date")
  })

  it("shows money in 万元 and points as points, and a missing amount as a dash", () => {
    expect(formatAmount(12.5, "wan_yuan", tZh)).toBe("12.5 万元")
    expect(formatAmount(1234.567, "wan_yuan", tEn)).toBe("1,234.57 × 10k yuan")
    expect(formatAmount(3, "points", tZh)).toBe("3 分")
    expect(formatAmount(null, "wan_yuan", tZh)).toBe("—")
  })

  it("translates known statuses, audit actions and entities, and keeps unknown ids as they are", () => {
    expect(statusLabel("overdue_x", tZh)).toBe("overdue_x")
    expect(statusLabel("in_progress", tZh)).toBe(zh.status.in_progress)
    expect(auditAction("create", tZh)).toBe("新建")
    expect(auditAction("status:resolved", tZh)).toBe(`状态改为“${zh.status.resolved}”`)
    expect(auditAction("status:resolved", tEn)).toBe(`Status set to “${en.status.resolved}”`)
    expect(auditAction("seed:demo", tEn)).toBe("Demo data written")
    expect(auditAction("rename", tZh)).toBe("rename")
    expect(auditEntity("award_claim", tZh)).toBe("奖补申领")
    expect(auditEntity("widget", tEn)).toBe("widget")
    expect(auditEntityId("*", tZh)).toBe(zh.common.all)
    expect(auditEntityId("91500151MA0000000X", tZh)).toBe("91500151MA0000000X")
  })

  it("has every audit action and entity word in both languages", () => {
    expect(Object.keys(en.auditAction).sort()).toEqual(Object.keys(zh.auditAction).sort())
    expect(Object.keys(en.auditEntity).sort()).toEqual(Object.keys(zh.auditEntity).sort())
    for (const a of [
      "create",
      "install",
      "activate",
      "observe",
      "report",
      "claim",
      "approved",
      "rejected",
      "pay",
      "import:create",
      "pool:enter",
    ])
      expect(auditAction(a, tEn), a).not.toMatch(/^auditAction\./)
  })
})

describe("plan lists: headers and cells", () => {
  const problemRow: Row = {
    problem: {
      id: "p1",
      uscc: "91500151MA0000000X",
      category: "market_wide",
      description: "演示·融资难",
      unit: "tl-kjj",
      raisedOn: "2026-01-05",
      dueOn: "2026-02-01",
      status: "in_progress",
    },
    region: "500151",
    version: 2,
  }
  const namer: Namer = {
    unit: (id) => (id === "tl-kjj" ? "区科技局" : undefined),
    award: (pack, id) => (pack === "cq-tongliang-2022" && id === "tl-first-srdi" ? "首次认定专精特新奖励" : undefined),
    enterprise: (uscc) => (uscc === "91500151MA0000000X" ? "演示·某某科技" : undefined),
  }

  it("heads every problem column with a word in both languages, never a raw field name", () => {
    const cols = columnsFor("/problems", [problemRow])
    for (const c of cols) {
      expect(tZh(c.label), c.key).not.toBe(c.label)
      expect(tEn(c.label), c.key).not.toBe(c.label)
    }
    expect(cols.map((c) => tZh(c.label))).toContain("问题类别")
  })

  it("reads a problem with names in place of ids, translated category and status, and no value as a dash", () => {
    const cols = columnsFor("/problems", [problemRow])
    const cell = (key: string, t = tZh) =>
      cellText(
        cols.find((c) => c.key === key)!,
        problemRow,
        t,
        "zh",
        namer,
      )
    expect(cell("uscc")).toBe("演示·某某科技（91500151MA0000000X）")
    expect(cell("unit")).toBe("区科技局")
    expect(cell("category")).toBe(zh.category.market_wide)
    expect(cell("status", tEn)).toBe(en.status.in_progress)
    expect(cell("resolvedOn")).toBe("—")
    const unknown: Namer = { unit: () => undefined, award: () => undefined, enterprise: () => undefined }
    expect(
      cellText(
        cols.find((c) => c.key === "unit")!,
        problemRow,
        tZh,
        "zh",
        unknown,
      ),
    ).toBe("tl-kjj")
  })

  it("reads a claim's award and payer by name and its amount with its unit", () => {
    const claim: Row = {
      id: 7,
      packId: "cq-tongliang-2022",
      awardId: "tl-first-srdi",
      eventOn: "2024-05-01",
      budgetYear: 2024,
      amount: 20,
      unit: "wan_yuan",
      payer: "tl-kjj",
      status: "approved",
    }
    const cols = columnsFor("/awards/claims", [claim])
    const text = cols.map((c) => cellText(c, claim, tZh, "zh", namer))
    expect(text).toEqual(["7", "首次认定专精特新奖励", "2024-05-01", "2024", "20 万元", "区科技局", zh.status.approved])
  })

  it("falls back to the fields of a list it has no columns for", () => {
    const cols = columnsFor("/pools", [{ name: { zh: "培育库", en: "Pool" }, updatedAt: "2026-01-01T10:00:00Z" }])
    expect(cols.map((c) => c.key)).toEqual(["name", "updatedAt"])
    expect(cellText(cols[0]!, { name: { zh: "培育库", en: "Pool" } }, tEn, "en", namer)).toBe("Pool")
    expect(cellText(cols[1]!, { updatedAt: "2026-01-01T10:00:00Z" }, tEn, "en", namer)).toBe("2026-01-01 10:00")
  })

  it("marks a problem overdue when still unfinished after its due date, and not once resolved", () => {
    expect(isOverdue(problemRow, "2026-03-01")).toBe(true)
    expect(isOverdue(problemRow, "2026-01-20")).toBe(false)
    expect(
      isOverdue({ ...problemRow, problem: { ...(problemRow.problem as object), status: "resolved" } }, "2026-03-01"),
    ).toBe(false)
  })
})
