/**
 * Government units (departments) that lead or cooperate on tasks, handle problems and pay awards.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { RegionCode } from "./Region.js"

/**
 * A unit id: lower-case slug, unique within a resolved pack, e.g. `tl-jxw` for 区经济信息委 of Tongliang.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UnitId = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, {
    message: () => "a unit id is a lower-case slug such as tl-jxw",
  }),
  Schema.annotations({ identifier: "UnitId" }),
)

/**
 * @since 0.1.0
 * @category models
 */
export type UnitId = typeof UnitId.Type

/**
 * A government unit of a region. `name` is the name as the plan prints it (e.g. 区经济信息委);
 * `fullName` the official name where known; `aliases` other spellings used in source text.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Unit = Schema.Struct({
  id: UnitId,
  name: Schema.NonEmptyTrimmedString,
  fullName: Schema.optional(Schema.String),
  nameEn: Schema.optional(Schema.String),
  region: RegionCode,
  aliases: Schema.optional(Schema.Array(Schema.String)),
}).annotations({ identifier: "Unit" })

/**
 * @since 0.1.0
 * @category models
 */
export type Unit = typeof Unit.Type
