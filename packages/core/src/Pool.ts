/**
 * Pools: managed lists of enterprises (培育库, 帮扶库, 拟上市储备库) with an entry rule, a yearly quota,
 * and entry and exit with reasons and dates.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Citation } from "./Citation.js"
import { Text } from "./Locale.js"
import { RegionCode } from "./Region.js"

/**
 * A pool of a plan. `entryRule` names the rule an enterprise must pass to enter; `quota` is the yearly intake
 * (e.g. 每年不少于50家: `{ perYear: 50, comparator: ">=" }`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Pool = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  name: Text,
  region: RegionCode,
  entryRule: Schema.optional(Schema.String),
  quota: Schema.optional(
    Schema.Struct({ perYear: Schema.Int.pipe(Schema.positive()), comparator: Schema.Literal(">=", "<=", "==") }),
  ),
  exitPolicy: Schema.optional(Text),
  cite: Citation,
}).annotations({ identifier: "Pool" })

/**
 * @since 0.1.0
 * @category models
 */
export type Pool = typeof Pool.Type
