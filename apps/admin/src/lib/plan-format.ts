/**
 * How plan-tracking values read on screen: dates, money (万元) and points, statuses, problem categories, audit
 * actions and entities — the ids the API sends, translated where the admin knows them and shown as they are where not.
 */

/** svelte-i18n's translate function, as pages get it from `$t`. */
export type Translate = (key: string, options?: { values?: Record<string, string | number> }) => string

const STATUSES = new Set([
  "pending",
  "approved",
  "rejected",
  "paid",
  "open",
  "in_progress",
  "resolved",
  "closed_unresolved",
  "achieved",
  "on_track",
  "at_risk",
  "off_track",
  "no_data",
  "not_started",
  "done",
  "blocked",
])
const CATEGORIES = new Set(["enterprise_specific", "market_wide", "business_environment", "policy"])
const ACTIONS = new Set([
  "create",
  "update",
  "delete",
  "import:create",
  "import:update",
  "install",
  "activate",
  "observe",
  "report",
  "claim",
  "approved",
  "rejected",
  "pay",
  "seed:demo",
  "pool:enter",
  "pool:exit",
])
const ENTITIES = new Set(["enterprise", "pack", "problem", "target", "task", "award_claim", "pool"])

/** A date (`2025-03-01`) or a timestamp (`2025-03-01T08:30:12.345Z` → `2025-03-01 08:30`, UTC as the API stores it). */
export const formatDate = (value: string): string => {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(value)
  if (m === null) return value
  return m[2] === undefined || value.length === 10 ? m[1]! : `${m[1]} ${m[2]}`
}

/** An award amount: 万元 with up to two decimals, or points; "—" when the pack names no amount. */
export const formatAmount = (amount: number | null | undefined, unit: string | undefined, t: Translate): string => {
  if (amount === null || amount === undefined) return "—"
  const n = amount.toLocaleString("zh-CN", { maximumFractionDigits: 2 })
  return t(unit === "points" ? "format.points" : "format.wanYuan", { values: { n } })
}

/** A status id in the user's language; an id the admin does not know stays as it is. */
export const statusLabel = (status: string, t: Translate): string =>
  STATUSES.has(status) ? t(`status.${status}`) : status

/** A problem category (the hard-tech plan's four) in the user's language. */
export const categoryLabel = (category: string, t: Translate): string =>
  CATEGORIES.has(category) ? t(`category.${category}`) : category

/** An audit action: `create` → 新建, `status:resolved` → 状态改为“已解决”; unknown actions as they are. */
export const auditAction = (action: string, t: Translate): string => {
  if (action.startsWith("status:")) {
    const to = action.slice("status:".length)
    return t("auditAction.status", { values: { status: statusLabel(to, t) } })
  }
  return ACTIONS.has(action) ? t(`auditAction.${action.replace(":", "_")}`) : action
}

/** An audit entity (`award_claim` → 奖补申领); unknown entities as they are. */
export const auditEntity = (entity: string, t: Translate): string =>
  ENTITIES.has(entity) ? t(`auditEntity.${entity}`) : entity

/** An audit entity id: `*` (a whole set, as seeding writes) reads as "all". */
export const auditEntityId = (id: string, t: Translate): string => (id === "*" ? t("common.all") : id)
