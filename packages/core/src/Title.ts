/**
 * Titles an enterprise can hold — the tier ladder (创新型中小企业 → 专精特新 → 小巨人 → 上市) and the side titles
 * and recognised platforms — and what an enterprise holds as of a date.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { IsoDate } from "./Calendar.js"

/**
 * A title id: a lower-case slug. The ladder and common side titles are listed in {@link KNOWN};
 * packs may name others (e.g. `municipal_tech_center` for 市级企业技术中心).
 *
 * @since 0.1.0
 * @category schemas
 */
export const TitleId = Schema.String.pipe(
  Schema.pattern(/^[a-z][a-z0-9_]*$/, { message: () => "a title id is a lower-case slug such as srdi_sme" }),
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
export const KNOWN: Readonly<Record<string, { readonly zh: string; readonly en: string; readonly validityYears?: number }>> = {
  innovative_sme: { zh: "创新型中小企业", en: "innovative SME", validityYears: 3 },
  srdi_sme: { zh: "专精特新中小企业", en: "SRDI SME", validityYears: 3 },
  little_giant: { zh: "专精特新“小巨人”企业", en: "little giant", validityYears: 3 },
  listed: { zh: "上市企业", en: "listed company" },
  single_champion: { zh: "制造业单项冠军", en: "single champion", validityYears: 3 },
  hidden_champion: { zh: "隐形冠军", en: "hidden champion" },
  tech_sme: { zh: "科技型中小企业", en: "tech SME", validityYears: 1 },
  hnte: { zh: "高新技术企业", en: "high-tech enterprise (HNTE)", validityYears: 3 },
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
