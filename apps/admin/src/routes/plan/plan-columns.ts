/**
 * The columns of the plan-tracking lists (problems, award claims): which field each shows, its translated header
 * and how its value reads. A list the admin has no columns for gets one column per field, headed by the field's
 * translation where there is one.
 */
import { categoryLabel, formatAmount, formatDate, statusLabel, type Translate } from "../../lib/plan-format.js"

/** A row as the API sends it. */
export type Row = Readonly<Record<string, unknown>>

/** How a cell reads. */
export type Format = "text" | "date" | "status" | "category" | "amount" | "unit" | "award" | "enterprise" | "year"

/** One column: its header's i18n key, the value it shows and how. */
export interface Column {
  readonly key: string
  readonly label: string
  readonly format: Format
  readonly value: (row: Row) => unknown
}

/** Names the admin can put in place of ids (see `names.svelte.ts`); undefined when not (yet) known. */
export interface Namer {
  readonly unit: (id: string) => string | undefined
  readonly award: (pack: string, id: string) => string | undefined
  readonly enterprise: (uscc: string) => string | undefined
}

const field = (key: string, format: Format, label = `field.${key}`, from?: string): Column => ({
  key,
  label,
  format,
  value: (row) => (from === undefined ? row[key] : (row[from] as Row | undefined)?.[key]),
})

/** The problem ledger: `GET /problems` rows are `{ problem, region, version }`. */
const PROBLEM: ReadonlyArray<Column> = [
  field("uscc", "enterprise", "field.enterprise", "problem"),
  field("category", "category", "field.category", "problem"),
  field("description", "text", "field.description", "problem"),
  field("unit", "unit", "field.unit", "problem"),
  field("raisedOn", "date", "field.raisedOn", "problem"),
  field("dueOn", "date", "field.dueOn", "problem"),
  field("status", "status", "field.status", "problem"),
  field("resolvedOn", "date", "field.resolvedOn", "problem"),
]

/** Award claims (`GET /awards/claims`). */
const CLAIM: ReadonlyArray<Column> = [
  field("id", "text", "common.id"),
  field("awardId", "award", "field.award"),
  field("eventOn", "date", "field.eventOn"),
  field("budgetYear", "year", "field.budgetYear"),
  field("amount", "amount", "field.amount"),
  field("payer", "unit", "field.payer"),
  field("status", "status", "field.status"),
]

const guess = (key: string): Format =>
  /(On|At)$/.test(key)
    ? "date"
    : key === "status"
      ? "status"
      : key === "amount"
        ? "amount"
        : key === "unit" || key === "payer"
          ? "unit"
          : "text"

/** The columns of a list at `path`, given its first rows (for lists without their own columns). */
export const columnsFor = (path: string, rows: ReadonlyArray<Row>): ReadonlyArray<Column> => {
  if (path === "/problems") return PROBLEM
  if (path === "/awards/claims") return CLAIM
  const keys = [...new Set(rows.slice(0, 20).flatMap((r) => Object.keys(r)))].slice(0, 8)
  return keys.map((k) => field(k, guess(k)))
}

const bilingual = (v: object, en: boolean): string | undefined => {
  const r = v as Record<string, unknown>
  return typeof r.zh === "string" && typeof r.en === "string" ? (en ? r.en : r.zh) : undefined
}

/** A cell as text: formatted, with names in place of ids where known ("—" for nothing). */
export const cellText = (column: Column, row: Row, t: Translate, lang: string, namer: Namer): string => {
  const v = column.value(row)
  if (v === null || v === undefined || v === "") return "—"
  const s = String(v)
  switch (column.format) {
    case "date":
      return formatDate(s)
    case "status":
      return statusLabel(s, t)
    case "category":
      return categoryLabel(s, t)
    case "amount":
      return formatAmount(typeof v === "number" ? v : Number(v), typeof row.unit === "string" ? row.unit : undefined, t)
    case "unit":
      return namer.unit(s) ?? s
    case "award":
      return namer.award(typeof row.packId === "string" ? row.packId : "", s) ?? s
    case "enterprise": {
      const name = namer.enterprise(s)
      return name === undefined ? s : `${name}（${s}）`
    }
    case "year":
      return s
    case "text":
      if (typeof v === "object") return bilingual(v, lang.startsWith("en")) ?? JSON.stringify(v)
      return s
  }
}

/** Whether a row is overdue on `asOf` (a flag from the API, or a problem still open after its due date). */
export const isOverdue = (row: Row, asOf: string): boolean => {
  if (row.overdue === true || row.status === "overdue") return true
  const p = row.problem as { status?: string; dueOn?: string } | undefined
  return (
    p !== undefined &&
    (p.status === "open" || p.status === "in_progress") &&
    typeof p.dueOn === "string" &&
    p.dueOn < asOf
  )
}
