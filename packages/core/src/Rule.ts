/**
 * Rules: eligibility and scoring criteria as data. A rule is a tree of nodes — comparisons with dated thresholds,
 * banded points tables, groups with minimum subtotals, all / any / not / at-least, alternatives by revenue band,
 * titles, honours and human attestations — every node citing its clause.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { IsoDate } from "./Calendar.js"
import { Citation } from "./Citation.js"
import { decode as decodeWith } from "./DecodeError.js"
import type { Enterprise } from "./Enterprise.js"
import { IndicatorId, Ref as IndicatorRef } from "./Indicator.js"
import { Text } from "./Locale.js"
import { Parameter } from "./Parameter.js"
import { GrantLevel, TitleId } from "./Title.js"
import { compileNode, OUTCOMES, type TraceContext } from "./internal/rule-compile.js"
import { LazyReasons } from "./internal/rule-explain.js"

/**
 * A comparison operator.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Operator = Schema.Literal(">=", ">", "<=", "<", "==", "!=")

/**
 * @since 0.1.0
 * @category models
 */
export type Operator = typeof Operator.Type

const NodeId = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, {
    message: () => "节点编号只能包含字母、数字、“.”“_”“-” / a node id is letters, digits, '.', '_' or '-'",
  }),
)

const common = {
  id: NodeId,
  label: Schema.optional(Text),
  cite: Citation,
  soft: Schema.optional(Schema.Boolean).annotations({
    description: "原则上: a failure is reported and sends the case to review instead of failing it",
  }),
}

/**
 * `indicator op threshold`, the threshold a dated parameter.
 *
 * @since 0.1.0
 * @category models
 */
export interface Compare {
  readonly kind: "compare"
  readonly id: string
  readonly label?: Text
  readonly cite: Citation
  readonly soft?: boolean
  readonly indicator: IndicatorRef
  readonly op: Operator
  readonly threshold: Parameter
}

/**
 * Holds any of the titles (valid on the evaluation date, or granted within the last `withinYears`).
 *
 * @since 0.1.0
 * @category models
 */
export interface HasTitle {
  readonly kind: "title"
  readonly id: string
  readonly label?: Text
  readonly cite: Citation
  readonly soft?: boolean
  readonly titles: ReadonlyArray<string>
  readonly minLevel?: GrantLevel
  readonly withinYears?: number
}

/**
 * Received an honour of one of the kinds within the last `withinYears`, at `minLevel` or above, ranked `maxRank` or better.
 *
 * @since 0.1.0
 * @category models
 */
export interface HasHonor {
  readonly kind: "honor"
  readonly id: string
  readonly label?: Text
  readonly cite: Citation
  readonly soft?: boolean
  readonly honors: ReadonlyArray<string>
  readonly minLevel?: GrantLevel
  readonly maxRank?: number
  readonly withinYears: number
}

/**
 * A qualitative criterion a person must attest (with evidence). Unattested: `needs_review`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Attest {
  readonly kind: "attestation"
  readonly id: string
  readonly label?: Text
  readonly cite: Citation
  readonly soft?: boolean
  readonly criterion: string
  readonly question: Text
}

/**
 * Every child must pass.
 *
 * @since 0.1.0
 * @category models
 */
export interface All {
  readonly kind: "all"
  readonly id: string
  readonly label?: Text
  readonly cite: Citation
  readonly soft?: boolean
  readonly of: ReadonlyArray<Node>
}

/**
 * At least one child must pass ("any one direct condition qualifies").
 *
 * @since 0.1.0
 * @category models
 */
export interface AnyOf {
  readonly kind: "any"
  readonly id: string
  readonly label?: Text
  readonly cite: Citation
  readonly soft?: boolean
  readonly of: ReadonlyArray<Node>
}

/**
 * At least `min` children must pass.
 *
 * @since 0.1.0
 * @category models
 */
export interface AtLeast {
  readonly kind: "atLeast"
  readonly id: string
  readonly label?: Text
  readonly cite: Citation
  readonly soft?: boolean
  readonly min: number
  readonly of: ReadonlyArray<Node>
}

/**
 * The child must fail.
 *
 * @since 0.1.0
 * @category models
 */
export interface Not {
  readonly kind: "not"
  readonly id: string
  readonly label?: Text
  readonly cite: Citation
  readonly soft?: boolean
  readonly of: Node
}

/**
 * Alternatives by band of an indicator (e.g. by revenue band): the first case whose band holds the value applies.
 * Bands are `min <= value < max`; either bound may be left open.
 *
 * @since 0.1.0
 * @category models
 */
export interface Switch {
  readonly kind: "switch"
  readonly id: string
  readonly label?: Text
  readonly cite: Citation
  readonly soft?: boolean
  readonly on: IndicatorRef
  readonly cases: ReadonlyArray<{
    readonly min?: number
    readonly max?: number
    readonly label?: Text
    readonly rule: Node
  }>
}

/**
 * A band of a points table: `min <= value < max` scores `points` (a value on a boundary scores in the higher band).
 *
 * @since 0.1.0
 * @category models
 */
export interface Band {
  readonly min?: number
  readonly max?: number
  readonly points: number
}

/**
 * One row of a points table, in a group. Either numeric `bands` over an indicator, or `cases`: the first
 * condition that passes gives its points (e.g. "≥1 high-value Class I IP: 20 · ≥1 Class I: 10 · ...").
 *
 * @since 0.1.0
 * @category models
 */
export interface Points {
  readonly kind: "points"
  readonly id: string
  readonly label?: Text
  readonly cite: Citation
  readonly soft?: boolean
  readonly group: string
  readonly max: number
  readonly indicator?: IndicatorRef
  readonly bands?: ReadonlyArray<Band>
  readonly cases?: ReadonlyArray<{ readonly when: Node; readonly points: number }>
}

/**
 * A points table: passes when the total reaches `min` and every group reaches its own minimum.
 *
 * @since 0.1.0
 * @category models
 */
export interface Score {
  readonly kind: "score"
  readonly id: string
  readonly label?: Text
  readonly cite: Citation
  readonly soft?: boolean
  readonly min: Parameter
  readonly groups?: ReadonlyArray<{ readonly id: string; readonly label?: Text; readonly min?: Parameter }>
  readonly items: ReadonlyArray<Points>
}

/**
 * A node of a rule tree.
 *
 * @since 0.1.0
 * @category models
 */
export type Node = Compare | HasTitle | HasHonor | Attest | All | AnyOf | AtLeast | Not | Switch | Score | Points

const NodeRef: Schema.Schema<Node, unknown> = Schema.suspend(() => NodeSchema as Schema.Schema<Node, unknown>)

const BandSchema = Schema.Struct({
  min: Schema.optional(Schema.Number),
  max: Schema.optional(Schema.Number),
  points: Schema.Number,
})

const PointsSchema = Schema.Struct({
  kind: Schema.Literal("points"),
  ...common,
  group: Schema.NonEmptyTrimmedString,
  max: Schema.Number,
  indicator: Schema.optional(IndicatorRef),
  bands: Schema.optional(Schema.Array(BandSchema)),
  cases: Schema.optional(Schema.Array(Schema.Struct({ when: NodeRef, points: Schema.Number }))),
}).annotations({ identifier: "PointsNode" })

const NodeSchema = Schema.Union(
  Schema.Struct({
    kind: Schema.Literal("compare"),
    ...common,
    indicator: IndicatorRef,
    op: Operator,
    threshold: Parameter,
  }).annotations({ identifier: "CompareNode" }),
  Schema.Struct({
    kind: Schema.Literal("title"),
    ...common,
    titles: Schema.NonEmptyArray(TitleId),
    minLevel: Schema.optional(GrantLevel),
    withinYears: Schema.optional(Schema.Number.pipe(Schema.positive())),
  }).annotations({ identifier: "TitleNode" }),
  Schema.Struct({
    kind: Schema.Literal("honor"),
    ...common,
    honors: Schema.NonEmptyArray(Schema.NonEmptyTrimmedString),
    minLevel: Schema.optional(GrantLevel),
    maxRank: Schema.optional(Schema.Int.pipe(Schema.positive())),
    withinYears: Schema.Number.pipe(Schema.positive()),
  }).annotations({ identifier: "HonorNode" }),
  Schema.Struct({
    kind: Schema.Literal("attestation"),
    ...common,
    criterion: Schema.NonEmptyTrimmedString,
    question: Text,
  }).annotations({ identifier: "AttestationNode" }),
  Schema.Struct({ kind: Schema.Literal("all"), ...common, of: Schema.NonEmptyArray(NodeRef) }).annotations({
    identifier: "AllNode",
  }),
  Schema.Struct({ kind: Schema.Literal("any"), ...common, of: Schema.NonEmptyArray(NodeRef) }).annotations({
    identifier: "AnyNode",
  }),
  Schema.Struct({
    kind: Schema.Literal("atLeast"),
    ...common,
    min: Schema.Int.pipe(Schema.positive()),
    of: Schema.NonEmptyArray(NodeRef),
  }).annotations({ identifier: "AtLeastNode" }),
  Schema.Struct({ kind: Schema.Literal("not"), ...common, of: NodeRef }).annotations({ identifier: "NotNode" }),
  Schema.Struct({
    kind: Schema.Literal("switch"),
    ...common,
    on: IndicatorRef,
    cases: Schema.NonEmptyArray(
      Schema.Struct({
        min: Schema.optional(Schema.Number),
        max: Schema.optional(Schema.Number),
        label: Schema.optional(Text),
        rule: NodeRef,
      }),
    ),
  }).annotations({ identifier: "SwitchNode" }),
  Schema.Struct({
    kind: Schema.Literal("score"),
    ...common,
    min: Parameter,
    groups: Schema.optional(
      Schema.Array(
        Schema.Struct({
          id: Schema.NonEmptyTrimmedString,
          label: Schema.optional(Text),
          min: Schema.optional(Parameter),
        }),
      ),
    ),
    items: Schema.NonEmptyArray(PointsSchema),
  }).annotations({ identifier: "ScoreNode" }),
  PointsSchema,
)

/**
 * The schema of a rule node (recursive).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Node: Schema.Schema<Node, unknown> = NodeRef

/**
 * When a rule is in force: from `from` through `until` (inclusive), open-ended without `until`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Effective = Schema.Struct({ from: IsoDate, until: Schema.optional(IsoDate) })

/**
 * A rule: what it decides (a tier, a pool entry, an award condition), when it is in force, and its tree.
 * Several rules may share a `decides` target with different effective periods (e.g. MIIT 63号 until
 * 2026-03-31, 2号 from 2026-04-01); {@link inForce} picks the one for a date.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Rule = Schema.Struct({
  id: NodeId,
  name: Text,
  decides: Schema.optional(Schema.NonEmptyTrimmedString).annotations({
    description: "What passing means: a title id (srdi_sme), pool id or award id",
  }),
  effective: Effective,
  cite: Citation,
  nearMiss: Schema.optional(Schema.Number.pipe(Schema.between(0, 1))).annotations({
    description: "Relative distance under which a failing case counts as a near miss (default 0.1)",
  }),
  root: NodeRef,
}).annotations({ identifier: "Rule" })

/**
 * @since 0.1.0
 * @category models
 */
export type Rule = typeof Rule.Type

/**
 * A verdict: the enterprise qualifies, does not, needs a person to review (an attestation, a soft criterion),
 * or the record lacks inputs to decide.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Verdict = Schema.Literal("eligible", "ineligible", "needs_review", "insufficient_data")

/**
 * @since 0.1.0
 * @category models
 */
export type Verdict = typeof Verdict.Type

/**
 * The outcome of one node: passes, fails, needs review, or cannot be decided for missing inputs.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Outcome = Schema.Literal("pass", "fail", "review", "unknown")

/**
 * @since 0.1.0
 * @category models
 */
export type Outcome = typeof Outcome.Type

/**
 * One node of an evaluation trace: what was seen, against what, the outcome and the clause.
 * `distance` is how far a failing node is from passing, relative to its threshold (0 when passing).
 *
 * @since 0.1.0
 * @category schemas
 */
export const TraceNode = Schema.Struct({
  id: Schema.String,
  kind: Schema.String,
  depth: Schema.Int,
  outcome: Outcome,
  label: Text,
  subject: Schema.optional(Text).annotations({
    description: "For comparisons: the name of what was measured (上年度研发投入强度), used in sentences",
  }),
  cite: Citation,
  soft: Schema.optional(Schema.Boolean),
  value: Schema.optional(
    Schema.Union(Schema.Number, Schema.Array(Schema.NullOr(Schema.Number)), Schema.String, Schema.Boolean),
  ),
  threshold: Schema.optional(Schema.Number),
  op: Schema.optional(Operator),
  points: Schema.optional(Schema.Number),
  distance: Schema.optional(Schema.Number),
  missing: Schema.optional(Schema.Array(Schema.String)),
  indicator: Schema.optional(IndicatorId).annotations({
    description: "The indicator a compare, switch or points node reads",
  }),
  groups: Schema.optional(
    Schema.Array(
      Schema.Struct({
        id: Schema.String,
        label: Schema.optional(Text),
        total: Schema.Number,
        min: Schema.optional(Schema.Number),
      }),
    ),
  ).annotations({ description: "Score nodes: each group's subtotal and its minimum" }),
}).annotations({ identifier: "TraceNode" })

/**
 * @since 0.1.0
 * @category models
 */
export type TraceNode = typeof TraceNode.Type

/**
 * The full result of evaluating a rule for one enterprise as of a date. Produced by {@link compile}, its `reasons`
 * are written from the trace on first read of each language (JSON and schema encoding see plain arrays).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Evaluation = Schema.Struct({
  rule: Schema.String,
  asOf: IsoDate,
  verdict: Verdict,
  score: Schema.optional(Schema.Number),
  groups: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Number })),
  trace: Schema.Array(TraceNode),
  missing: Schema.Array(Schema.String),
  distance: Schema.Number,
  nearMiss: Schema.Boolean,
  reasons: Schema.Struct({ zh: Schema.Array(Schema.String), en: Schema.Array(Schema.String) }),
}).annotations({ identifier: "Evaluation" })

/**
 * @since 0.1.0
 * @category models
 */
export type Evaluation = typeof Evaluation.Type

/**
 * The rules in force on a date: those whose effective period (`from` through `until`, inclusive) contains it.
 *
 * @example
 * Rule.inForce(pack.rules, "2026-04-01") // the 2号 rules, not the 63号 ones that ended on 2026-03-31
 *
 * @since 0.1.0
 * @category filtering
 */
export const inForce = (rules: ReadonlyArray<Rule>, date: IsoDate): Array<Rule> =>
  rules.filter((r) => r.effective.from <= date && (r.effective.until === undefined || date <= r.effective.until))

/**
 * A rule compiled for one evaluation date. `verdict` only decides (no trace, no allocation per node, stops at
 * the first deciding child); `evaluate` returns the full {@link Evaluation} (its `reasons` are written on first
 * read). Both always agree.
 *
 * @since 0.1.0
 * @category models
 */
export interface Compiled {
  readonly rule: Rule
  readonly asOf: IsoDate
  readonly verdict: (e: Enterprise) => Verdict
  readonly evaluate: (e: Enterprise) => Evaluation
}

const VERDICTS: ReadonlyArray<Verdict> = ["eligible", "ineligible", "needs_review", "insufficient_data"]

/**
 * Compiles a rule for an evaluation date: dated parameters are resolved (a parameter with no value in force makes
 * its node `unknown`, listing `parameter:<nodeId>` as missing), year numbers fixed, and every node turned into a
 * closure. Compile once, then evaluate many enterprises.
 *
 * Semantics, node by node:
 * - compare: `indicator op threshold`; with `aggregate: "each"` every year of the window must pass (a failing
 *   year fails, else a missing year is `unknown`); missing inputs → `unknown`.
 * - title / honor: held / received under {@link Title.holdsAt}'s rules; attestation: the latest on or before
 *   `asOf` decides, none → `review`.
 * - all / any / atLeast / not combine pass, fail, review, unknown (all: fail > unknown > review > pass;
 *   any: pass > review > unknown > fail; atLeast: pass with `min` passes, fail when even every undecided child
 *   could not reach it); a `soft` (原则上) node that fails gives `review`.
 * - switch: the case whose band `[min, max)` holds the value; none → fail; a missing value → unknown.
 * - points: bands `[min, max)` or the first passing `when` case; score: total and group subtotals against their
 *   minimums, with unknown rows taken at their maximum for the best case (best case fails → fail, current passes → pass).
 * - distance (near miss): `|threshold − value| / max(|threshold|, 1)` for compares (the worst year for `each`),
 *   the worst relative shortfall for scores; the largest failing child for all, the smallest for any, the sum of the
 *   smallest needed for atLeast; 1 for titles, honours, attestations; 0 when passing.
 *
 * @example
 * const compiled = Rule.compile(rule, { asOf: "2025-06-30" })
 * compiled.verdict(enterprise) // "needs_review"
 * compiled.evaluate(enterprise).reasons.zh // ["上年度研发投入强度为6.2%，满足不低于5%的要求（二（一）4）", ...]
 *
 * @since 0.1.0
 * @category compiling
 */
export const compile = (rule: Rule, options: { readonly asOf: IsoDate }): Compiled => {
  const asOf = options.asOf
  const root = compileNode(rule.root, asOf)
  const limit = rule.nearMiss ?? 0.1
  const rootVerdict = root.v
  return {
    rule,
    asOf,
    verdict: (e) => VERDICTS[rootVerdict(e)]!,
    evaluate: (e) => {
      const ctx: TraceContext = { trace: [], missing: [] }
      const top = root.t(e, ctx, 0)
      const verdict = VERDICTS[OUTCOMES.indexOf(top.outcome)]!
      const distance = top.outcome === "fail" ? (top.distance ?? 1) : 0
      const trace: ReadonlyArray<TraceNode> = ctx.trace
      const score = ctx.score
      const evaluation: Mutable<Evaluation> = {
        rule: rule.id,
        asOf,
        verdict,
        trace,
        missing: ctx.missing,
        distance,
        nearMiss: verdict === "ineligible" && distance <= limit,
        // Written from the trace on first read of each language: a screen in trace mode rarely reads them.
        reasons: new LazyReasons(trace),
      }
      if (score !== undefined) {
        evaluation.score = score.total
        evaluation.groups = score.groups
      }
      return evaluation
    },
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * Evaluates one enterprise against a rule as of a date (compiles on every call: use {@link compile} for many).
 *
 * @since 0.1.0
 * @category evaluating
 */
export const evaluate = (rule: Rule, e: Enterprise, asOf: IsoDate): Evaluation => compile(rule, { asOf }).evaluate(e)

/**
 * Screens a population with a compiled rule (verdict mode) and counts the verdicts.
 *
 * @example
 * Rule.screen(Rule.compile(rule, { asOf }), enterprises) // { eligible: 812, ineligible: 9000, needs_review: 150, insufficient_data: 38 }
 *
 * @since 0.1.0
 * @category evaluating
 */
export const screen = (compiled: Compiled, enterprises: Iterable<Enterprise>): Record<Verdict, number> => {
  const counts: Record<Verdict, number> = { eligible: 0, ineligible: 0, needs_review: 0, insufficient_data: 0 }
  for (const e of enterprises) counts[compiled.verdict(e)]++
  return counts
}

/**
 * Decodes a rule from unknown data (a pack file, JSON), reporting every failing path in Chinese and English.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = decodeWith(Rule, "rule")
