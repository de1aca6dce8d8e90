/**
 * The rule compiler: a rule tree becomes two closures per node, resolved once for the evaluation date.
 * `v` decides (outcome codes, no allocation, short-circuits); `t` decides and writes the trace (pre-order,
 * every child visited) — both share the same getters so they can never disagree.
 */
import { type IsoDate, toDays } from "../Calendar.js"
import type { Enterprise } from "../Enterprise.js"
import { compute, type Ref } from "../Indicator.js"
import { valueAt } from "../Parameter.js"
import type * as R from "../Rule.js"
import { heldAt, meetsLevel } from "../Title.js"
import { defaultLabel, refLabel } from "./rule-label.js"
import { type Getter, scalar, yearly } from "./rule-indicator.js"

/** Outcome codes of the verdict path. */
export const PASS = 0
export const FAIL = 1
export const REVIEW = 2
export const UNKNOWN = 3

/** Outcome names by code. */
export const OUTCOMES: ReadonlyArray<R.Outcome> = ["pass", "fail", "review", "unknown"]

/** Relative distances divide by at least this, so a zero threshold does not give an infinite distance. */
const EPSILON = 1

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** A trace node under construction. */
export type TraceEntry = Mutable<R.TraceNode>

/** What the trace path collects while walking a rule. */
export interface TraceContext {
  readonly trace: Array<TraceEntry>
  readonly missing: Array<string>
  score?: { readonly total: number; readonly groups: Record<string, number> }
}

/** A compiled node. Points items also expose their maximum, for the best case of a score with unknown items. */
export interface CompiledNode {
  readonly v: (e: Enterprise) => number
  readonly t: (e: Enterprise, ctx: TraceContext, depth: number) => TraceEntry
}

interface CompiledItem extends CompiledNode {
  readonly group: string
  readonly max: number
  /** Points of the last `v` call; `itemOutcome` holds its outcome. */
  readonly p: (e: Enterprise) => number
}

// The outcome of the last points item evaluated on the verdict path (single-threaded, so a module slot is safe).
let itemOutcome = PASS

const soften = (soft: boolean | undefined, outcome: number): number =>
  soft === true && outcome === FAIL ? REVIEW : outcome

const relative = (threshold: number, value: number): number =>
  Math.abs(threshold - value) / Math.max(Math.abs(threshold), EPSILON)

const OPS: Record<R.Operator, (a: number, b: number) => boolean> = {
  ">=": (a, b) => a >= b,
  ">": (a, b) => a > b,
  "<=": (a, b) => a <= b,
  "<": (a, b) => a < b,
  "==": (a, b) => a === b,
  "!=": (a, b) => a !== b,
}

interface Head {
  readonly label: R.TraceNode["label"]
  readonly subject: R.TraceNode["subject"]
  readonly indicator: R.TraceNode["indicator"]
}

// Labels are worked out once per node, not once per evaluation.
const heads = new WeakMap<R.Node, Head>()

const headOf = (node: R.Node): Head => {
  let head = heads.get(node)
  if (head === undefined) {
    const ref =
      node.kind === "compare"
        ? node.indicator
        : node.kind === "switch"
          ? node.on
          : node.kind === "points"
            ? node.indicator
            : undefined
    // A pack's label is usually the criterion itself (上年度研发投入强度不低于5%); sentences about the value seen
    // need the name of what was measured (上年度研发投入强度).
    head = {
      label: node.label ?? defaultLabel(node),
      subject: node.kind === "compare" ? refLabel(node.indicator) : undefined,
      indicator: ref?.id,
    }
    heads.set(node, head)
  }
  return head
}

// Every entry has every key, in one order, so entries share one hidden class and the stores that fill them in
// stay monomorphic; absent values are `undefined` (which JSON drops).
const base = (node: R.Node, depth: number, outcome: number): TraceEntry => {
  const head = headOf(node)
  return {
    id: node.id,
    kind: node.kind,
    depth,
    outcome: OUTCOMES[outcome]!,
    label: head.label,
    subject: head.subject,
    cite: node.cite,
    soft: node.soft === true ? true : undefined,
    indicator: head.indicator,
    value: undefined,
    threshold: undefined,
    op: undefined,
    points: undefined,
    distance: undefined,
    missing: undefined,
    groups: undefined,
  }
}

/** Holds a composite's place in the trace until its children are done. */
const PLACEHOLDER = {} as TraceEntry

const missingOf = (ref: Ref, e: Enterprise, asOf: IsoDate, ctx: TraceContext): Array<string> => {
  const m = compute(ref, e, asOf).missing
  for (const x of m) if (!ctx.missing.includes(x)) ctx.missing.push(x)
  return m
}

/** For bands and switches an `each` reference reads its latest year only. */
const scalarRef = (ref: Ref): Ref =>
  (ref.aggregate ?? "each") === "each" ? { id: ref.id, ...(ref.lag !== undefined ? { lag: ref.lag } : {}) } : ref

const paramMissing = (node: R.Node, ctx: TraceContext, suffix = ""): Array<string> => {
  const m = `parameter:${node.id}${suffix}`
  if (!ctx.missing.includes(m)) ctx.missing.push(m)
  return [m]
}

const compileCompare = (node: R.Compare, asOf: IsoDate): CompiledNode => {
  const threshold = valueAt(node.threshold, asOf)
  const soft = node.soft
  if (threshold === undefined) {
    return {
      v: () => UNKNOWN,
      t: (_e, ctx, depth) => {
        const entry = base(node, depth, UNKNOWN)
        entry.op = node.op
        entry.missing = paramMissing(node, ctx)
        return entry
      },
    }
  }
  const test = OPS[node.op]
  const y = yearly(node.indicator, asOf)
  const each = y !== undefined && (node.indicator.aggregate ?? "each") === "each"
  const distanceOf = (value: number): number => (node.op === "!=" ? 1 : relative(threshold, value))
  if (each) {
    const ys = y.years
    const get = y.get
    const v = (e: Enterprise): number => {
      const fin = e.financials
      let unknown = false
      for (let i = 0; i < ys.length; i++) {
        const x = get(fin, ys[i]!)
        if (x !== x) unknown = true
        else if (!test(x, threshold)) return soft === true ? REVIEW : FAIL
      }
      return unknown ? UNKNOWN : PASS
    }
    const t = (e: Enterprise, ctx: TraceContext, depth: number): TraceEntry => {
      const fin = e.financials
      const values: Array<number | null> = []
      let outcome = PASS
      let distance = 0
      let unknown = false
      for (const yr of ys) {
        const x = get(fin, yr)
        if (x !== x) {
          values.push(null)
          unknown = true
        } else {
          values.push(x)
          if (!test(x, threshold)) {
            outcome = FAIL
            distance = Math.max(distance, distanceOf(x))
          }
        }
      }
      if (outcome !== FAIL && unknown) outcome = UNKNOWN
      const entry = base(node, depth, soften(soft, outcome))
      entry.value = values
      entry.threshold = threshold
      entry.op = node.op
      if (outcome === FAIL) entry.distance = distance
      if (unknown) entry.missing = missingOf(node.indicator, e, asOf, ctx)
      return entry
    }
    return { v, t }
  }
  const get = scalar(node.indicator, asOf)
  const fail = soft === true ? REVIEW : FAIL
  return {
    v: (e) => {
      const x = get(e)
      return x !== x ? UNKNOWN : test(x, threshold) ? PASS : fail
    },
    t: (e, ctx, depth) => {
      const x = get(e)
      const outcome = x !== x ? UNKNOWN : test(x, threshold) ? PASS : FAIL
      const entry = base(node, depth, soften(soft, outcome))
      entry.threshold = threshold
      entry.op = node.op
      if (outcome === UNKNOWN) entry.missing = missingOf(node.indicator, e, asOf, ctx)
      else entry.value = x
      if (outcome === FAIL) entry.distance = distanceOf(x)
      return entry
    },
  }
}

// Title and honour nodes pass when something is found; the trace shows what (or a distance of 1 when nothing is).
const presence = (node: R.HasTitle | R.HasHonor, find: (e: Enterprise) => string | undefined): CompiledNode => {
  const fail = node.soft === true ? REVIEW : FAIL
  return {
    v: (e) => (find(e) === undefined ? fail : PASS),
    t: (e, _ctx, depth) => {
      const found = find(e)
      const entry = base(node, depth, found === undefined ? fail : PASS)
      if (found === undefined) entry.distance = 1
      else entry.value = found
      return entry
    },
  }
}

// Title.heldAt is the one predicate (holdings, and `listed` through listing events); the options are built once here.
const compileTitle = (node: R.HasTitle, asOf: IsoDate): CompiledNode => {
  const titles = node.titles
  const opts = { minLevel: node.minLevel, withinYears: node.withinYears }
  return presence(node, (e) => heldAt(e, titles, asOf, opts))
}

const compileHonor = (node: R.HasHonor, asOf: IsoDate): CompiledNode => {
  const asOfDays = toDays(asOf)
  const found = (e: Enterprise): string | undefined => {
    for (const h of e.honors) {
      if (!node.honors.includes(h.kind) || h.on > asOf) continue
      if ((asOfDays - toDays(h.on)) / 365.2425 > node.withinYears) continue
      if (!meetsLevel(h.level, node.minLevel)) continue
      if (node.maxRank !== undefined && (h.rank === undefined || h.rank > node.maxRank)) continue
      return h.name ?? h.kind
    }
    return undefined
  }
  return presence(node, found)
}

const compileAttestation = (node: R.Attest, asOf: IsoDate): CompiledNode => {
  const criterion = node.criterion
  // 1 attested true, 0 attested false, -1 none on or before the date; the latest attestation wins.
  const read = (e: Enterprise): number => {
    const as = e.attestations
    let best: (typeof as)[number] | undefined
    for (let i = 0; i < as.length; i++) {
      const a = as[i]!
      if (a.criterion === criterion && a.attestedOn <= asOf && (best === undefined || a.attestedOn >= best.attestedOn))
        best = a
    }
    return best === undefined ? -1 : best.value ? 1 : 0
  }
  const fail = node.soft === true ? REVIEW : FAIL
  return {
    v: (e) => {
      const r = read(e)
      return r === 1 ? PASS : r === 0 ? fail : REVIEW
    },
    t: (e, _ctx, depth) => {
      const r = read(e)
      const entry = base(node, depth, r === 1 ? PASS : r === 0 ? fail : REVIEW)
      if (r !== -1) entry.value = r === 1
      if (r === 0) entry.distance = 1
      return entry
    },
  }
}

/** The at-least table: pass with `min` passes; fail when even every undecided child could not reach it. */
const combineAtLeast = (min: number, passes: number, reviews: number, unknowns: number): number => {
  if (passes >= min) return PASS
  if (passes + reviews + unknowns < min) return FAIL
  return passes + reviews >= min ? REVIEW : UNKNOWN
}

const compileGroup = (node: R.All | R.AnyOf | R.AtLeast, asOf: IsoDate): CompiledNode => {
  const kids = node.of.map((c) => compileNode(c, asOf))
  const n = kids.length
  const soft = node.soft
  let v: (e: Enterprise) => number
  if (node.kind === "all") {
    v = (e) => {
      let unknown = false
      let review = false
      for (let i = 0; i < n; i++) {
        const c = kids[i]!.v(e)
        if (c === FAIL) return soft === true ? REVIEW : FAIL
        if (c === UNKNOWN) unknown = true
        else if (c === REVIEW) review = true
      }
      return unknown ? UNKNOWN : review ? REVIEW : PASS
    }
  } else if (node.kind === "any") {
    v = (e) => {
      let unknown = false
      let review = false
      for (let i = 0; i < n; i++) {
        const c = kids[i]!.v(e)
        if (c === PASS) return PASS
        if (c === UNKNOWN) unknown = true
        else if (c === REVIEW) review = true
      }
      return review ? REVIEW : unknown ? UNKNOWN : soft === true ? REVIEW : FAIL
    }
  } else {
    const min = node.min
    v = (e) => {
      let passes = 0
      let reviews = 0
      let unknowns = 0
      for (let i = 0; i < n; i++) {
        const c = kids[i]!.v(e)
        if (c === PASS) {
          if (++passes >= min) return PASS
        } else if (c === REVIEW) reviews++
        else if (c === UNKNOWN) unknowns++
      }
      return soften(soft, combineAtLeast(min, passes, reviews, unknowns))
    }
  }
  const t = (e: Enterprise, ctx: TraceContext, depth: number): TraceEntry => {
    const at = ctx.trace.length
    ctx.trace.push(PLACEHOLDER)
    let passes = 0
    let fails = 0
    let reviews = 0
    let unknowns = 0
    let maxFail = 0
    let minFail = Infinity
    const failing: Array<number> = []
    for (let i = 0; i < n; i++) {
      const x = kids[i]!.t(e, ctx, depth + 1)
      if (x.outcome === "pass") passes++
      else if (x.outcome === "review") reviews++
      else if (x.outcome === "unknown") unknowns++
      else {
        fails++
        const d = x.distance ?? 1
        if (d > maxFail) maxFail = d
        if (d < minFail) minFail = d
        if (node.kind === "atLeast") failing.push(d)
      }
    }
    let outcome: number
    let distance = 0
    if (node.kind === "all") {
      outcome = fails > 0 ? FAIL : unknowns > 0 ? UNKNOWN : reviews > 0 ? REVIEW : PASS
      distance = maxFail
    } else if (node.kind === "any") {
      outcome = passes > 0 ? PASS : reviews > 0 ? REVIEW : unknowns > 0 ? UNKNOWN : FAIL
      distance = fails > 0 ? minFail : 0
    } else {
      outcome = combineAtLeast(node.min, passes, reviews, unknowns)
      distance = failing
        .sort((a, b) => a - b)
        .slice(0, node.min - passes)
        .reduce((a, b) => a + b, 0)
    }
    const entry = base(node, depth, soften(soft, outcome))
    if (outcome === FAIL) entry.distance = distance
    ctx.trace[at] = entry
    return entry
  }
  return { v, t }
}

const compileNot = (node: R.Not, asOf: IsoDate): CompiledNode => {
  const kid = compileNode(node.of, asOf)
  const swap = (c: number): number => soften(node.soft, c === PASS ? FAIL : c === FAIL ? PASS : c)
  return {
    v: (e) => swap(kid.v(e)),
    t: (e, ctx, depth) => {
      const at = ctx.trace.length
      ctx.trace.push(PLACEHOLDER)
      const child = kid.t(e, ctx, depth + 1)
      const outcome = OUTCOMES.indexOf(child.outcome)
      const entry = base(node, depth, swap(outcome))
      if (outcome === PASS) entry.distance = 1
      ctx.trace[at] = entry
      return entry
    },
  }
}

const inBand = (x: number, min: number | undefined, max: number | undefined): boolean =>
  (min === undefined || x >= min) && (max === undefined || x < max)

const compileSwitch = (node: R.Switch, asOf: IsoDate): CompiledNode => {
  const get = scalar(node.on, asOf)
  const cases = node.cases.map((c) => ({ min: c.min, max: c.max, rule: compileNode(c.rule, asOf) }))
  const pick = (x: number): CompiledNode | undefined => {
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i]!
      if (inBand(x, c.min, c.max)) return c.rule
    }
    return undefined
  }
  const fail = node.soft === true ? REVIEW : FAIL
  return {
    v: (e) => {
      const x = get(e)
      if (x !== x) return UNKNOWN
      const c = pick(x)
      return c === undefined ? fail : soften(node.soft, c.v(e))
    },
    t: (e, ctx, depth) => {
      const x = get(e)
      if (x !== x) {
        const entry = base(node, depth, UNKNOWN)
        entry.missing = missingOf(scalarRef(node.on), e, asOf, ctx)
        ctx.trace.push(entry)
        return entry
      }
      const c = pick(x)
      if (c === undefined) {
        const entry = base(node, depth, fail)
        entry.value = x
        entry.distance = 1
        ctx.trace.push(entry)
        return entry
      }
      const at = ctx.trace.length
      ctx.trace.push(PLACEHOLDER)
      const child = c.t(e, ctx, depth + 1)
      const outcome = OUTCOMES.indexOf(child.outcome)
      const entry = base(node, depth, soften(node.soft, outcome))
      entry.value = x
      if (child.distance !== undefined) entry.distance = child.distance
      ctx.trace[at] = entry
      return entry
    },
  }
}

const compilePoints = (node: R.Points, asOf: IsoDate): CompiledItem => {
  const max = node.max
  if (node.cases !== undefined) {
    const cases = node.cases.map((c) => ({ when: compileNode(c.when, asOf), points: c.points }))
    const p = (e: Enterprise): number => {
      for (let i = 0; i < cases.length; i++) {
        const c = cases[i]!
        const o = c.when.v(e)
        if (o === PASS) {
          itemOutcome = PASS
          return c.points
        }
        if (o !== FAIL) {
          itemOutcome = o
          return 0
        }
      }
      itemOutcome = PASS
      return 0
    }
    const t = (e: Enterprise, ctx: TraceContext, depth: number): TraceEntry => {
      const at = ctx.trace.length
      ctx.trace.push(PLACEHOLDER)
      let outcome = PASS
      let points = 0
      let decided = false
      for (const c of cases) {
        const o = OUTCOMES.indexOf(c.when.t(e, ctx, depth + 1).outcome)
        if (decided) continue
        if (o === PASS) {
          points = c.points
          decided = true
        } else if (o !== FAIL) {
          outcome = o
          decided = true
        }
      }
      const entry = base(node, depth, outcome)
      entry.points = points
      ctx.trace[at] = entry
      return entry
    }
    return { group: node.group, max, p, v: standalone(p), t }
  }
  const bands = node.bands ?? []
  const ref = node.indicator
  const get: Getter = ref === undefined ? () => NaN : scalar(ref, asOf)
  const score = (x: number): number => {
    for (let i = 0; i < bands.length; i++) {
      const b = bands[i]!
      if (inBand(x, b.min, b.max)) return b.points
    }
    return 0
  }
  const p = (e: Enterprise): number => {
    const x = get(e)
    if (x !== x) {
      itemOutcome = UNKNOWN
      return 0
    }
    itemOutcome = PASS
    return score(x)
  }
  const t = (e: Enterprise, ctx: TraceContext, depth: number): TraceEntry => {
    const x = get(e)
    if (x !== x) {
      const entry = base(node, depth, UNKNOWN)
      entry.points = 0
      entry.missing =
        ref === undefined ? paramMissing(node, ctx, ".indicator") : missingOf(scalarRef(ref), e, asOf, ctx)
      ctx.trace.push(entry)
      return entry
    }
    const entry = base(node, depth, PASS)
    entry.value = x
    entry.points = score(x)
    ctx.trace.push(entry)
    return entry
  }
  return { group: node.group, max, p, v: standalone(p), t }
}

/** Outside a score, a points row passes when it scores more than zero. */
const standalone =
  (p: (e: Enterprise) => number) =>
  (e: Enterprise): number => {
    const points = p(e)
    return itemOutcome !== PASS ? itemOutcome : points > 0 ? PASS : FAIL
  }

const compileStandalonePoints = (node: R.Points, asOf: IsoDate): CompiledNode => {
  const item = compilePoints(node, asOf)
  return {
    v: item.v,
    t: (e, ctx, depth) => {
      const entry = item.t(e, ctx, depth)
      if (entry.outcome === "pass" && (entry.points ?? 0) <= 0) {
        entry.outcome = soften(node.soft, FAIL) === FAIL ? "fail" : "review"
        entry.distance = 1
      }
      return entry
    },
  }
}

const compileScore = (node: R.Score, asOf: IsoDate): CompiledNode => {
  const min = valueAt(node.min, asOf)
  const items = node.items.map((i) => compilePoints(i, asOf))
  const groupIds: Array<string> = (node.groups ?? []).map((g) => g.id)
  for (const i of items) if (!groupIds.includes(i.group)) groupIds.push(i.group)
  const groupIndex = items.map((i) => groupIds.indexOf(i.group))
  const declared = node.groups ?? []
  const groupMin = groupIds.map((id) => {
    const g = declared.find((d) => d.id === id)
    return g?.min === undefined ? undefined : valueAt(g.min, asOf)
  })
  const missingParams: Array<string> = []
  if (min === undefined) missingParams.push(`parameter:${node.id}`)
  declared.forEach((g) => {
    if (g.min !== undefined && valueAt(g.min, asOf) === undefined) missingParams.push(`parameter:${node.id}.${g.id}`)
  })
  const gmins = Float64Array.from(groupMin, (m) => m ?? -Infinity)
  const sums = new Float64Array(groupIds.length)
  const best = new Float64Array(groupIds.length)
  const total = min ?? 0
  const passes = (t: number, s: Float64Array): boolean => {
    if (t < total) return false
    for (let g = 0; g < s.length; g++) if (s[g]! < gmins[g]!) return false
    return true
  }
  const decide = (current: number, bestCase: number, anyReview: boolean, anyUndetermined: boolean): number => {
    if (passes(current, sums)) return PASS
    if (!anyUndetermined || !passes(bestCase, best)) return FAIL
    return anyReview ? REVIEW : UNKNOWN
  }
  const n = items.length
  const v = (e: Enterprise): number => {
    if (missingParams.length > 0) return UNKNOWN
    sums.fill(0)
    best.fill(0)
    let current = 0
    let bestCase = 0
    let anyReview = false
    let anyUndetermined = false
    for (let i = 0; i < n; i++) {
      const item = items[i]!
      const pts = item.p(e)
      const g = groupIndex[i]!
      if (itemOutcome === PASS) {
        current += pts
        bestCase += pts
        sums[g]! += pts
        best[g]! += pts
      } else {
        anyUndetermined = true
        if (itemOutcome === REVIEW) anyReview = true
        bestCase += item.max
        best[g]! += item.max
      }
    }
    return soften(node.soft, decide(current, bestCase, anyReview, anyUndetermined))
  }
  const t = (e: Enterprise, ctx: TraceContext, depth: number): TraceEntry => {
    const at = ctx.trace.length
    ctx.trace.push(PLACEHOLDER)
    sums.fill(0)
    best.fill(0)
    let current = 0
    let bestCase = 0
    let anyReview = false
    let anyUndetermined = false
    items.forEach((item, i) => {
      const entry = item.t(e, ctx, depth + 1)
      const g = groupIndex[i]!
      if (entry.outcome === "pass") {
        const pts = entry.points ?? 0
        current += pts
        bestCase += pts
        sums[g]! += pts
        best[g]! += pts
      } else {
        anyUndetermined = true
        if (entry.outcome === "review") anyReview = true
        bestCase += item.max
        best[g]! += item.max
      }
    })
    const groups: Record<string, number> = {}
    groupIds.forEach((id, g) => (groups[id] = sums[g]!))
    let outcome: number
    let entry: TraceEntry
    if (missingParams.length > 0) {
      outcome = UNKNOWN
      entry = base(node, depth, UNKNOWN)
      entry.missing = missingParams
      for (const m of missingParams) if (!ctx.missing.includes(m)) ctx.missing.push(m)
    } else {
      outcome = decide(current, bestCase, anyReview, anyUndetermined)
      entry = base(node, depth, soften(node.soft, outcome))
      entry.threshold = total
      if (outcome === FAIL) {
        let d = current < total ? (total - current) / Math.max(Math.abs(total), EPSILON) : 0
        groupIds.forEach((_, g) => {
          const m = gmins[g]!
          if (sums[g]! < m) d = Math.max(d, (m - sums[g]!) / Math.max(Math.abs(m), EPSILON))
        })
        entry.distance = d
      }
    }
    entry.value = current
    entry.points = current
    entry.groups = groupIds.map((id, g) => {
      const label = declared.find((d) => d.id === id)?.label
      const m = groupMin[g]
      return { id, ...(label !== undefined ? { label } : {}), total: sums[g]!, ...(m !== undefined ? { min: m } : {}) }
    })
    if (ctx.score === undefined) ctx.score = { total: current, groups }
    ctx.trace[at] = entry
    return entry
  }
  return { v, t }
}

/** Leaves build their entry and return it; this appends it to the trace (composites push their own, first). */
const pushing = (c: CompiledNode): CompiledNode => ({
  v: c.v,
  t: (e, ctx, depth) => {
    const entry = c.t(e, ctx, depth)
    ctx.trace.push(entry)
    return entry
  },
})

/** Compiles one node (and its subtree) for an evaluation date. */
export const compileNode = (node: R.Node, asOf: IsoDate): CompiledNode => {
  switch (node.kind) {
    case "compare":
      return pushing(compileCompare(node, asOf))
    case "title":
      return pushing(compileTitle(node, asOf))
    case "honor":
      return pushing(compileHonor(node, asOf))
    case "attestation":
      return pushing(compileAttestation(node, asOf))
    case "all":
    case "any":
    case "atLeast":
      return compileGroup(node, asOf)
    case "not":
      return compileNot(node, asOf)
    case "switch":
      return compileSwitch(node, asOf)
    case "score":
      return compileScore(node, asOf)
    case "points":
      return compileStandalonePoints(node, asOf)
  }
}
