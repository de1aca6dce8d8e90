/**
 * Administrative regions (GB/T 2260 codes) as a tree: national → municipal → district/county.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * A 6-digit administrative division code (行政区划代码), e.g. 500151 for 铜梁区.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RegionCode = Schema.String.pipe(
  Schema.pattern(/^\d{6}$/, { message: () => "a region code is 6 digits (GB/T 2260), e.g. 500151" }),
  Schema.annotations({ identifier: "RegionCode", examples: ["500000", "500151"] }),
)

/**
 * @since 0.1.0
 * @category models
 */
export type RegionCode = typeof RegionCode.Type

/**
 * The level of a region in the administrative ladder.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Level = Schema.Literal("national", "province", "municipal", "prefecture", "district", "county")

/**
 * @since 0.1.0
 * @category models
 */
export type Level = typeof Level.Type

/**
 * A region: code, Chinese name, English name, level and parent code.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Region = Schema.Struct({
  code: RegionCode,
  name: Schema.NonEmptyTrimmedString,
  nameEn: Schema.optional(Schema.String),
  level: Level,
  parent: Schema.optional(RegionCode),
}).annotations({ identifier: "Region" })

/**
 * @since 0.1.0
 * @category models
 */
export type Region = typeof Region.Type

/** The code of the whole country, root of every tree. @since 0.1.0 @category constants */
export const NATIONAL: RegionCode = "100000"
