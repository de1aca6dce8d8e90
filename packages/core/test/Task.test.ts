import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import * as fc from "fast-check"
import { Calendar, Task, type Unit } from "../src/index.js"

const T000 = "000_d71d90c544c9bbc9.txt"
const cite = (clause: string, text: string) => ({ source: T000, clause, text })

// Units and clauses of seed 000 (铜梁), as the plan prints them.
const units: ReadonlyArray<Unit.Unit> = [
  { id: "tl-jxw", name: "区经济信息委", region: "500151" },
  { id: "tl-kjj", name: "区科技局", region: "500151" },
  { id: "tl-jw", name: "区教委", region: "500151" },
  { id: "tl-zstzj", name: "区招商投资局", region: "500151" },
  { id: "tl-gxq", name: "高新区管委会", region: "500151" },
  { id: "tl-jrzx", name: "区金融发展中心", region: "500151" },
]

const task1: Task.Task = {
  id: "task-1",
  kind: "task",
  number: "1",
  title: { zh: "建立“专精特新”企业培育库", en: "Set up the SRDI enterprise cultivation pool" },
  lead: ["tl-jxw", "tl-kjj"],
  cooperating: [],
  unitsGiven: true,
  targets: [],
  recurrence: "annual",
  cite: cite(
    "二（一）1",
    "建立“专精特新”企业培育库，每年优选不少于50家种子企业入库进行重点培育……（牵头单位：区经济信息委、区科技局）",
  ),
}
const task2: Task.Task = {
  ...task1,
  id: "task-2",
  number: "2",
  title: { zh: "支持科技型企业孵化载体建设", en: "Support incubation carriers for tech enterprises" },
  lead: ["tl-kjj"],
  cooperating: ["tl-jxw", "tl-jw", "tl-zstzj", "tl-gxq"],
  cite: cite("二（一）2", "（牵头单位：区科技局；配合单位：区经济信息委、区教委、区招商投资局、高新区管委会）"),
}
const task7: Task.Task = {
  ...task1,
  id: "task-7",
  number: "7",
  title: { zh: "鼓励“专精特新”企业在资本市场开展直接融资", en: "Encourage direct financing on capital markets" },
  lead: ["tl-jrzx"],
  cite: cite("二（三）7", "鼓励“专精特新”企业在资本市场开展直接融资……（牵头单位：区金融发展中心）"),
}
// 石柱 三、保障措施（二）prints no unit (seed 001).
const shizhuSafeguard: Task.Task = {
  ...task1,
  id: "sz-safeguard-2",
  kind: "safeguard",
  number: "（二）",
  title: { zh: "强化责任落实", en: "Enforce responsibility" },
  lead: [],
  unitsGiven: false,
  cite: {
    source: "001_323b9f65a3484da2.txt",
    clause: "三（二）",
    text: "（二）强化责任落实。……定期通报企业培育和服务“专精特新”企业工作开展情况。",
  },
}

describe("Task.matrix and portfolio", () => {
  it("lays out seed 000's lead and cooperating units and sets apart clauses without units", () => {
    const m = Task.matrix([task1, task2, task7, shizhuSafeguard], units)
    expect(m.columns.map((t) => t.id)).toEqual(["task-1", "task-2", "task-7"])
    const row = (id: string) => m.rows.find((r) => r.unit.id === id)
    expect(row("tl-jxw")?.cells).toEqual(["lead", "cooperating", undefined])
    expect(row("tl-kjj")).toMatchObject({ cells: ["lead", "lead", undefined], lead: 2, cooperating: 0 })
    expect(row("tl-gxq")?.cells).toEqual([undefined, "cooperating", undefined])
    expect(row("tl-jrzx")?.cells).toEqual([undefined, undefined, "lead"])
    expect(m.unassigned.map((t) => t.id)).toEqual(["sz-safeguard-2"])
    expect(m.unknownUnits).toEqual([])
    // A unit a clause names but the unit list lacks is reported, not dropped silently.
    const short = Task.matrix(
      [task1, task2, task7],
      units.filter((u) => u.id !== "tl-jrzx"),
    )
    expect(short.unknownUnits).toEqual([{ task: "task-7", unit: "tl-jrzx" }])
  })

  it("gives each unit its portfolio, lead before cooperating", () => {
    const p = Task.portfolio([task1, task2, task7], "tl-jxw")
    expect(p.lead.map((t) => t.number)).toEqual(["1"])
    expect(p.cooperating.map((t) => t.number)).toEqual(["2"])
    expect(Task.portfolio([{ ...task2, cooperating: ["tl-kjj"] }], "tl-kjj").cooperating).toEqual([])
  })
})

describe("Task periods and overdue status", () => {
  it("lists the periods due since the plan's date (2022-10-25)", () => {
    expect(Task.periodsDue(task1, "2022-10-25", "2024-06-30").map((p) => p.id)).toEqual(["2022", "2023"])
    const quarterly = { ...task1, recurrence: "quarterly" as const }
    expect(Task.periodsDue(quarterly, "2022-10-25", "2023-07-01")).toEqual([
      { id: "2022-Q4", start: "2022-10-01", end: "2022-12-31" },
      { id: "2023-Q1", start: "2023-01-01", end: "2023-03-31" },
      { id: "2023-Q2", start: "2023-04-01", end: "2023-06-30" },
    ])
    const monthly = { ...task1, recurrence: "monthly" as const }
    expect(Task.periodsDue(monthly, "2024-01-15", "2024-03-31").map((p) => [p.id, p.end])).toEqual([
      ["2024-01", "2024-01-31"],
      ["2024-02", "2024-02-29"],
      ["2024-03", "2024-03-31"],
    ])
    expect(Task.periodsDue({ ...task1, recurrence: "ongoing" }, "2022-10-25", "2024-06-30")).toEqual([])
  })

  it("flags a lead unit that let a year pass without a report, after the 30-day grace", () => {
    const reports: ReadonlyArray<Task.Report> = [
      { task: "task-1", unit: "tl-jxw", period: "2022", reportedOn: "2023-01-10", status: "done" },
      { task: "task-1", unit: "tl-jxw", period: "2023-Q4", reportedOn: "2024-01-05", status: "in_progress" },
      { task: "task-1", unit: "tl-kjj", period: "2023", reportedOn: "2024-01-20", status: "not_started" },
      { task: "task-1", unit: "tl-kjj", period: "2024", reportedOn: "2025-01-01", status: "done" },
    ]
    const [jxw, kjj] = Task.status(task1, reports, "2024-03-01", { from: "2022-10-25" })
    expect(jxw).toMatchObject({ unit: "tl-jxw", overdue: [] })
    expect(jxw?.latest?.period).toBe("2023-Q4")
    expect(kjj?.latest?.status).toBe("not_started")
    expect(kjj?.overdue.map((o) => [o.period, o.dueOn, o.daysOverdue])).toEqual([
      ["2022", "2023-01-30", 396],
      ["2023", "2024-01-30", 31],
    ])
    // Within the grace nothing is owed for 2023 yet.
    const early = Task.status(task1, [], "2024-01-30", { from: "2023-01-01" })
    expect(early.flatMap((s) => s.overdue)).toEqual([])
  })

  it("flags a one-off task past its due date without a done report, most overdue first across tasks", () => {
    // The seed gives task 7 no date; a one-off due date is set here to exercise the rule.
    const once = { ...task7, recurrence: "once" as const, due: "2023-12-31" }
    const reports: ReadonlyArray<Task.Report> = [
      { task: "task-7", unit: "tl-jrzx", period: "2023", reportedOn: "2023-12-01", status: "in_progress" },
    ]
    const all = Task.overdue([task1, once], reports, "2024-03-01")
    expect(all.map((o) => [o.task.id, o.unit, o.period, o.daysOverdue])).toEqual([
      ["task-7", "tl-jrzx", null, 61],
      ["task-1", "tl-jxw", "2023", 31],
      ["task-1", "tl-kjj", "2023", 31],
    ])
    const done = [...reports, { ...reports[0]!, reportedOn: "2024-02-01", status: "done" as const }]
    expect(Task.overdue([once], done, "2024-03-01")).toEqual([])
  })
})

describe("Task periods (property)", () => {
  it("tile the calendar without gaps and name themselves as reports do", () => {
    const day = fc
      .integer({ min: Calendar.toDays("2020-01-01"), max: Calendar.toDays("2030-12-31") })
      .map(Calendar.fromDays)
    const rhythm = fc.constantFrom("annual" as const, "quarterly" as const, "monthly" as const)
    fc.assert(
      fc.property(rhythm, day, day, (recurrence, a, b) => {
        const [from, asOf] = a <= b ? [a, b] : [b, a]
        const periods = Task.periodsDue({ ...task1, recurrence }, from, asOf)
        periods.forEach((p, i) => {
          expect(p.end <= asOf).toBe(true)
          expect(Schema.is(Task.Report.fields.period)(p.id)).toBe(true)
          const prev = periods[i - 1]
          if (prev === undefined) expect(p.start <= from && from <= p.end).toBe(true)
          else expect(Calendar.toDays(p.start)).toBe(Calendar.toDays(prev.end) + 1)
        })
        // The period after the last one due has not ended yet.
        const last = periods.at(-1)
        const after = last === undefined ? from : Calendar.fromDays(Calendar.toDays(last.end) + 1)
        expect(Task.periodsDue({ ...task1, recurrence }, after, asOf)).toEqual([])
      }),
    )
  })
})
