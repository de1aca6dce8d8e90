/**
 * Titles an enterprise can hold — the tier ladder (创新型中小企业 → 专精特新 → 小巨人 → 上市) and the side titles
 * and recognised platforms — and what an enterprise holds as of a date.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { addYears, fromDays, IsoDate, toDays, yearsBetween } from "./Calendar.js"
import type { Enterprise } from "./Enterprise.js"

/**
 * A title id: a lower-case slug. The ladder and common side titles are listed in {@link KNOWN};
 * packs may name others (e.g. `municipal_tech_center` for 市级企业技术中心).
 *
 * @since 0.1.0
 * @category schemas
 */
export const TitleId = Schema.String.pipe(
  Schema.pattern(/^[a-z][a-z0-9_]*$/, {
    message: () => "称号编号应为小写下划线格式，如 srdi_sme / a title id is a lower-case slug such as srdi_sme",
  }),
  Schema.annotations({ identifier: "TitleId" }),
)

/**
 * @since 0.1.0
 * @category models
 */
export type TitleId = typeof TitleId.Type

/**
 * The tier ladder, lowest first. `listed` is reached through listing stages (see `Enterprise.ListingStage`).
 *
 * @since 0.1.0
 * @category constants
 */
export const LADDER = ["innovative_sme", "srdi_sme", "little_giant", "listed"] as const

/**
 * A rung of the tier ladder.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Tier = Schema.Literal(...LADDER)

/**
 * @since 0.1.0
 * @category models
 */
export type Tier = typeof Tier.Type

/**
 * Well-known titles with their Chinese and English names and default validity in years (undefined: no expiry).
 *
 * @since 0.1.0
 * @category constants
 */
export const KNOWN: Readonly<
  Record<string, { readonly zh: string; readonly en: string; readonly validityYears?: number }>
> = {
  innovative_sme: { zh: "创新型中小企业", en: "innovative SME", validityYears: 3 },
  srdi_sme: { zh: "专精特新中小企业", en: "SRDI SME", validityYears: 3 },
  little_giant: { zh: "专精特新“小巨人”企业", en: "little giant", validityYears: 3 },
  listed: { zh: "上市企业", en: "listed company" },
  single_champion: { zh: "制造业单项冠军", en: "single champion", validityYears: 3 },
  hidden_champion: { zh: "隐形冠军", en: "hidden champion" },
  tech_sme: { zh: "科技型中小企业", en: "tech SME", validityYears: 1 },
  hnte: { zh: "高新技术企业", en: "high-tech enterprise (HNTE)", validityYears: 3 },
  // Platforms and honours rules name; their validity is not set here (a holding's expiresOn decides).
  municipal_tech_center: { zh: "企业技术中心", en: "enterprise technology centre" },
  tech_innovation_demo: { zh: "技术创新示范企业", en: "technology innovation demonstration enterprise" },
  tech_innovation_demo_national: {
    zh: "国家级技术创新示范企业",
    en: "national technology innovation demonstration enterprise",
  },
  ip_advantage: { zh: "知识产权优势企业", en: "IP advantage enterprise" },
  ip_demonstration: { zh: "知识产权示范企业", en: "IP demonstration enterprise" },
  rd_institution: { zh: "研发机构", en: "R&D institution" },
}

/**
 * The level of the authority that granted a title.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GrantLevel = Schema.Literal("national", "provincial", "municipal", "district")

/**
 * @since 0.1.0
 * @category models
 */
export type GrantLevel = typeof GrantLevel.Type

/**
 * A title held by an enterprise: when it was granted, when it expires, and reviews or revocation.
 * A passed review (`reviewedOn`) extends validity; `revokedOn` ends it.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Holding = Schema.Struct({
  title: TitleId,
  level: Schema.optional(GrantLevel),
  grantedOn: IsoDate,
  expiresOn: Schema.optional(IsoDate),
  reviewedOn: Schema.optional(IsoDate),
  revokedOn: Schema.optional(IsoDate),
  certificate: Schema.optional(Schema.String),
}).annotations({ identifier: "TitleHolding" })

/**
 * @since 0.1.0
 * @category models
 */
export type Holding = typeof Holding.Type

/**
 * Rank of each grant level, higher is more senior: national 4 > provincial 3 > municipal 2 > district 1.
 *
 * @since 0.1.0
 * @category constants
 */
export const LEVEL_RANK: { readonly [L in GrantLevel]: number } = {
  national: 4,
  provincial: 3,
  municipal: 2,
  district: 1,
}

/**
 * Whether a holding's level is at `minLevel` or above. A holding that does not state its level does not
 * meet a minimum: the level cannot be assumed.
 *
 * @since 0.1.0
 * @category predicates
 */
export const meetsLevel = (level: GrantLevel | undefined, minLevel: GrantLevel | undefined): boolean =>
  minLevel === undefined || (level !== undefined && LEVEL_RANK[level] >= LEVEL_RANK[minLevel])

/**
 * The last day a holding is valid: `expiresOn` when given, else the day before the anniversary of its last
 * passed review (or grant) after the title's known validity (see {@link KNOWN}); `undefined` when it does not expire.
 *
 * @example
 * Title.validUntil({ title: "srdi_sme", grantedOn: "2022-12-01" }) // "2025-11-30"
 *
 * @since 0.1.0
 * @category getters
 */
export const validUntil = (holding: Holding): IsoDate | undefined => {
  if (holding.expiresOn !== undefined) return holding.expiresOn
  const years = KNOWN[holding.title]?.validityYears
  if (years === undefined) return undefined
  const base =
    holding.reviewedOn !== undefined && holding.reviewedOn > holding.grantedOn ? holding.reviewedOn : holding.grantedOn
  return fromDays(toDays(addYears(base, years)) - 1)
}

/**
 * Whether a holding is in force on a date: granted on or before it, not revoked by then, not expired.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isValidAt = (holding: Holding, asOf: IsoDate): boolean => {
  if (holding.grantedOn > asOf) return false
  if (holding.revokedOn !== undefined && holding.revokedOn <= asOf) return false
  const until = validUntil(holding)
  return until === undefined || asOf <= until
}

// The first holding among `titles` that counts on `asOf` (see holdsAt): the loop holdsAt and heldAt share.
const heldIn = (
  holdings: ReadonlyArray<Holding>,
  titles: ReadonlyArray<string>,
  asOf: IsoDate,
  minLevel: GrantLevel | undefined,
  within: number | undefined,
): string | undefined => {
  for (let i = 0; i < holdings.length; i++) {
    const h = holdings[i]!
    if (!titles.includes(h.title) || !meetsLevel(h.level, minLevel)) continue
    if (within === undefined) {
      if (isValidAt(h, asOf)) return h.title
    } else if (
      h.grantedOn <= asOf &&
      yearsBetween(h.grantedOn, asOf) <= within &&
      (h.revokedOn === undefined || h.revokedOn > asOf)
    ) {
      return h.title
    }
  }
  return undefined
}

/**
 * Whether the holdings include any of `titles` on `asOf`, at `minLevel` or above. Without `withinYears` the
 * holding must be valid on `asOf`; with it, the holding must have been granted within that many years before
 * `asOf` (and not revoked by then), whether or not it has since expired — "近N年获得". Reads holdings only: to
 * count `listed` from listing events as well, use {@link heldAt}.
 *
 * @example
 * Title.holdsAt(e.titles, ["municipal_tech_center", "tech_innovation_demo"], "2025-06-30", { minLevel: "municipal" })
 *
 * @since 0.1.0
 * @category predicates
 */
export const holdsAt = (
  holdings: ReadonlyArray<Holding>,
  titles: ReadonlyArray<string>,
  asOf: IsoDate,
  opts?: { readonly minLevel?: GrantLevel | undefined; readonly withinYears?: number | undefined },
): boolean => heldIn(holdings, titles, asOf, opts?.minLevel, opts?.withinYears) !== undefined

/**
 * The listing stages that make an enterprise `listed`: a listing on an exchange board (北交所, 科创板, 创业板, 主板).
 * Share reform, the regional equity exchange and NEEQ are steps towards it, not listings.
 *
 * @since 0.1.0
 * @category constants
 */
export const LISTED_STAGES: ReadonlyArray<string> = ["bse", "star", "chinext", "main_board"]

/**
 * The exchange listing an enterprise had reached on a date (the earliest), or `undefined`. Being listed is read
 * from `listing` events, so a record need not also carry a `listed` title.
 *
 * @example
 * Title.listingAt(e, "2025-06-30") // { stage: "star", reachedOn: "2024-03-15" }
 *
 * @since 0.1.0
 * @category getters
 */
export const listingAt = (e: Enterprise, asOf: IsoDate): Enterprise["listing"][number] | undefined => {
  let found: Enterprise["listing"][number] | undefined
  for (const event of e.listing)
    if (
      event.reachedOn <= asOf &&
      LISTED_STAGES.includes(event.stage) &&
      (found === undefined || event.reachedOn < found.reachedOn)
    )
      found = event
  return found
}

/**
 * Which of `titles` an enterprise holds on `asOf`, or `undefined` for none: the one answer to "does this enterprise
 * hold this title on this date" that rules, the ladder and apps share. `listed` is held through a listing on an
 * exchange board ({@link listingAt}; with `withinYears`, reached within that many years — a listing has no grant
 * level, so `minLevel` does not apply to it) or through a `listed` holding; every other title through a holding, under
 * {@link holdsAt}'s rules. `listed` is checked first, then holdings in record order; the first match is returned.
 *
 * @example
 * Title.heldAt(e, ["listed"], "2025-06-30") // "listed" once e reached 科创板 on 2024-03-15, with no `listed` title on record
 * Title.heldAt(e, ["srdi_sme", "little_giant"], "2025-06-30") !== undefined // holds either
 *
 * @since 0.1.0
 * @category predicates
 */
export const heldAt = (
  e: Enterprise,
  titles: ReadonlyArray<string>,
  asOf: IsoDate,
  opts?: { readonly minLevel?: GrantLevel | undefined; readonly withinYears?: number | undefined },
): string | undefined => {
  const within = opts?.withinYears
  if (titles.includes("listed")) {
    const event = listingAt(e, asOf)
    if (event !== undefined && (within === undefined || yearsBetween(event.reachedOn, asOf) <= within)) return "listed"
  }
  return heldIn(e.titles, titles, asOf, opts?.minLevel, within)
}

/**
 * The highest rung of the ladder an enterprise holds on a date: `listed` once it has reached a listing on an
 * exchange board (北交所, 科创板, 创业板, 主板), else the highest valid ladder title; `undefined` for none.
 *
 * @since 0.1.0
 * @category getters
 */
export const tierAt = (e: Enterprise, asOf: IsoDate): Tier | undefined => {
  for (let i = LADDER.length - 1; i >= 0; i--) {
    const rung = LADDER[i]!
    if (heldAt(e, [rung], asOf) !== undefined) return rung
  }
  return undefined
}

/**
 * The next rung above a tier (`innovative_sme` for none); `undefined` at the top.
 *
 * @example
 * Title.nextRung("srdi_sme") // "little_giant"
 *
 * @since 0.1.0
 * @category getters
 */
export const nextRung = (tier: Tier | undefined): Tier | undefined =>
  tier === undefined ? LADDER[0] : LADDER[LADDER.indexOf(tier) + 1]

/**
 * The earliest holding of a title (its first recognition), or `undefined`.
 *
 * @since 0.1.0
 * @category getters
 */
export const firstGranted = (holdings: ReadonlyArray<Holding>, title: string): Holding | undefined => {
  let first: Holding | undefined
  for (const h of holdings) if (h.title === title && (first === undefined || h.grantedOn < first.grantedOn)) first = h
  return first
}
