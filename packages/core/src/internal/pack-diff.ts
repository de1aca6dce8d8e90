/**
 * Structural diff of two packs — two versions of one plan, or two districts' plans — and its text form.
 *
 * @internal
 */
import type { Award } from "../Award.js"
import type { Lang } from "../Locale.js"
import type {
  AmountChange,
  CollectionDiff,
  Diff,
  FieldChange,
  ItemChange,
  Matched,
  Pack,
  TargetChange,
  ThresholdChange,
} from "../Pack.js"
import { at, type Parameter } from "../Parameter.js"
import type { Node, Rule } from "../Rule.js"
import { canonicalJson } from "./pack-hash.js"
import { ruleNodes } from "./pack-nodes.js"
import { nodeParameters } from "./pack-validate.js"
import { COLLECTIONS, type Collection, keyOf } from "./pack-resolve.js"

/** Field-level changes between two plain values, leaves only. */
export const fieldChanges = (before: unknown, after: unknown, path = ""): ReadonlyArray<FieldChange> => {
  if (canonicalJson(before) === canonicalJson(after)) return []
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v)
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: Array<FieldChange> = []
    for (let i = 0; i < Math.max(before.length, after.length); i++)
      out.push(...fieldChanges(before[i], after[i], `${path}[${i}]`))
    return out
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
    return keys.flatMap((k) => fieldChanges(before[k], after[k], path === "" ? k : `${path}.${k}`))
  }
  return [{ path: path === "" ? "(root)" : path, before, after }]
}

// When ids differ (two districts' packs), items still pair up by what they are.
type Item = Readonly<Record<string, unknown>>
const field = (item: Item, name: string): string => String(item[name] ?? "")
const SECONDARY: Partial<Record<Collection, { readonly by: Matched; readonly key: (item: Item) => string }>> = {
  targets: { by: "metric", key: (x) => `${field(x, "metric")}|${field(x, "basis")}` },
  tasks: { by: "number", key: (x) => `${field(x, "kind")}|${field(x, "number")}` },
  awards: { by: "trigger", key: (x) => canonicalJson(x["trigger"]) },
  // 区经济信息委 and 县经济信息委 are the same department in two districts.
  units: { by: "name", key: (x) => field(x, "name").replace(/^[区县市]/, "") },
  rules: {
    by: "decides",
    key: (x) =>
      x["decides"] === undefined ? "" : `${field(x, "decides")}|${(x["effective"] as { from: string }).from}`,
  },
}

const pairUp = (
  collection: Collection,
  a: ReadonlyArray<unknown>,
  b: ReadonlyArray<unknown>,
): {
  readonly pairs: ReadonlyArray<readonly [unknown, unknown, Matched]>
  readonly added: Array<unknown>
  readonly removed: Array<unknown>
} => {
  const pairs: Array<readonly [unknown, unknown, Matched]> = []
  const bByKey = new Map(b.map((x) => [keyOf(collection, x), x]))
  let removed: Array<unknown> = []
  const used = new Set<unknown>()
  for (const x of a) {
    const y = bByKey.get(keyOf(collection, x))
    if (y !== undefined && !used.has(y)) {
      pairs.push([x, y, "id"])
      used.add(y)
    } else removed.push(x)
  }
  let added = b.filter((y) => !used.has(y))
  const secondary = SECONDARY[collection]
  if (secondary !== undefined) {
    const unique = (xs: ReadonlyArray<unknown>) => {
      const m = new Map<string, unknown>()
      const dup = new Set<string>()
      for (const x of xs) {
        const k = secondary.key(x as Item)
        if (k === "") continue
        if (m.has(k)) dup.add(k)
        m.set(k, x)
      }
      for (const k of dup) m.delete(k)
      return m
    }
    const ua = unique(removed)
    const ub = unique(added)
    for (const [k, x] of ua) {
      const y = ub.get(k)
      if (y === undefined) continue
      pairs.push([x, y, secondary.by])
      removed = removed.filter((r) => r !== x)
      added = added.filter((r) => r !== y)
    }
  }
  return { pairs, added, removed }
}

const parameterChanges = (before: Parameter, after: Parameter) => {
  const dates = [...new Set([...before.map((v) => v.from), ...after.map((v) => v.from)])].sort()
  const valueOn = (p: Parameter, d: string) => at(p, d)?.value ?? null
  return dates.flatMap((date) => {
    const b = valueOn(before, date)
    const a = valueOn(after, date)
    return b === a ? [] : [{ date, before: b, after: a }]
  })
}

const thresholds = (a: Rule, b: Rule): ReadonlyArray<ThresholdChange> => {
  const nodesOf = (r: Rule) => new Map<string, Node>(ruleNodes(r.root, "").map(({ node }) => [node.id, node]))
  const na = nodesOf(a)
  const out: Array<ThresholdChange> = []
  for (const [id, nb] of nodesOf(b)) {
    const old = na.get(id)
    if (old === undefined) continue
    const before = new Map(nodeParameters(old))
    for (const [suffix, p] of nodeParameters(nb)) {
      const q = before.get(suffix)
      if (q === undefined) continue
      for (const c of parameterChanges(q, p)) out.push({ rule: b.id, node: id, parameter: suffix.slice(1), ...c })
    }
  }
  return out
}

const amountParts = (award: Award): ReadonlyMap<string, Parameter> => {
  const amount = award.amount
  switch (amount.kind) {
    case "fixed":
    case "points":
      return new Map([["value", amount.value]])
    case "staged":
      return new Map(amount.stages.map((s) => [`stage ${s.stage}`, s.value]))
    case "share":
      return new Map([
        ["rate", amount.rate],
        ...(amount.cap === undefined ? [] : [["cap", amount.cap] as [string, Parameter]]),
      ])
    case "unspecified":
      return new Map()
  }
}

const amounts = (a: Award, b: Award): ReadonlyArray<AmountChange> => {
  const before = amountParts(a)
  const after = amountParts(b)
  const out: Array<AmountChange> = []
  for (const part of new Set([...before.keys(), ...after.keys()])) {
    const p = before.get(part)
    const q = after.get(part)
    if (p !== undefined && q !== undefined)
      for (const c of parameterChanges(p, q)) out.push({ award: b.id, part, ...c })
    else {
      const only = (p ?? q) as Parameter
      for (const v of only)
        out.push({
          award: b.id,
          part,
          date: v.from,
          before: p === undefined ? null : v.value,
          after: q === undefined ? null : v.value,
        })
    }
  }
  if (a.amount.kind !== b.amount.kind && (a.amount.kind === "unspecified" || b.amount.kind === "unspecified"))
    out.push({ award: b.id, part: `kind ${a.amount.kind} → ${b.amount.kind}`, date: "", before: null, after: null })
  return out
}

export const diffPacks = (a: Pack, b: Pack): Diff => {
  const collections = {} as Record<Collection, CollectionDiff>
  const thresholdChanges: Array<ThresholdChange> = []
  const amountChanges: Array<AmountChange> = []
  const targetChanges: Array<TargetChange> = []
  for (const collection of Object.keys(COLLECTIONS) as Array<Collection>) {
    const { pairs, added, removed } = pairUp(collection, a[collection], b[collection])
    const changed: Array<ItemChange> = []
    for (const [x, y, by] of pairs) {
      const changes = fieldChanges(x, y)
      if (changes.length === 0) continue
      changed.push({ id: keyOf(collection, y), was: keyOf(collection, x), matchedBy: by, changes })
      if (collection === "rules") thresholdChanges.push(...thresholds(x as Rule, y as Rule))
      if (collection === "awards") amountChanges.push(...amounts(x as Award, y as Award))
      if (collection === "targets") {
        const tx = x as Pack["targets"][number]
        const ty = y as Pack["targets"][number]
        if (
          tx.value !== ty.value ||
          tx.comparator !== ty.comparator ||
          tx.deadline !== ty.deadline ||
          tx.region !== ty.region
        )
          targetChanges.push({
            target: ty.id,
            metric: ty.metric,
            basis: ty.basis,
            before: { value: tx.value, comparator: tx.comparator, deadline: tx.deadline, region: tx.region },
            after: { value: ty.value, comparator: ty.comparator, deadline: ty.deadline, region: ty.region },
          })
      }
    }
    collections[collection] = {
      added: added.map((x) => keyOf(collection, x)),
      removed: removed.map((x) => keyOf(collection, x)),
      changed,
    }
  }
  return {
    a: { id: a.meta.id, version: a.meta.version },
    b: { id: b.meta.id, version: b.meta.version },
    meta: fieldChanges(a.meta, b.meta),
    collections,
    thresholds: thresholdChanges,
    amounts: amountChanges,
    targets: targetChanges,
  }
}

const show = (v: unknown): string => {
  if (v === undefined) return "—"
  const s = typeof v === "string" ? v : JSON.stringify(v)
  return s.length > 80 ? `${s.slice(0, 77)}...` : s
}

const NAMES: Record<Collection, string> = {
  regions: "行政区划",
  units: "单位",
  targets: "目标",
  tasks: "任务",
  rules: "规则",
  awards: "奖励",
  pools: "库",
  gaps: "缺口",
}

const BY_ZH: Record<Matched, string> = {
  id: "id",
  metric: "指标与口径",
  number: "类别与编号",
  trigger: "触发条件",
  name: "名称",
  decides: "判定事项与生效日",
}

export const formatDiffText = (diff: Diff, lang: Lang): string => {
  const zh = lang === "zh"
  const lines: Array<string> = [`${diff.a.id}@${diff.a.version} → ${diff.b.id}@${diff.b.version}`]
  const total =
    diff.meta.length +
    diff.thresholds.length +
    diff.amounts.length +
    Object.values(diff.collections).reduce((n, c) => n + c.added.length + c.removed.length + c.changed.length, 0)
  if (total === 0) return [...lines, zh ? "无差异" : "no differences"].join("\n")
  if (diff.meta.length > 0) {
    lines.push(zh ? "元数据" : "meta")
    for (const c of diff.meta) lines.push(`  ${c.path}: ${show(c.before)} → ${show(c.after)}`)
  }
  for (const collection of Object.keys(COLLECTIONS) as Array<Collection>) {
    const c = diff.collections[collection]
    if (c.added.length + c.removed.length + c.changed.length === 0) continue
    lines.push(`${zh ? NAMES[collection] : collection}: +${c.added.length} −${c.removed.length} ~${c.changed.length}`)
    for (const id of c.added) lines.push(`  + ${id}`)
    for (const id of c.removed) lines.push(`  − ${id}`)
    for (const item of c.changed) {
      const by =
        item.matchedBy === "id"
          ? ""
          : zh
            ? `（按${BY_ZH[item.matchedBy]}对应 ${item.was}）`
            : ` (matched by ${item.matchedBy}: ${item.was})`
      lines.push(`  ~ ${item.id}${by}`)
      for (const f of item.changes) lines.push(`      ${f.path}: ${show(f.before)} → ${show(f.after)}`)
    }
  }
  const none = zh ? "无" : "none"
  const num = (v: number | null) => (v === null ? none : String(v))
  if (diff.thresholds.length > 0) {
    lines.push(zh ? "门槛变化" : "thresholds changed")
    for (const c of diff.thresholds)
      lines.push(
        `  ${c.rule} / ${c.node} ${c.parameter} ${zh ? "自" : "from"} ${c.date}: ${num(c.before)} → ${num(c.after)}`,
      )
  }
  if (diff.amounts.length > 0) {
    lines.push(zh ? "金额变化" : "amounts changed")
    for (const c of diff.amounts)
      lines.push(
        `  ${c.award} ${c.part}${c.date === "" ? "" : ` ${zh ? "自" : "from"} ${c.date}`}: ${num(c.before)} → ${num(c.after)}`,
      )
  }
  if (diff.targets.length > 0) {
    lines.push(zh ? "目标值变化" : "target values changed")
    for (const c of diff.targets) {
      const side = (s: TargetChange["before"]) =>
        `${s.comparator}${s.value} ${zh ? "截至" : "by"} ${s.deadline} @${s.region}`
      lines.push(`  ${c.target} (${c.metric}, ${c.basis}): ${side(c.before)} → ${side(c.after)}`)
    }
  }
  return lines.join("\n")
}
