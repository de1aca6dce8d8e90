/**
 * What the API answers, typed from @srdi/core's schemas where the API sends a core shape (enterprises, evaluations,
 * row errors, pack diffs) and written out for the API's own list rows.
 */
import type { Enterprise, Pack, Roster, Rule } from "@srdi/core"

/** The four roles of the API. */
export type Role = "municipal_admin" | "district_admin" | "unit_officer" | "viewer"

/** The signed-in user (`GET /auth/me`). */
export interface Me {
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly region: string | null
  readonly unit: string | null
}

/** A page of a list. */
export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly total: number
  /** False when the API stopped counting at its cap: there are at least `total` rows (see `paging.ts`). */
  readonly totalExact?: boolean
  readonly limit: number
  readonly offset: number
}

/** A row of `GET /enterprises`. */
export interface EnterpriseSummary {
  readonly uscc: string
  readonly name: string
  readonly region: string
  readonly industry: string | null
  readonly version: number
  readonly demo: boolean
  readonly updatedAt: string
}

/** `GET /enterprises/{uscc}`. */
export interface StoredEnterprise {
  readonly enterprise: Enterprise.EnterpriseInput
  readonly version: number
  readonly demo: boolean
  readonly createdAt: string
  readonly updatedAt: string
}

/** A region of `GET /regions`. */
export interface RegionRow {
  readonly code: string
  readonly name: string
  readonly nameEn: string | null
  readonly level: string
  readonly parent: string | null
}

/** An installed pack version. */
export interface PackRow {
  readonly id: string
  readonly version: string
  readonly hash: string
  readonly title: string
  readonly region: string
  readonly active: boolean
  readonly installedAt: string
}

/** `GET /packs/{ref}/resolved`: the pack itself, its layers resolved. */
export type ResolvedPack = typeof Pack.Pack.Encoded

/** A clause of the clause browser. */
export interface Clause {
  readonly kind: string
  readonly id: string
  readonly name: unknown
  readonly source: string
  readonly clause: string
  readonly text: string
  readonly note?: string
}

/** The diff of two packs. */
export type PackDiff = typeof Pack.Diff.Encoded

/** Verdict counts of a screening. */
export interface ScreeningSummary {
  readonly eligible?: number
  readonly ineligible?: number
  readonly needs_review?: number
  readonly insufficient_data?: number
  readonly nearMiss?: number
}

/** A screening run. */
export interface Screening {
  readonly id: number
  readonly packId: string
  readonly packVersion: string
  readonly packHash: string
  readonly ruleId: string
  readonly asOf: string
  readonly region: string | null
  readonly count: number
  readonly summary: ScreeningSummary
  readonly createdBy: string
  readonly createdAt: string
}

/** A verdict. */
export type Verdict = Rule.Verdict

/** An evaluation with its trace (the why). */
export type Evaluation = typeof Rule.Evaluation.Encoded

/** One stored decision. */
export interface Decision {
  readonly id: number
  readonly screeningId: number
  readonly uscc: string
  readonly region: string
  readonly packId: string
  readonly packVersion: string
  readonly packHash: string
  readonly ruleId: string
  readonly asOf: string
  readonly verdict: Verdict
  readonly score: number | null
  readonly distance: number
  readonly nearMiss: boolean
  readonly inputDigest: string
  readonly reasons: { readonly zh: ReadonlyArray<string>; readonly en: ReadonlyArray<string> } | null
  readonly evaluation?: Evaluation | null
  readonly createdBy: string
  readonly createdAt: string
}

/** The answer of `POST /imports`. */
export interface ImportResult {
  readonly importId: number | null
  readonly mode: "preview" | "commit"
  readonly rows: number
  readonly enterprises: number
  readonly inserted: number
  readonly updated: number
  readonly rejected: number
  readonly errors: ReadonlyArray<Roster.RowError>
  readonly unknownColumns: ReadonlyArray<string>
}

/** Counts per rung of the tier ladder. */
export type TierCounts = Readonly<Record<"innovative_sme" | "srdi_sme" | "little_giant" | "listed", number>>

/** `GET /titles/pyramid`: enterprises holding each rung as of a date, per region in the caller's scope. */
export interface Pyramid {
  readonly asOf: string
  readonly tiers: ReadonlyArray<{ readonly tier: keyof TierCounts; readonly zh: string; readonly en: string }>
  readonly items: ReadonlyArray<{
    readonly region: string
    readonly name: string
    readonly nameEn: string | null
    readonly enterprises: number
    readonly holding: TierCounts
    readonly highest: TierCounts
  }>
  readonly total: { readonly enterprises: number; readonly holding: TierCounts; readonly highest: TierCounts }
}

/** `GET /tasks/overdue`: a task's report that is due and missing, per lead unit and period. */
export interface OverdueReport {
  readonly task: string
  readonly number: string
  readonly unit: string
  readonly period: string | null
  readonly dueOn: string
  readonly daysOverdue: number
}
