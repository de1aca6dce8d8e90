/**
 * Reading and writing the cells of a roster (the tabular enterprise file): numbers, dates, booleans and the
 * packed list cells for titles, listing stages and attestations. Each reader returns a value or a bilingual reason.
 */
import { isIsoDate } from "../Calendar.js"
import { LISTING_STAGES, type Attestation, type ListingEvent } from "../Enterprise.js"
import type { Text } from "../Locale.js"
import type { Holding } from "../Title.js"

/** A cell as a spreadsheet reader hands it over. */
export type Cell = string | number | boolean | null | undefined

/** A parsed cell or why it could not be read. */
export type Read<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly message: Text }

const ok = <A>(value: A): Read<A> => ({ ok: true, value })
const fail = (zh: string, en: string): Read<never> => ({ ok: false, message: { zh, en } })

/** Whether a cell holds nothing (empty or only spaces): a missing figure, never a zero. */
export const isBlank = (cell: Cell): boolean =>
  cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "")

/** The cell as trimmed text. */
export const textOf = (cell: Cell): string => (isBlank(cell) ? "" : String(cell).trim())

/** A number written `1234.5`, `1,234.5` or `１，２３４.５` (spreadsheets and Chinese input methods both occur). */
export const readNumber = (cell: Cell): Read<number> => {
  if (typeof cell === "number")
    return Number.isFinite(cell) ? ok(cell) : fail(`不是有限数值：${cell}`, `not a finite number: ${cell}`)
  const raw = textOf(cell)
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[，,\s]/g, "")
    .replace(/．/g, ".")
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(raw))
    return fail(
      `“${textOf(cell)}”不是数字（如 1234.5 或 1,234.5）`,
      `"${textOf(cell)}" is not a number (write 1234.5 or 1,234.5)`,
    )
  return ok(Number(raw))
}

/** A whole number. */
export const readInt = (cell: Cell): Read<number> => {
  const n = readNumber(cell)
  if (!n.ok) return n
  return Number.isInteger(n.value) ? n : fail(`“${textOf(cell)}”应为整数`, `"${textOf(cell)}" must be a whole number`)
}

// Excel stores dates as days since 1899-12-30 (the 1900 leap-year bug included); 25569 is 1970-01-01.
const EXCEL_EPOCH_OFFSET = 25569

const fromEpochDays = (days: number): string => new Date(days * 86_400_000).toISOString().slice(0, 10)

/** A date written `2023-06-01`, `2023/6/1`, `2023.6.1` or `2023年6月1日`, or an Excel date serial number. */
export const readDate = (cell: Cell): Read<string> => {
  if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell > 0 && cell < 2958466) return ok(fromEpochDays(cell - EXCEL_EPOCH_OFFSET))
    return fail(`${cell} 不是日期`, `${cell} is not a date`)
  }
  return readDateText(textOf(cell))
}

const readDateText = (text: string): Read<string> => {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text)
  const iso = m === null ? text : `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`
  return isIsoDate(iso)
    ? ok(iso)
    : fail(`“${text}”不是有效日期（写作 2023-06-01）`, `"${text}" is not a valid date (write 2023-06-01)`)
}

const TRUE = new Set(["true", "yes", "y", "1", "是", "对", "√", "✓"])
const FALSE = new Set(["false", "no", "n", "0", "否", "不是", "×", "✗"])

/** A yes/no cell: true/false, yes/no, 是/否, 1/0. */
export const readBoolean = (cell: Cell): Read<boolean> => {
  if (typeof cell === "boolean") return ok(cell)
  const t = textOf(cell).toLowerCase()
  if (TRUE.has(t)) return ok(true)
  if (FALSE.has(t)) return ok(false)
  return fail(`“${textOf(cell)}”应为“是”或“否”`, `"${textOf(cell)}" must be yes or no (是/否, true/false)`)
}

/** Splits a packed list cell on `;` or `；` (and new lines), dropping empty entries. */
export const entries = (cell: Cell): ReadonlyArray<string> =>
  textOf(cell)
    .split(/[;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "")

const LEVELS = new Set(["national", "provincial", "municipal", "district"])

/** The encoded form of a title holding, the way {@link Holding} decodes it. */
export type HoldingInput = { -readonly [K in keyof Holding]: Holding[K] }

/** One title entry: `srdi_sme@2023-06-01`, `srdi_sme:municipal@2023-06-01`, optionally `~2026-05-31` (expiry). */
export const readTitle = (entry: string): Read<HoldingInput> => {
  const m = /^([^:@~\s]+)\s*(?::\s*([a-z]+))?\s*@\s*([^~]+?)\s*(?:~\s*(.+))?$/.exec(entry)
  if (m === null)
    return fail(
      `称号“${entry}”应写作 称号@认定日期，如 srdi_sme@2023-06-01 或 srdi_sme:municipal@2023-06-01`,
      `title "${entry}" must be written title@grantedOn, e.g. srdi_sme@2023-06-01 or srdi_sme:municipal@2023-06-01`,
    )
  const [, title, level, granted, expires] = m
  if (level !== undefined && !LEVELS.has(level))
    return fail(
      `称号“${entry}”的级别“${level}”应为 national、provincial、municipal 或 district`,
      `title "${entry}": level "${level}" must be national, provincial, municipal or district`,
    )
  const grantedOn = readDateText(granted!)
  if (!grantedOn.ok) return grantedOn
  const out: HoldingInput = { title: title!, grantedOn: grantedOn.value }
  if (level !== undefined) out.level = level as NonNullable<Holding["level"]>
  if (expires !== undefined) {
    const expiresOn = readDateText(expires.trim())
    if (!expiresOn.ok) return expiresOn
    out.expiresOn = expiresOn.value
  }
  return ok(out)
}

/** Writes a holding back as one title entry (reviews, revocations and certificates are not carried). */
export const writeTitle = (h: Holding): string =>
  `${h.title}${h.level !== undefined ? `:${h.level}` : ""}@${h.grantedOn}${h.expiresOn !== undefined ? `~${h.expiresOn}` : ""}`

const STAGES: ReadonlySet<string> = new Set(LISTING_STAGES)

/** One listing entry: `otc_cq@2024-05-01`. */
export const readListing = (entry: string): Read<{ -readonly [K in keyof ListingEvent]: ListingEvent[K] }> => {
  const m = /^([^@\s]+)\s*@\s*(.+)$/.exec(entry)
  if (m === null)
    return fail(
      `上市阶段“${entry}”应写作 阶段@日期，如 otc_cq@2024-05-01`,
      `listing "${entry}" must be written stage@date, e.g. otc_cq@2024-05-01`,
    )
  if (!STAGES.has(m[1]!))
    return fail(
      `上市阶段“${m[1]}”不在 ${LISTING_STAGES.join("、")} 之中`,
      `listing stage "${m[1]}" is not one of ${LISTING_STAGES.join(", ")}`,
    )
  const reachedOn = readDateText(m[2]!.trim())
  if (!reachedOn.ok) return reachedOn
  return ok({ stage: m[1] as ListingEvent["stage"], reachedOn: reachedOn.value })
}

/** Writes a listing event back (the board name is not carried). */
export const writeListing = (l: ListingEvent): string => `${l.stage}@${l.reachedOn}`

/** One attestation entry: `criterion=true@2024-03-01|who attested|evidence` (evidence optional). */
export const readAttestation = (entry: string): Read<{ -readonly [K in keyof Attestation]: Attestation[K] }> => {
  const m = /^([^=|]+?)\s*=\s*([^@|]+?)\s*@\s*([^|]+?)\s*\|\s*([^|]+?)\s*(?:\|\s*(.*))?$/.exec(entry)
  if (m === null)
    return fail(
      `认定“${entry}”应写作 指标=是@日期|认定人|依据，如 hard_tech=是@2024-03-01|区经济信息委|专家评审意见`,
      `attestation "${entry}" must be written criterion=true@date|attested by|evidence, e.g. hard_tech=true@2024-03-01|区经济信息委|expert review`,
    )
  const value = readBoolean(m[2])
  if (!value.ok) return value
  const attestedOn = readDateText(m[3]!)
  if (!attestedOn.ok) return attestedOn
  return ok({
    criterion: m[1]!,
    value: value.value,
    attestedOn: attestedOn.value,
    attestedBy: m[4]!,
    evidence: (m[5] ?? "").trim(),
  })
}

/** Writes an attestation back as one entry. */
export const writeAttestation = (a: Attestation): string =>
  `${a.criterion}=${a.value}@${a.attestedOn}|${a.attestedBy}${a.evidence !== "" ? `|${a.evidence}` : ""}`
