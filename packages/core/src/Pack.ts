/**
 * Packs: a whole plan as a versioned data package — metadata, regions, units, targets, tasks, rules,
 * awards, pools, the gaps it records, the packs it extends, and its test cases.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Award } from "./Award.js"
import { IsoDate } from "./Calendar.js"
import { Citation } from "./Citation.js"
import { Enterprise } from "./Enterprise.js"
import { Text } from "./Locale.js"
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
  Schema.pattern(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: () => "a pack id is a lower-case slug such as cq-tongliang-2022" }),
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
  kind: Schema.Literal("missing", "garbled", "duplicate", "out_of_order", "no_units", "unspecified_amount", "ambiguous"),
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
