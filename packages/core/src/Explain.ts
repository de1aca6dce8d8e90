/**
 * Explanations: why a rule gave its verdict, in plain Chinese and English — one sentence per decisive
 * criterion, citing its clause, plus the missing inputs and the attestations a reviewer must supply.
 *
 * @since 0.1.0
 */
import type { IsoDate } from "./Calendar.js"
import type { Lang } from "./Locale.js"
import type { Evaluation, TraceNode, Verdict } from "./Rule.js"
import { reasons as fromTrace } from "./internal/rule-explain.js"

/**
 * One sentence per decisive node of a trace, in one language: the failing criteria of an ineligible case, the
 * passing ones of an eligible case, the criteria awaiting review, the inputs that are missing.
 *
 * @example
 * Explain.reasons(evaluation.trace, "zh")
 * // ["上年度研发投入强度为4.2%，低于5%的要求（二（一）4）"]
 * Explain.reasons(evaluation.trace, "en")
 * // ["R&D intensity last year was 4.2%, below the required 5% (clause 二（一）4)"]
 *
 * @since 0.1.0
 * @category explaining
 */
export const reasons = (trace: ReadonlyArray<TraceNode>, lang: Lang): Array<string> => fromTrace(trace, lang)

const VERDICT_TEXT: Record<Verdict, { readonly zh: string; readonly en: string }> = {
  eligible: { zh: "符合条件", en: "eligible" },
  ineligible: { zh: "不符合条件", en: "not eligible" },
  needs_review: { zh: "需人工复核", en: "needs review" },
  insufficient_data: { zh: "数据不足，无法判断", en: "cannot be decided: data missing" },
}

/**
 * The verdict's name in one language.
 *
 * @since 0.1.0
 * @category explaining
 */
export const verdictText = (verdict: Verdict, lang: Lang): string => VERDICT_TEXT[verdict][lang]

const percent = (d: number): string => `${Math.round(d * 1000) / 10}%`

/**
 * A one-line summary of an evaluation: the verdict, the rule and date, the score, the near-miss distance, how
 * many inputs are missing.
 *
 * @example
 * Explain.summary(evaluation, "zh") // "不符合条件（规则 hard-tech-pool，评估日 2025-06-30）；临界：距达标相差16%"
 *
 * @since 0.1.0
 * @category explaining
 */
export const summary = (evaluation: Evaluation, lang: Lang): string => {
  const parts: Array<string> = []
  const asOf: IsoDate = evaluation.asOf
  if (lang === "zh") {
    parts.push(`${VERDICT_TEXT[evaluation.verdict].zh}（规则 ${evaluation.rule}，评估日 ${asOf}）`)
    if (evaluation.score !== undefined) parts.push(`得分${evaluation.score}分`)
    if (evaluation.nearMiss) parts.push(`临界：距达标相差${percent(evaluation.distance)}`)
    if (evaluation.missing.length > 0) parts.push(`缺少${evaluation.missing.length}项数据`)
    return parts.join("；")
  }
  parts.push(`${capital(VERDICT_TEXT[evaluation.verdict].en)} (rule ${evaluation.rule}, as of ${asOf})`)
  if (evaluation.score !== undefined) parts.push(`score ${evaluation.score}`)
  if (evaluation.nearMiss) parts.push(`near miss: ${percent(evaluation.distance)} short`)
  if (evaluation.missing.length > 0) parts.push(`${evaluation.missing.length} input(s) missing`)
  return parts.join("; ")
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
