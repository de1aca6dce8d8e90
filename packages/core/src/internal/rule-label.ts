/**
 * Default labels of rule nodes, in Chinese and English, for nodes whose pack gives none: built from the
 * indicator's name and window ("上年度研发投入强度" / "R&D intensity last year") or the titles' names.
 */
import { isYearly, META, type Ref } from "../Indicator.js"
import type { Text } from "../Locale.js"
import type * as R from "../Rule.js"
import type { GrantLevel } from "../Title.js"
import { KNOWN } from "../Title.js"

const LEVEL: Record<GrantLevel, Text> = {
  national: { zh: "国家级", en: "national" },
  provincial: { zh: "省级", en: "provincial" },
  municipal: { zh: "市级", en: "municipal" },
  district: { zh: "区县级", en: "district" },
}

const AGG_ZH = { each: "每年", sum: "合计", avg: "平均", min: "最低", max: "最高" } as const
const AGG_EN = {
  each: "in each of",
  sum: "total over",
  avg: "average over",
  min: "lowest over",
  max: "highest over",
} as const

/** The name of an indicator with its window: 上年度 for lag 1, 近2年平均 for span 2 avg... */
export const refLabel = (ref: Ref): Text => {
  const m = META[ref.id]
  if (!(ref.id in META)) return { zh: ref.id, en: ref.id }
  const lag = ref.lag ?? 1
  const span = ref.span ?? 1
  if (!isYearly(ref.id)) return { zh: m.zh, en: m.en }
  if (span === 1) {
    if (lag === 0) return { zh: `本年度${m.zh}`, en: `${m.en} this year` }
    if (lag === 1) return { zh: `上年度${m.zh}`, en: `${m.en} last year` }
    return { zh: `${lag}年前${m.zh}`, en: `${m.en} ${lag} years ago` }
  }
  const agg = ref.aggregate ?? "each"
  const window =
    lag === 1
      ? { zh: `近${span}年`, en: `the last ${span} years` }
      : { zh: `截至${lag}年前的${span}年`, en: `the ${span} years ending ${lag} years ago` }
  if (agg === "each") return { zh: `${window.zh}每年${m.zh}`, en: `${m.en} in each of ${window.en}` }
  return { zh: `${window.zh}${m.zh}${AGG_ZH[agg]}`, en: `${m.en}, ${AGG_EN[agg]} ${window.en}` }
}

const names = (ids: ReadonlyArray<string>, lang: "zh" | "en"): string =>
  ids.map((id) => KNOWN[id]?.[lang] ?? id).join(lang === "zh" ? "或" : " or ")

const levelPrefix = (level: GrantLevel | undefined): Text =>
  level === undefined
    ? { zh: "", en: "" }
    : {
        zh: `${LEVEL[level].zh}${level === "national" ? "" : "及以上"}`,
        en: `${LEVEL[level].en}${level === "national" ? "" : " or higher"} `,
      }

/** The label a node gets when the pack gives none. */
export const defaultLabel = (node: R.Node): Text => {
  switch (node.kind) {
    case "compare":
      return refLabel(node.indicator)
    case "title": {
      const p = levelPrefix(node.minLevel)
      return { zh: `${p.zh}${names(node.titles, "zh")}`, en: `${p.en}${names(node.titles, "en")}` }
    }
    case "honor": {
      const p = levelPrefix(node.minLevel)
      return {
        zh: `近${node.withinYears}年${p.zh}${node.honors.join("或")}`,
        en: `${p.en}${node.honors.join(" or ")} within ${node.withinYears} years`,
      }
    }
    case "attestation":
      return node.question
    case "all":
      return { zh: "须全部满足", en: "all of" }
    case "any":
      return { zh: "满足其一即可", en: "any one of" }
    case "atLeast":
      return { zh: `至少满足${node.min}项`, en: `at least ${node.min} of` }
    case "not":
      return { zh: "不得满足", en: "none of" }
    case "switch": {
      const l = refLabel(node.on)
      return { zh: `按${l.zh}分档`, en: `by band of ${l.en}` }
    }
    case "score":
      return { zh: "评分", en: "score" }
    case "points":
      return node.indicator !== undefined
        ? refLabel(node.indicator)
        : { zh: `得分项 ${node.id}`, en: `points row ${node.id}` }
  }
}
