/**
 * Government units (departments) that lead or cooperate on tasks, handle problems and pay awards.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { nameKey } from "./internal/plan-names.js"
import { RegionCode } from "./Region.js"

/**
 * A unit id: lower-case slug, unique within a resolved pack, e.g. `tl-jxw` for 区经济信息委 of Tongliang.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UnitId = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, {
    message: () => "单位编号应为小写短横线格式，如 tl-jxw / a unit id is a lower-case slug such as tl-jxw",
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

/**
 * The unit with an id, or `undefined`.
 *
 * @since 0.1.0
 * @category getters
 */
export const byId = (units: ReadonlyArray<Unit>, id: UnitId): Unit | undefined => units.find((u) => u.id === id)

/**
 * Every unit whose `name`, `fullName` or one of its `aliases` equals `name` once both are normalised:
 * full-width and half-width forms folded (（）→ ()), spaces, quotation marks and list separators dropped, and a
 * closing 等 ("etc.") dropped when nothing matches with it.
 * Pass `region` to keep only the units of one region (several districts each have a 区经济信息委).
 *
 * @since 0.1.0
 * @category getters
 */
export const matches = (units: ReadonlyArray<Unit>, name: string, region?: RegionCode): ReadonlyArray<Unit> => {
  const find = (key: string) =>
    units.filter(
      (u) =>
        (region === undefined || u.region === region) &&
        [u.name, u.fullName, ...(u.aliases ?? [])].some((n) => n !== undefined && nameKey(n) === key),
    )
  const key = nameKey(name)
  if (key === "") return []
  const found = find(key)
  // Plans close a list with 等 ("区科技局、区金融发展中心等"); the last name is then read without it.
  return found.length === 0 && key.length > 1 && key.endsWith("等") ? find(key.slice(0, -1)) : found
}

/**
 * The one unit a name printed in a plan refers to (see {@link matches} for the normalisation), or `undefined` when
 * no unit or more than one unit matches — an ambiguous name is not guessed; pass `region` to narrow it.
 *
 * @example
 * Unit.resolveName(units, "区 经济信息委") // the unit named 区经济信息委
 * Unit.resolveName(units, "重庆市铜梁区经济和信息化委员会") // the same unit, by its full name
 *
 * @since 0.1.0
 * @category getters
 */
export const resolveName = (units: ReadonlyArray<Unit>, name: string, region?: RegionCode): Unit | undefined => {
  const found = matches(units, name, region)
  return found.length === 1 ? found[0] : undefined
}
