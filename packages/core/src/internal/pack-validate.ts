/**
 * Cross-reference checks of a pack: what its schemas cannot see (ids that must exist, ids that must be unique,
 * dates that must be in order).
 *
 * @internal
 */
import type { Text } from "../Locale.js"
import type { Pack } from "../Pack.js"
import { orderingProblems, type Parameter } from "../Parameter.js"
import type { Node, Rule } from "../Rule.js"
import { ruleNodes } from "./pack-nodes.js"

/** A problem found by validation (see `Pack.Problem`). */
export interface Found {
  readonly code: string
  readonly path: string
  readonly message: Text
}

const t = (zh: string, en: string): Text => ({ zh, en })

export const validatePack = (pack: Pack, base: ReadonlyArray<Pack>): ReadonlyArray<Found> => {
  const out: Array<Found> = []
  const push = (code: string, path: string, message: Text) => out.push({ code, path, message })
  const all = [...base, pack]
  const known = (pick: (p: Pack) => ReadonlyArray<string>): ReadonlySet<string> => new Set(all.flatMap(pick))

  const regions = known((p) => p.regions.map((r) => r.code))
  const units = known((p) => p.units.map((u) => u.id))
  const rules = known((p) => p.rules.map((r) => r.id))
  const awards = known((p) => p.awards.map((a) => a.id))
  const pools = known((p) => p.pools.map((x) => x.id))
  const targets = known((p) => p.targets.map((x) => x.id))

  // Duplicates within this layer; overriding a base pack's id is what extending is for.
  const duplicates = (name: string, ids: ReadonlyArray<string>, field = "id") => {
    const first = new Map<string, number>()
    ids.forEach((id, i) => {
      const j = first.get(id)
      if (j === undefined) first.set(id, i)
      else
        push(
          "duplicate_id",
          `${name}[${i}].${field}`,
          t(`${field} “${id}” 与 ${name}[${j}] 重复`, `${field} "${id}" duplicates ${name}[${j}]`),
        )
    })
  }
  duplicates(
    "regions",
    pack.regions.map((r) => r.code),
    "code",
  )
  duplicates(
    "units",
    pack.units.map((u) => u.id),
  )
  duplicates(
    "targets",
    pack.targets.map((x) => x.id),
  )
  duplicates(
    "tasks",
    pack.tasks.map((x) => x.id),
  )
  duplicates(
    "rules",
    pack.rules.map((x) => x.id),
  )
  duplicates(
    "awards",
    pack.awards.map((x) => x.id),
  )
  duplicates(
    "pools",
    pack.pools.map((x) => x.id),
  )
  duplicates(
    "gaps",
    pack.gaps.map((x) => x.id),
  )

  // Numbering may restart under each heading, so a number is unique within its kind and section.
  const numbers = new Map<string, number>()
  pack.tasks.forEach((task, i) => {
    const key = `${task.kind}\u0000${task.section ?? ""}\u0000${task.number}`
    const j = numbers.get(key)
    if (j === undefined) numbers.set(key, i)
    else
      push(
        "duplicate_task_number",
        `tasks[${i}].number`,
        t(
          `${task.kind === "task" ? "任务" : "保障措施"}编号 ${task.number} 与 tasks[${j}] 重复`,
          `${task.kind} number ${task.number} duplicates tasks[${j}]`,
        ),
      )
  })

  const unknownRegion = (path: string, code: string | undefined) => {
    if (code !== undefined && !regions.has(code))
      push(
        "unknown_region",
        path,
        t(
          `未知的行政区划代码 ${code}（须在本包或其继承的包的 regions 中声明）`,
          `unknown region code ${code} (declare it in regions of this pack or a pack it extends)`,
        ),
      )
  }
  const unknownUnit = (path: string, id: string) => {
    if (!units.has(id))
      push("unknown_unit", path, t(`未知单位 ${id}（须在 units 中声明）`, `unknown unit ${id} (declare it in units)`))
  }

  unknownRegion("meta.region", pack.meta.region)
  if (pack.meta.period.from > pack.meta.period.to)
    push(
      "period_reversed",
      "meta.period",
      t(
        `期间起点 ${pack.meta.period.from} 晚于终点 ${pack.meta.period.to}`,
        `period starts ${pack.meta.period.from}, after its end ${pack.meta.period.to}`,
      ),
    )
  if (pack.meta.extends.includes(pack.meta.id))
    push("extends_self", "meta.extends", t("包不能继承自身", "a pack cannot extend itself"))

  pack.units.forEach((u, i) => unknownRegion(`units[${i}].region`, u.region))
  pack.targets.forEach((x, i) => {
    unknownRegion(`targets[${i}].region`, x.region)
    if (x.rollsUpTo !== undefined && !targetExists(x.rollsUpTo, pack, base, targets))
      push(
        "unknown_target",
        `targets[${i}].rollsUpTo`,
        t(
          `汇总到的目标 ${x.rollsUpTo} 不存在（写作 包id:目标id，包须在继承链中）`,
          `rollsUpTo names unknown target ${x.rollsUpTo} (write pack-id:target-id of a pack in the extends chain)`,
        ),
      )
    if (x.start !== undefined && x.start > x.deadline)
      push(
        "dates_reversed",
        `targets[${i}].start`,
        t(`起始日 ${x.start} 晚于期限 ${x.deadline}`, `start ${x.start} is after the deadline ${x.deadline}`),
      )
  })
  pack.pools.forEach((x, i) => {
    unknownRegion(`pools[${i}].region`, x.region)
    if (x.entryRule !== undefined && !rules.has(x.entryRule))
      push(
        "unknown_rule",
        `pools[${i}].entryRule`,
        t(`入库规则 ${x.entryRule} 不存在`, `entry rule ${x.entryRule} is not a rule of this pack or its base`),
      )
  })

  pack.tasks.forEach((task, i) => {
    if (task.lead.length === 0 && task.unitsGiven)
      push(
        "task_without_lead",
        `tasks[${i}].lead`,
        t(
          "没有牵头单位；原文未指定单位时写 unitsGiven: false 并记录缺口",
          "has no lead unit; where the source names none, write unitsGiven: false and record a gap",
        ),
      )
    task.lead.forEach((u, j) => unknownUnit(`tasks[${i}].lead[${j}]`, u))
    task.cooperating.forEach((u, j) => unknownUnit(`tasks[${i}].cooperating[${j}]`, u))
    task.targets.forEach((x, j) => {
      if (!targetExists(x, pack, base, targets))
        push(
          "unknown_target",
          `tasks[${i}].targets[${j}]`,
          t(`关联目标 ${x} 不存在`, `linked target ${x} does not exist`),
        )
    })
  })

  pack.awards.forEach((a, i) => {
    if (a.payer !== undefined) unknownUnit(`awards[${i}].payer`, a.payer)
    if (a.trigger.kind === "pool_entry" && !pools.has(a.trigger.pool))
      push(
        "unknown_pool",
        `awards[${i}].trigger.pool`,
        t(`未知的库 ${a.trigger.pool}`, `unknown pool ${a.trigger.pool}`),
      )
    for (const [path, parameter] of awardParameters(a.amount)) ordering(push, `awards[${i}].amount${path}`, parameter)
  })

  pack.rules.forEach((rule, i) => {
    if (rule.effective.until !== undefined && rule.effective.until < rule.effective.from)
      push(
        "dates_reversed",
        `rules[${i}].effective.until`,
        t(
          `失效日 ${rule.effective.until} 早于生效日 ${rule.effective.from}`,
          `until ${rule.effective.until} is before from ${rule.effective.from}`,
        ),
      )
    const ids = new Map<string, string>()
    for (const { node, path } of ruleNodes(rule.root, `rules[${i}].root`)) {
      const seen = ids.get(node.id)
      if (seen !== undefined)
        push(
          "duplicate_node_id",
          `${path}.id`,
          t(
            `节点 id “${node.id}” 在规则 ${rule.id} 中与 ${seen} 重复`,
            `node id "${node.id}" duplicates ${seen} in rule ${rule.id}`,
          ),
        )
      else ids.set(node.id, path)
      for (const [sub, parameter] of nodeParameters(node)) ordering(push, `${path}${sub}`, parameter)
    }
  })
  overlaps(pack, base, push)

  pack.tests.forEach((c, i) => {
    if (c.rule !== undefined && !rules.has(c.rule) && !all.some((p) => p.rules.some((r) => r.decides === c.rule)))
      push(
        "unknown_rule",
        `tests[${i}].rule`,
        t(`测试用例引用了未知规则 ${c.rule}`, `test case names unknown rule ${c.rule}`),
      )
    c.expect.awards?.forEach((a, j) => {
      if (!awards.has(a.award))
        push(
          "unknown_award",
          `tests[${i}].expect.awards[${j}].award`,
          t(`测试用例引用了未知奖励 ${a.award}`, `test case names unknown award ${a.award}`),
        )
    })
  })
  return out
}

const targetExists = (ref: string, pack: Pack, base: ReadonlyArray<Pack>, ids: ReadonlySet<string>): boolean => {
  const colon = ref.indexOf(":")
  if (colon < 0) return ids.has(ref)
  const packId = ref.slice(0, colon)
  const id = ref.slice(colon + 1)
  const owner = [...base, pack].find((p) => p.meta.id === packId)
  return owner !== undefined && owner.targets.some((x) => x.id === id)
}

const ordering = (push: (code: string, path: string, message: Text) => void, path: string, parameter: Parameter) => {
  for (const p of orderingProblems(parameter))
    push(
      "parameter_order",
      `${path}[${p.index}]`,
      t(`参数取值的日期顺序有误：${p.message}`, `parameter values out of order: ${p.message}`),
    )
}

/** The dated parameters of a node, with the path suffix to each. */
export const nodeParameters = (node: Node): ReadonlyArray<readonly [string, Parameter]> => {
  switch (node.kind) {
    case "compare":
      return [[".threshold", node.threshold]]
    case "score":
      return [
        [".min", node.min],
        ...(node.groups ?? []).flatMap((g, i) => (g.min === undefined ? [] : [[`.groups[${i}].min`, g.min] as const])),
      ]
    default:
      return []
  }
}

/** The dated parameters of an award amount, with the path suffix to each. */
export const awardParameters = (
  amount: Pack["awards"][number]["amount"],
): ReadonlyArray<readonly [string, Parameter]> => {
  switch (amount.kind) {
    case "fixed":
    case "points":
      return [[".value", amount.value]]
    case "staged":
      return amount.stages.map((s, i) => [`.stages[${i}].value`, s.value] as const)
    case "share":
      return [[".rate", amount.rate], ...(amount.cap === undefined ? [] : [[".cap", amount.cap] as const])]
    case "unspecified":
      return []
  }
}

const overlaps = (pack: Pack, base: ReadonlyArray<Pack>, push: (code: string, path: string, message: Text) => void) => {
  const own = new Set(pack.rules.map((r) => r.id))
  // The base's rules this layer does not override still count: a new rule must not collide with them.
  const inherited = base.flatMap((p) => p.rules).filter((r) => !own.has(r.id))
  pack.rules.forEach((rule, i) => {
    if (rule.decides === undefined) return
    const others: ReadonlyArray<{ rule: Rule; where: string }> = [
      ...pack.rules.slice(0, i).map((r, j) => ({ rule: r, where: `rules[${j}]` })),
      ...inherited.map((r) => ({ rule: r, where: `base rule ${r.id}` })),
    ]
    for (const other of others) {
      if (other.rule.decides !== rule.decides || other.rule.id === rule.id) continue
      const a = rule.effective
      const b = other.rule.effective
      if (a.from <= (b.until ?? "9999-12-31") && b.from <= (a.until ?? "9999-12-31"))
        push(
          "overlapping_rules",
          `rules[${i}].effective`,
          t(
            `与 ${other.where}（${other.rule.id}）判定同一事项 ${rule.decides}，生效期重叠`,
            `decides ${rule.decides} like ${other.where} (${other.rule.id}) and their effective periods overlap`,
          ),
        )
    }
  })
}
