/**
 * Demo problems (诊断问题清单 / 化解问题台账) so the ledger and the dashboard's open problems show something in the
 * demo: a handful per district, drawn with a seeded random from the demo population, assigned to the district's own
 * units, dated around the seeding day (some overdue, some not yet due), and some moved on through the allowed
 * transitions (@srdi/core's Problem.transition). Every description starts with 演示· like the demo enterprise names.
 */
import { randomUUID } from "node:crypto"
import { Calendar, type Enterprise, Problem, Synthetic } from "@srdi/core"
import { Either } from "effect"
import { inArray } from "drizzle-orm"
import { record, type Change } from "../db/audit.js"
import type { Db } from "../db/client.js"
import { problems, units } from "../db/schema.js"

/** The prefix of every demo problem's description (and of every demo enterprise's name). */
export const DEMO_PREFIX = "演示·"

/** How many demo problems each district gets. */
export const PER_DISTRICT = 7

/** What becomes of a demo problem: each plan is used once per district, so every state shows up. */
type Plan =
  | "overdue"
  | "due_later"
  | "in_progress_overdue"
  | "in_progress"
  | "resolved"
  | "resolved_after_work"
  | "closed_unresolved"
const PLANS: ReadonlyArray<Plan> = [
  "overdue",
  "due_later",
  "in_progress_overdue",
  "in_progress",
  "resolved",
  "resolved_after_work",
  "closed_unresolved",
]

/** Demo wording per category (the hard-tech plan's four kinds of problems), with the dimension it concerns. */
const WORDING: { readonly [C in Problem.Category]: ReadonlyArray<readonly [dimension: string, text: string]> } = {
  enterprise_specific: [
    ["知识产权", "发明专利储备不足，申报“专精特新”缺少Ⅰ类知识产权"],
    ["数字化转型", "生产线数字化改造缺少方案和资金"],
    ["人才", "研发人员流失，缺少高级工程师"],
  ],
  market_wide: [
    ["融资", "行业普遍反映中长期贷款难、抵押物不足"],
    ["市场开拓", "同类企业产品进入整机厂供应链认证周期长"],
  ],
  business_environment: [
    ["用地", "扩产用地审批进度慢"],
    ["要素保障", "园区用电容量不足，扩产线无法投产"],
  ],
  policy: [
    ["奖补兑现", "首次认定奖励申报材料要求不清楚"],
    ["政策宣传", "不了解研发费用加计扣除政策的适用范围"],
  ],
}
const CATEGORIES = Object.keys(WORDING) as ReadonlyArray<Problem.Category>

/** A demo problem: its region and its states, as raised and then after each status move (the last is current). */
export interface DemoProblem {
  readonly region: string
  readonly history: readonly [Problem.Problem, ...Array<Problem.Problem>]
}

/** A demo problem as it stands now. */
export const current = (p: DemoProblem): Problem.Problem => p.history[p.history.length - 1]!

const plus = (date: Calendar.IsoDate, days: number): Calendar.IsoDate => Calendar.fromDays(Calendar.toDays(date) + days)

/**
 * The demo problems of each district holding both demo enterprises and units, as of `today`: the same population,
 * units, day and seed always give the same problems (ids aside, which the caller supplies).
 */
export const demoProblems = (
  population: ReadonlyArray<Enterprise.Enterprise>,
  unitsByRegion: ReadonlyMap<string, ReadonlyArray<string>>,
  today: Calendar.IsoDate,
  options: { readonly seed?: number; readonly id?: () => string } = {},
): Array<DemoProblem> => {
  const r = Synthetic.rng(options.seed ?? 2025)
  const id = options.id ?? randomUUID
  const out: Array<DemoProblem> = []
  for (const region of [...new Set(population.map((e) => e.region))].sort()) {
    const regionUnits = [...(unitsByRegion.get(region) ?? [])].sort()
    const firms = population.filter((e) => e.region === region)
    if (regionUnits.length === 0 || firms.length === 0) continue
    const chosen = new Set<number>()
    PLANS.slice(0, Math.min(PER_DISTRICT, firms.length)).forEach((plan, i) => {
      let pick = r.int(0, firms.length - 1)
      while (chosen.has(pick)) pick = (pick + 1) % firms.length
      chosen.add(pick)
      const firm = firms[pick]!
      const category = CATEGORIES[i % CATEGORIES.length]!
      const [dimension, text] = r.pick(WORDING[category])
      const raisedOn = plus(today, -r.int(60, 240))
      const age = Calendar.toDays(today) - Calendar.toDays(raisedOn)
      const late = plan === "overdue" || plan === "in_progress_overdue"
      const dueOn = late ? plus(raisedOn, r.int(20, age - 10)) : plus(today, r.int(15, 90))
      const raised: Problem.Problem = {
        id: id(),
        uscc: firm.uscc,
        category,
        dimension,
        description: `${DEMO_PREFIX}${text}`,
        unit: r.pick(regionUnits),
        raisedOn,
        dueOn,
        status: "open",
      }
      const worked = plus(raisedOn, r.int(3, 15))
      const finished = plus(worked, r.int(5, Math.max(5, Calendar.toDays(today) - Calendar.toDays(worked) - 1)))
      const moves: ReadonlyArray<{
        readonly to: Problem.Status
        readonly on: Calendar.IsoDate
        readonly resolution?: string
      }> =
        plan === "in_progress" || plan === "in_progress_overdue"
          ? [{ to: "in_progress", on: worked }]
          : plan === "resolved"
            ? [{ to: "resolved", on: worked, resolution: `${DEMO_PREFIX}已对接相关政策并办结` }]
            : plan === "resolved_after_work"
              ? [
                  { to: "in_progress", on: worked },
                  { to: "resolved", on: finished, resolution: `${DEMO_PREFIX}协调解决` },
                ]
              : plan === "closed_unresolved"
                ? [
                    { to: "in_progress", on: worked },
                    { to: "closed_unresolved", on: finished, resolution: `${DEMO_PREFIX}超出区县权限，已上报` },
                  ]
                : []
      const history: [Problem.Problem, ...Array<Problem.Problem>] = [raised]
      for (const m of moves) {
        const moved = Problem.transition(history[history.length - 1]!, m.to, m.on, m.resolution)
        // The moves above follow Problem.TRANSITIONS and are dated after raising; a refusal is a bug here, not data.
        if (Either.isLeft(moved)) throw new Error(moved.left.message)
        history.push(moved.right)
      }
      out.push({ region, history })
    })
  }
  return out
}

/** The units of each region, as installed from the packs. */
export const unitsOf = async (db: Db, regions: ReadonlyArray<string>): Promise<Map<string, Array<string>>> => {
  const rows =
    regions.length === 0
      ? []
      : await db
          .select({ id: units.id, region: units.region })
          .from(units)
          .where(inArray(units.region, [...regions]))
  const out = new Map<string, Array<string>>()
  for (const u of rows) out.set(u.region, [...(out.get(u.region) ?? []), u.id])
  return out
}

/**
 * Stores the demo problems as `POST /problems` and `POST /problems/{id}/transitions` would (the row, then one audit
 * line for the creation and one per move, `seed` as the actor), in one transaction.
 */
export const seedDemoProblems = async (db: Db, list: ReadonlyArray<DemoProblem>): Promise<void> => {
  if (list.length === 0) return
  await db.transaction(async (tx) => {
    await tx.insert(problems).values(
      list.map((d) => {
        const p = current(d)
        return {
          id: p.id,
          uscc: p.uscc,
          region: d.region,
          unit: p.unit,
          category: p.category,
          status: p.status,
          dueOn: p.dueOn,
          data: p,
          version: d.history.length,
        }
      }),
    )
    const changes: Array<Change> = list.flatMap(({ region, history: [raised, ...moved] }) => [
      { action: "create", entity: "problem", entityId: raised.id, region, after: raised },
      ...moved.map((after, i) => ({
        action: `status:${after.status}`,
        entity: "problem",
        entityId: raised.id,
        region,
        before: i === 0 ? raised : moved[i - 1],
        after,
      })),
    ])
    await record(tx, "seed", changes)
  })
}
