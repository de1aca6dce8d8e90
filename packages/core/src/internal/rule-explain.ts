/**
 * Plain-language reasons from a trace: one sentence per decisive node, in Chinese or English, citing the clause.
 * Decisive: the nodes that carry the outcome down the tree — every failing child of a failing `all`, every child
 * of a failing `any`, the first passing child of a passing `any`, the nodes that need review or lack data...
 */
import { format, META, type Measure } from "../Indicator.js"
import type { Lang } from "../Locale.js"
import type * as R from "../Rule.js"

type Node = R.TraceNode

const children = (trace: ReadonlyArray<Node>, at: number): Array<number> => {
  const depth = trace[at]!.depth
  const out: Array<number> = []
  for (let i = at + 1; i < trace.length && trace[i]!.depth > depth; i++) if (trace[i]!.depth === depth + 1) out.push(i)
  return out
}

const clause = (n: Node, lang: Lang): string => (lang === "zh" ? `（${n.cite.clause}）` : ` (clause ${n.cite.clause})`)

const measureOf = (n: Node): Measure => (n.indicator === undefined ? "count" : META[n.indicator].measure)

const num = (value: number, measure: Measure, lang: Lang, decimals = 2): string =>
  format(value, measure, lang, decimals)

const valueText = (n: Node, measure: Measure, lang: Lang, decimals = 2): string => {
  const v = n.value
  if (typeof v === "number") return num(v, measure, lang, decimals)
  if (Array.isArray(v))
    return v
      .map((x) => (x === null ? (lang === "zh" ? "缺失" : "missing") : num(x, measure, lang, decimals)))
      .join(lang === "zh" ? "、" : ", ")
  return String(v)
}

const PASS_ZH: Record<R.Operator, string> = {
  ">=": "不低于",
  ">": "高于",
  "<=": "不超过",
  "<": "低于",
  "==": "等于",
  "!=": "不等于",
}
const FAIL_ZH: Record<R.Operator, string> = {
  ">=": "低于{t}的要求",
  ">": "未高于{t}的要求",
  "<=": "超过{t}的上限",
  "<": "未低于{t}的上限",
  "==": "不等于要求的{t}",
  "!=": "等于不允许的{t}",
}
const PASS_EN: Record<R.Operator, string> = {
  ">=": "at least",
  ">": "above",
  "<=": "at most",
  "<": "below",
  "==": "exactly",
  "!=": "other than",
}
const FAIL_EN: Record<R.Operator, string> = {
  ">=": "below the required {t}",
  ">": "not above the required {t}",
  "<=": "above the maximum {t}",
  "<": "not below the limit {t}",
  "==": "not the required {t}",
  "!=": "equal to the excluded {t}",
}

const SOFT = {
  zh: "；该项为“原则上”要求，不作否决，转人工复核",
  en: "; this is an in-principle (原则上) criterion, referred for review rather than failed",
}

const label = (n: Node, lang: Lang): string => n.label[lang]

const missingSentence = (n: Node, lang: Lang): string => {
  const m = n.missing ?? []
  return lang === "zh"
    ? `${label(n, "zh")}无法判断，缺少数据：${m.join("、")}${clause(n, "zh")}`
    : `${capital(label(n, "en"))} cannot be decided. Missing input: ${m.join(", ")}${clause(n, "en")}`
}

const capital = (s: string): string => (s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1))

const compareSentence = (n: Node, lang: Lang): string => {
  const measure = measureOf(n)
  const op = n.op ?? ">="
  const t = n.threshold === undefined ? "?" : num(n.threshold, measure, lang)
  const failed = n.outcome === "fail" || (n.outcome === "review" && n.soft === true)
  let v = valueText(n, measure, lang)
  // 4.996% must not read as "5%, below the required 5%": show the digits that tell them apart.
  if (failed && v === t) v = valueText(n, measure, lang, 6)
  const subject = (l: Lang) => (n.subject ?? n.label)[l]
  if (lang === "zh") {
    const body = failed
      ? `${subject("zh")}为${v}，${FAIL_ZH[op].replace("{t}", t)}`
      : `${subject("zh")}为${v}，满足${PASS_ZH[op]}${t}的要求`
    return `${body}${failed && n.outcome === "review" ? SOFT.zh : ""}${clause(n, "zh")}`
  }
  const body = failed
    ? `${capital(subject("en"))} was ${v}, ${FAIL_EN[op].replace("{t}", t)}`
    : `${capital(subject("en"))} was ${v}, meeting the requirement of ${PASS_EN[op]} ${t}`
  return `${body}${failed && n.outcome === "review" ? SOFT.en : ""}${clause(n, "en")}`
}

const holdSentence = (n: Node, lang: Lang): string => {
  const soft = n.outcome === "review" && n.soft === true
  if (lang === "zh") {
    const body =
      n.outcome === "pass" ? `具备条件：${label(n, "zh")}（${String(n.value)}）` : `不具备条件：${label(n, "zh")}`
    return `${body}${soft ? SOFT.zh : ""}${clause(n, "zh")}`
  }
  const body =
    n.outcome === "pass" ? `Meets: ${label(n, "en")} (${String(n.value)})` : `Does not meet: ${label(n, "en")}`
  return `${body}${soft ? SOFT.en : ""}${clause(n, "en")}`
}

const attestSentence = (n: Node, lang: Lang): string => {
  const soft = n.outcome === "review" && n.soft === true
  if (n.value === undefined)
    return lang === "zh"
      ? `需人工核实（尚无认定）：${label(n, "zh")}${clause(n, "zh")}`
      : `Needs an attestation (none on record): ${label(n, "en")}${clause(n, "en")}`
  if (n.value === true)
    return lang === "zh"
      ? `经认定满足：${label(n, "zh")}${clause(n, "zh")}`
      : `Attested as met: ${label(n, "en")}${clause(n, "en")}`
  return lang === "zh"
    ? `经认定不满足：${label(n, "zh")}${soft ? SOFT.zh : ""}${clause(n, "zh")}`
    : `Attested as not met: ${label(n, "en")}${soft ? SOFT.en : ""}${clause(n, "en")}`
}

const scoreSentence = (n: Node, lang: Lang): string => {
  const total = typeof n.value === "number" ? n.value : 0
  const min = n.threshold
  const short = (n.groups ?? []).filter((g) => g.min !== undefined && g.total < g.min)
  const groupName = (g: NonNullable<Node["groups"]>[number]): string => g.label?.[lang] ?? g.id
  if (lang === "zh") {
    const head =
      min === undefined
        ? `${label(n, "zh")}得分${total}分`
        : `${label(n, "zh")}得分${total}分，${total >= min ? "达到" : "低于"}${min}分的要求`
    const tail = short.map((g) => `；${groupName(g)}得分${g.total}分，低于${g.min}分的要求`).join("")
    const pending = n.outcome === "unknown" || n.outcome === "review" ? "；部分得分项待补充数据或复核" : ""
    return `${head}${tail}${pending}${clause(n, "zh")}`
  }
  const head =
    min === undefined
      ? `${capital(label(n, "en"))}: ${total} points`
      : `${capital(label(n, "en"))}: ${total} points, ${total >= min ? "reaching" : "below"} the required ${min}`
  const tail = short.map((g) => `; ${groupName(g)} scored ${g.total}, below its minimum ${g.min}`).join("")
  const pending = n.outcome === "unknown" || n.outcome === "review" ? "; some rows await data or review" : ""
  return `${head}${tail}${pending}${clause(n, "en")}`
}

const switchSentence = (n: Node, lang: Lang): string =>
  lang === "zh"
    ? `${label(n, "zh")}：${typeof n.value === "number" ? n.value : "?"}不在任何一档的范围内${clause(n, "zh")}`
    : `${capital(label(n, "en"))}: ${typeof n.value === "number" ? n.value : "?"} falls in no band${clause(n, "en")}`

const leafSentence = (n: Node, lang: Lang): string => {
  if (n.outcome === "unknown" && n.missing !== undefined && n.missing.length > 0) return missingSentence(n, lang)
  switch (n.kind) {
    case "compare":
      return compareSentence(n, lang)
    case "title":
    case "honor":
      return holdSentence(n, lang)
    case "attestation":
      return attestSentence(n, lang)
    case "switch":
      return switchSentence(n, lang)
    case "points": {
      const v = n.value === undefined ? "" : `（${valueText(n, measureOf(n), lang)}）`
      return lang === "zh"
        ? `${label(n, "zh")}${v}得${n.points ?? 0}分${clause(n, "zh")}`
        : `${capital(label(n, "en"))}${v.replace("（", " (").replace("）", ")")}: ${n.points ?? 0} points${clause(n, "en")}`
    }
    default:
      return lang === "zh"
        ? `${label(n, "zh")}：${OUTCOME_ZH[n.outcome]}${clause(n, "zh")}`
        : `${capital(label(n, "en"))}: ${n.outcome}${clause(n, "en")}`
  }
}

const OUTCOME_ZH: Record<R.Outcome, string> = { pass: "满足", fail: "不满足", review: "待复核", unknown: "数据不足" }

/** Collects the decisive nodes' sentences, walking down from `at`. */
const collect = (trace: ReadonlyArray<Node>, at: number, lang: Lang, out: Array<string>): void => {
  const n = trace[at]!
  const kids = children(trace, at)
  if (kids.length === 0 || n.kind === "score") {
    out.push(n.kind === "score" ? scoreSentence(n, lang) : leafSentence(n, lang))
    if (n.kind === "score" && (n.outcome === "unknown" || n.outcome === "review"))
      for (const k of kids) collectPending(trace, k, lang, out)
    return
  }
  // A soft composite that failed reads its children's failures.
  const target =
    n.outcome === "review" && n.soft === true && !kids.some((k) => trace[k]!.outcome === "review") ? "fail" : n.outcome
  if (target !== n.outcome)
    out.push(
      lang === "zh"
        ? `${label(n, "zh")}${SOFT.zh.slice(1)}${clause(n, "zh")}`
        : `${capital(label(n, "en"))}${SOFT.en.slice(1)}${clause(n, "en")}`,
    )
  if (n.kind === "not") {
    for (const k of kids) collect(trace, k, lang, out)
    return
  }
  if (n.kind === "any" && target === "pass") {
    const first = kids.find((k) => trace[k]!.outcome === "pass")
    if (first !== undefined) collect(trace, first, lang, out)
    return
  }
  if (n.kind === "any" && target === "fail") {
    for (const k of kids) collect(trace, k, lang, out)
    return
  }
  for (const k of kids) if (trace[k]!.outcome === target) collect(trace, k, lang, out)
}

/** Inside an undecided score: the rows that lack data or need review. */
const collectPending = (trace: ReadonlyArray<Node>, at: number, lang: Lang, out: Array<string>): void => {
  const n = trace[at]!
  if (n.outcome !== "unknown" && n.outcome !== "review") return
  const kids = children(trace, at)
  if (kids.length === 0) out.push(leafSentence(n, lang))
  else for (const k of kids) collectPending(trace, k, lang, out)
}

/** One sentence per decisive node of a trace (the root first), in one language. */
export const reasons = (trace: ReadonlyArray<Node>, lang: Lang): Array<string> => {
  const out: Array<string> = []
  if (trace.length > 0) collect(trace, 0, lang, out)
  return out
}

/**
 * An evaluation's reasons, written from its trace on first read of each language and kept. Screening in trace
 * mode rarely reads them, and an accessor defined per evaluation object would cost more than the evaluation;
 * `toJSON` keeps serialisation plain (`{ zh, en }`).
 */
export class LazyReasons {
  readonly #trace: ReadonlyArray<Node>
  #zh: Array<string> | undefined
  #en: Array<string> | undefined
  constructor(trace: ReadonlyArray<Node>) {
    this.#trace = trace
  }
  get zh(): Array<string> {
    return (this.#zh ??= reasons(this.#trace, "zh"))
  }
  get en(): Array<string> {
    return (this.#en ??= reasons(this.#trace, "en"))
  }
  toJSON(): { readonly zh: Array<string>; readonly en: Array<string> } {
    return { zh: this.zh, en: this.en }
  }
  // Node's console and REPL show the sentences rather than an empty class instance.
  [Symbol.for("nodejs.util.inspect.custom")](): { readonly zh: Array<string>; readonly en: Array<string> } {
    return this.toJSON()
  }
}
