/**
 * Pools: managed lists of enterprises (培育库, 帮扶库, 拟上市储备库) with an entry rule, a yearly quota,
 * and entry and exit with reasons and dates.
 *
 * @since 0.1.0
 */
import { Data, Either, Schema } from "effect"
import * as Calendar from "./Calendar.js"
import type { IsoDate } from "./Calendar.js"
import { Citation } from "./Citation.js"
import type { Enterprise, PoolMembership } from "./Enterprise.js"
import { satisfies } from "./internal/plan-compare.js"
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

/**
 * Whether an enterprise is in a pool on a date: entered on or before it and not yet exited (the exit day is
 * outside the pool).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isMember = (enterprise: Enterprise, poolId: string, asOf: IsoDate): boolean =>
  enterprise.pools.some(
    (m) => m.pool === poolId && m.enteredOn <= asOf && (m.exitedOn === undefined || m.exitedOn > asOf),
  )

/**
 * The enterprises in a pool on a date (see {@link isMember}).
 *
 * @since 0.1.0
 * @category combinators
 */
export const membersAt = (
  enterprises: ReadonlyArray<Enterprise>,
  poolId: string,
  asOf: IsoDate,
): ReadonlyArray<Enterprise> => enterprises.filter((e) => isMember(e, poolId, asOf))

/**
 * A pool's intake in a calendar year against its quota. `quota`, `meetsQuota` are `null` for a pool without one;
 * `shortfall` is how many more entries a floor (`>=`) or exact (`==`) quota needs, 0 otherwise.
 *
 * @since 0.1.0
 * @category models
 */
export interface Intake {
  readonly pool: string
  readonly year: number
  readonly entered: ReadonlyArray<Enterprise>
  readonly quota: number | null
  readonly meetsQuota: boolean | null
  readonly shortfall: number
}

/**
 * The enterprises that entered a pool in a calendar year (each counted once, re-entries included), against the
 * yearly quota — e.g. 铜梁's 培育库, 每年优选不少于50家种子企业入库 (seed 000 二（一）1).
 *
 * @example
 * Pool.intake(enterprises, cultivationPool, 2024) // { entered: [...], quota: 50, meetsQuota: false, shortfall: 12, ... }
 *
 * @since 0.1.0
 * @category combinators
 */
export const intake = (enterprises: ReadonlyArray<Enterprise>, pool: Pool, year: number): Intake => {
  const entered = enterprises.filter((e) =>
    e.pools.some((m) => m.pool === pool.id && Calendar.year(m.enteredOn) === year),
  )
  const quota = pool.quota
  if (quota === undefined) return { pool: pool.id, year, entered, quota: null, meetsQuota: null, shortfall: 0 }
  return {
    pool: pool.id,
    year,
    entered,
    quota: quota.perYear,
    meetsQuota: satisfies(quota.comparator, entered.length, quota.perYear),
    shortfall: quota.comparator === "<=" ? 0 : Math.max(0, quota.perYear - entered.length),
  }
}

const who = (e: Enterprise): string => `${e.name}（${e.uscc}）`
const whoEn = (e: Enterprise): string => `${e.name} (${e.uscc})`

/**
 * The enterprise is already in the pool on (or after) the date it was to enter.
 *
 * @since 0.1.0
 * @category errors
 */
export class AlreadyMember extends Data.TaggedError("AlreadyMember")<{
  readonly enterprise: Enterprise
  readonly pool: Pool
  readonly on: IsoDate
  readonly membership: PoolMembership
}> {
  /** The error as a sentence in Chinese and English. */
  get text(): Text {
    const m = this.membership
    const until = m.exitedOn === undefined ? "" : `至${m.exitedOn}`
    const untilEn = m.exitedOn === undefined ? "" : ` until ${m.exitedOn}`
    return {
      zh: `${who(this.enterprise)}已在${this.pool.name.zh}中（${m.enteredOn}入库${until}），不能于${this.on}再次入库`,
      en: `${whoEn(this.enterprise)} is in ${this.pool.name.en} from ${m.enteredOn}${untilEn}; it cannot enter again on ${this.on}`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

/**
 * The enterprise was to exit a pool it is not in.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotMember extends Data.TaggedError("NotMember")<{
  readonly enterprise: Enterprise
  readonly pool: Pool
  readonly on: IsoDate
}> {
  /** The error as a sentence in Chinese and English. */
  get text(): Text {
    return {
      zh: `${who(this.enterprise)}不在${this.pool.name.zh}中，不能于${this.on}出库`,
      en: `${whoEn(this.enterprise)} is not in ${this.pool.name.en}; it cannot exit on ${this.on}`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

/**
 * The exit date is before the entry date of the membership it would close.
 *
 * @since 0.1.0
 * @category errors
 */
export class ExitBeforeEntry extends Data.TaggedError("ExitBeforeEntry")<{
  readonly enterprise: Enterprise
  readonly pool: Pool
  readonly on: IsoDate
  readonly enteredOn: IsoDate
}> {
  /** The error as a sentence in Chinese and English. */
  get text(): Text {
    return {
      zh: `${who(this.enterprise)}于${this.enteredOn}进入${this.pool.name.zh}，出库日期${this.on}早于入库日期`,
      en: `${whoEn(this.enterprise)} entered ${this.pool.name.en} on ${this.enteredOn}; the exit date ${this.on} is before that`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

/**
 * Why an entry or exit was refused.
 *
 * @since 0.1.0
 * @category errors
 */
export type MembershipError = AlreadyMember | NotMember | ExitBeforeEntry

/**
 * Puts an enterprise into a pool on a date with a reason, returning a new enterprise (the input is left as it
 * was). Refused with {@link AlreadyMember} when a membership of the pool is open or ends after `on`: re-entry is
 * allowed from the day of the last exit.
 *
 * @example
 * Pool.enter(firm, cultivationPool, "2024-03-15", "2024年度优选种子企业")
 *
 * @since 0.1.0
 * @category combinators
 */
export const enter = (
  enterprise: Enterprise,
  pool: Pool,
  on: IsoDate,
  reason: string,
): Either.Either<Enterprise, MembershipError> => {
  const clash = enterprise.pools.find((m) => m.pool === pool.id && (m.exitedOn === undefined || m.exitedOn > on))
  if (clash !== undefined) return Either.left(new AlreadyMember({ enterprise, pool, on, membership: clash }))
  return Either.right({
    ...enterprise,
    pools: [...enterprise.pools, { pool: pool.id, enteredOn: on, entryReason: reason }],
  })
}

/**
 * Takes an enterprise out of a pool on a date with a reason (the open membership gets `exitedOn` and
 * `exitReason`), returning a new enterprise. Refused with {@link NotMember} when no membership is open and with
 * {@link ExitBeforeEntry} when `on` is before its entry.
 *
 * @since 0.1.0
 * @category combinators
 */
export const exit = (
  enterprise: Enterprise,
  pool: Pool,
  on: IsoDate,
  reason: string,
): Either.Either<Enterprise, MembershipError> => {
  const index = enterprise.pools.findIndex((m) => m.pool === pool.id && m.exitedOn === undefined)
  const open = enterprise.pools[index]
  if (open === undefined) return Either.left(new NotMember({ enterprise, pool, on }))
  if (on < open.enteredOn) return Either.left(new ExitBeforeEntry({ enterprise, pool, on, enteredOn: open.enteredOn }))
  const pools = enterprise.pools.map((m, i) => (i === index ? { ...m, exitedOn: on, exitReason: reason } : m))
  return Either.right({ ...enterprise, pools })
}

/**
 * One entry into or exit from a pool.
 *
 * @since 0.1.0
 * @category models
 */
export interface Event {
  readonly kind: "entry" | "exit"
  readonly on: IsoDate
  readonly reason: string | undefined
}

/**
 * An enterprise's entries into and exits from one pool, in date order.
 *
 * @since 0.1.0
 * @category combinators
 */
export const history = (enterprise: Enterprise, poolId: string): ReadonlyArray<Event> =>
  enterprise.pools
    .filter((m) => m.pool === poolId)
    .sort((a, b) => Calendar.compare(a.enteredOn, b.enteredOn))
    .flatMap((m): ReadonlyArray<Event> => [
      { kind: "entry", on: m.enteredOn, reason: m.entryReason },
      ...(m.exitedOn === undefined ? [] : [{ kind: "exit" as const, on: m.exitedOn, reason: m.exitReason }]),
    ])
