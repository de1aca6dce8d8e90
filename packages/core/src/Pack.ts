/**
 * Packs: a whole plan as a versioned data package — metadata, regions, units, targets, tasks, rules,
 * awards, pools, the gaps it records, the packs it extends, and its test cases.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { canonicalJson, sha256Hex } from "./internal/pack-hash.js"
import { diffPacks, formatDiffText } from "./internal/pack-diff.js"
import { resolveLayers } from "./internal/pack-resolve.js"
import { runCase } from "./internal/pack-tests.js"
import { validatePack } from "./internal/pack-validate.js"
import { Award } from "./Award.js"
import { IsoDate } from "./Calendar.js"
import { Citation } from "./Citation.js"
import { Enterprise } from "./Enterprise.js"
import { type Lang, Text } from "./Locale.js"
import { Pool } from "./Pool.js"
import { Region, RegionCode } from "./Region.js"
import { Rule, Verdict } from "./Rule.js"
import { Target } from "./Target.js"
import { Task } from "./Task.js"
import { Unit } from "./Unit.js"

/**
 * A pack id: lower-case slug, e.g. `cq-tongliang-2022`. The npm package is `@srdi/pack-<id>`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PackId = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: () =>
      "策略包编号应为小写短横线格式，如 cq-tongliang-2022 / a pack id is a lower-case slug such as cq-tongliang-2022",
  }),
  Schema.annotations({ identifier: "PackId" }),
)

/**
 * Metadata of a pack: what document it encodes, who issued it and when, for which region and period,
 * whether it is final or a draft for comment, and the packs it extends.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Meta = Schema.Struct({
  id: PackId,
  version: Schema.String.pipe(Schema.pattern(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/)),
  title: Schema.NonEmptyTrimmedString.annotations({ description: "The document's title as printed" }),
  titleEn: Schema.NonEmptyTrimmedString,
  issuer: Schema.NonEmptyTrimmedString,
  docNumber: Schema.optional(Schema.String).annotations({ description: "文号, e.g. 渝经信科技〔2023〕21号" }),
  issuedOn: Schema.optional(IsoDate),
  publishedOn: Schema.optional(IsoDate),
  period: Schema.Struct({ from: IsoDate, to: IsoDate }),
  region: RegionCode,
  status: Schema.Literal("final", "draft"),
  source: Schema.Struct({
    file: Schema.NonEmptyTrimmedString,
    note: Schema.optional(Schema.String),
  }),
  extends: Schema.optionalWith(Schema.Array(PackId), { default: () => [] }),
}).annotations({ identifier: "PackMeta" })

/**
 * @since 0.1.0
 * @category models
 */
export type Meta = typeof Meta.Type

/**
 * A gap: where the source is garbled, missing, duplicated, assigns no units or names no amount. Packs record
 * gaps instead of inventing content.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Gap = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  kind: Schema.Literal(
    "missing",
    "garbled",
    "duplicate",
    "out_of_order",
    "no_units",
    "unspecified_amount",
    "ambiguous",
  ),
  clause: Schema.optional(Schema.String),
  description: Text,
  cite: Schema.optional(Citation),
}).annotations({ identifier: "Gap" })

/**
 * @since 0.1.0
 * @category models
 */
export type Gap = typeof Gap.Type

/**
 * A test case of a pack: an enterprise, a date, a rule and what the evaluation must give.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TestCase = Schema.Struct({
  name: Schema.NonEmptyString,
  rule: Schema.optional(Schema.String),
  asOf: IsoDate,
  enterprise: Enterprise,
  expect: Schema.Struct({
    verdict: Schema.optional(Verdict),
    score: Schema.optional(Schema.Number),
    groups: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Number })),
    missing: Schema.optional(Schema.Array(Schema.String)),
    awards: Schema.optional(
      Schema.Array(
        Schema.Struct({
          award: Schema.String,
          amount: Schema.NullOr(Schema.Number),
          status: Schema.optional(Schema.Literal("due", "superseded", "unspecified")),
        }),
      ),
    ),
  }),
}).annotations({ identifier: "TestCase" })

/**
 * @since 0.1.0
 * @category models
 */
export type TestCase = typeof TestCase.Type

/**
 * A pack: one plan as data. Every list defaults to empty.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Pack = Schema.Struct({
  meta: Meta,
  regions: Schema.optionalWith(Schema.Array(Region), { default: () => [] }),
  units: Schema.optionalWith(Schema.Array(Unit), { default: () => [] }),
  targets: Schema.optionalWith(Schema.Array(Target), { default: () => [] }),
  tasks: Schema.optionalWith(Schema.Array(Task), { default: () => [] }),
  rules: Schema.optionalWith(Schema.Array(Rule), { default: () => [] }),
  awards: Schema.optionalWith(Schema.Array(Award), { default: () => [] }),
  pools: Schema.optionalWith(Schema.Array(Pool), { default: () => [] }),
  gaps: Schema.optionalWith(Schema.Array(Gap), { default: () => [] }),
  tests: Schema.optionalWith(Schema.Array(TestCase), { default: () => [] }),
}).annotations({ identifier: "Pack" })

/**
 * @since 0.1.0
 * @category models
 */
export type Pack = typeof Pack.Type

/**
 * The encoded (file) form of a pack.
 *
 * @since 0.1.0
 * @category models
 */
export type PackInput = typeof Pack.Encoded

/**
 * What validation can find besides decoding errors.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProblemCode = Schema.Literal(
  "duplicate_id",
  "duplicate_task_number",
  "duplicate_node_id",
  "unknown_unit",
  "unknown_region",
  "unknown_target",
  "unknown_rule",
  "unknown_award",
  "unknown_pool",
  "task_without_lead",
  "parameter_order",
  "overlapping_rules",
  "period_reversed",
  "dates_reversed",
  "extends_self",
)

/**
 * @since 0.1.0
 * @category models
 */
export type ProblemCode = typeof ProblemCode.Type

/**
 * A problem found by {@link validate}: a code, the path in the pack (`tasks[3].lead[0]`) and a sentence in both languages.
 * `PackSource` turns the path into a file and line.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Problem = Schema.Struct({ code: ProblemCode, path: Schema.String, message: Text }).annotations({
  identifier: "PackProblem",
})

/**
 * @since 0.1.0
 * @category models
 */
export type Problem = typeof Problem.Type

/**
 * Checks what the schemas cannot: every unit, region, target, rule, award and pool a pack names exists in it or
 * in its base packs; ids are unique (and task numbers within their kind and section); tasks have a lead unit
 * unless the source gives none (`unitsGiven: false`); dated values are in order; two rules deciding the same thing
 * are not in force at once; the period runs forwards; test cases name existing rules and awards.
 *
 * @example
 * Pack.validate(tongliang, { base: [miit, chongqing] })
 * // [{ code: "unknown_unit", path: "tasks[3].lead[0]", message: { zh: "未知单位 tl-xxx…", en: "unknown unit tl-xxx…" } }]
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (pack: Pack, options: { readonly base?: ReadonlyArray<Pack> } = {}): ReadonlyArray<Problem> =>
  validatePack(pack, options.base ?? []) as ReadonlyArray<Problem>

/**
 * The lists of a pack that extension layers merge by id (`code` for regions).
 *
 * @since 0.1.0
 * @category models
 */
export type Collection = "regions" | "units" | "targets" | "tasks" | "rules" | "awards" | "pools" | "gaps"

/**
 * Which pack each item of a resolved pack came from: collection → item id → pack id.
 *
 * @since 0.1.0
 * @category models
 */
export type Origin = Readonly<Record<Collection, Readonly<Record<string, string>>>>

/**
 * Applies extension layers, base first: the metadata and tests are the last layer's; regions, units, targets, tasks,
 * rules, awards, pools and gaps are concatenated, a later layer's item replacing (in place) an earlier one with the same id.
 *
 * @example
 * const resolved = Pack.resolve([miit, chongqing, tongliang])
 *
 * @since 0.1.0
 * @category resolution
 */
export const resolve = (layers: ReadonlyArray<Pack>): Pack => resolveLayers(layers).pack

/**
 * Which layer each item of {@link resolve}'s result came from.
 *
 * @example
 * Pack.origin([miit, tongliang]).rules["miit-srdi-2022"] // "cn-miit-tiers"
 *
 * @since 0.1.0
 * @category resolution
 */
export const origin = (layers: ReadonlyArray<Pack>): Origin => resolveLayers(layers).origin

/**
 * One changed leaf value: its path inside the item, before and after (`undefined` where absent).
 *
 * @since 0.1.0
 * @category schemas
 */
export const FieldChange = Schema.Struct({ path: Schema.String, before: Schema.Unknown, after: Schema.Unknown })

/**
 * @since 0.1.0
 * @category models
 */
export type FieldChange = typeof FieldChange.Type

/**
 * How two items were paired: same id, or — when ids differ, as between two districts' packs — same metric and basis
 * (targets), kind and number (tasks), trigger (awards), name (units), or decided thing and start (rules).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Matched = Schema.Literal("id", "metric", "number", "trigger", "name", "decides")

/**
 * @since 0.1.0
 * @category models
 */
export type Matched = typeof Matched.Type

/**
 * An item present in both packs that differs: its id in the second pack, its id in the first, how they were paired,
 * and the field changes.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ItemChange = Schema.Struct({
  id: Schema.String,
  was: Schema.String,
  matchedBy: Matched,
  changes: Schema.Array(FieldChange),
})

/**
 * @since 0.1.0
 * @category models
 */
export type ItemChange = typeof ItemChange.Type

/**
 * Ids added, removed and changed in one collection.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CollectionDiff = Schema.Struct({
  added: Schema.Array(Schema.String),
  removed: Schema.Array(Schema.String),
  changed: Schema.Array(ItemChange),
})

/**
 * @since 0.1.0
 * @category models
 */
export type CollectionDiff = typeof CollectionDiff.Type

/**
 * A threshold of a rule node that reads differently on a date (`null`: none in force, or unspecified).
 * `parameter` is `threshold`, `min` or `groups[i].min`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ThresholdChange = Schema.Struct({
  rule: Schema.String,
  node: Schema.String,
  parameter: Schema.String,
  date: IsoDate,
  before: Schema.NullOr(Schema.Number),
  after: Schema.NullOr(Schema.Number),
})

/**
 * @since 0.1.0
 * @category models
 */
export type ThresholdChange = typeof ThresholdChange.Type

/**
 * An award amount that reads differently on a date. `part` is `value`, `stage <stage>`, `rate` or `cap`
 * (or `kind a → b` when an amount became or stopped being unspecified, with an empty date).
 *
 * @since 0.1.0
 * @category schemas
 */
export const AmountChange = Schema.Struct({
  award: Schema.String,
  part: Schema.String,
  date: Schema.String,
  before: Schema.NullOr(Schema.Number),
  after: Schema.NullOr(Schema.Number),
})

/**
 * @since 0.1.0
 * @category models
 */
export type AmountChange = typeof AmountChange.Type

const TargetSide = Schema.Struct({
  value: Schema.Number,
  comparator: Schema.String,
  deadline: IsoDate,
  region: RegionCode,
})

/**
 * A target whose value, comparator, deadline or region differs.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TargetChange = Schema.Struct({
  target: Schema.String,
  metric: Schema.String,
  basis: Schema.String,
  before: TargetSide,
  after: TargetSide,
})

/**
 * @since 0.1.0
 * @category models
 */
export type TargetChange = typeof TargetChange.Type

/**
 * The structural difference of two packs.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Diff = Schema.Struct({
  a: Schema.Struct({ id: Schema.String, version: Schema.String }),
  b: Schema.Struct({ id: Schema.String, version: Schema.String }),
  meta: Schema.Array(FieldChange),
  collections: Schema.Struct({
    regions: CollectionDiff,
    units: CollectionDiff,
    targets: CollectionDiff,
    tasks: CollectionDiff,
    rules: CollectionDiff,
    awards: CollectionDiff,
    pools: CollectionDiff,
    gaps: CollectionDiff,
  }),
  thresholds: Schema.Array(ThresholdChange),
  amounts: Schema.Array(AmountChange),
  targets: Schema.Array(TargetChange),
})

/**
 * @since 0.1.0
 * @category models
 */
export type Diff = typeof Diff.Type

/**
 * Compares two packs (two versions of a plan, or two districts' plans): metadata changes; per collection the ids
 * added, removed and changed with field-level changes; and, read out, thresholds, award amounts and target values
 * that changed. Items pair by id, else by what they are (a target by metric and basis, a task by kind and number...).
 *
 * @example
 * Pack.formatDiff(Pack.diff(tongliang, shizhu), "en")
 *
 * @since 0.1.0
 * @category comparison
 */
export const diff = (a: Pack, b: Pack): Diff => diffPacks(a, b)

/**
 * A diff as readable text, one change a line.
 *
 * @since 0.1.0
 * @category comparison
 */
export const formatDiff = (diff: Diff, lang: Lang): string => formatDiffText(diff, lang)

/**
 * The encoded (file) form of a pack, ready for `JSON.stringify`.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encode = (pack: Pack): PackInput => Schema.encodeSync(Pack)(pack)

/**
 * The content hash of a pack, `sha256:<hex>`, over canonical JSON (keys sorted) of the encoded pack without its
 * tests — so a new test case does not change the hash that audit records cite, and a changed value always does.
 *
 * @since 0.1.0
 * @category hashing
 */
export const hash = (pack: Pack): string => {
  const { tests: _tests, ...encoded } = encode(pack)
  return `sha256:${sha256Hex(canonicalJson(encoded))}`
}

/**
 * The result of one test case: whether it passed, what it expected, what the evaluation gave (the same keys), the
 * rule it ran and, when it failed, what differed — in both languages.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TestResult = Schema.Struct({
  name: Schema.String,
  ok: Schema.Boolean,
  rule: Schema.optional(Schema.String),
  expected: TestCase.fields.expect,
  actual: Schema.Record({ key: Schema.String, value: Schema.Unknown }),
  message: Text,
}).annotations({ identifier: "PackTestResult" })

/**
 * @since 0.1.0
 * @category models
 */
export type TestResult = typeof TestResult.Type

/**
 * Runs a resolved pack's test cases (the shared runner every pack uses). A case with a verdict, score, groups or
 * missing inputs to expect runs a rule: the one whose id the case names, else the rule deciding what the case
 * names that is in force on its date, else the only rule in force on its date — compiled as of that date. A case
 * expecting awards compares `Award.entitlements` of the pack's awards as of its date, line by line (award and amount,
 * and status where given).
 *
 * @example
 * const failed = Pack.runTests(resolved).filter((r) => !r.ok)
 * // [{ name: "…", ok: false, message: { en: "verdict: expected eligible, got ineligible (…)" }, … }]
 *
 * @since 0.1.0
 * @category testing
 */
export const runTests = (pack: Pack): ReadonlyArray<TestResult> => pack.tests.map((c) => runCase(pack, c))
