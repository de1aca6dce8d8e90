/**
 * The values of a trace node as people write them: in the indicator's measure where the node names one (percent,
 * 万元, persons, years — core's `Indicator.format`, the same wording as the reasons), else a plain number without
 * floating-point noise (0.30000000000000004 → 0.3).
 */
import { Indicator } from "@srdi/core"
import type { Evaluation } from "../api/types.js"

type Node = Evaluation["trace"][number]
type Lang = "zh" | "en"

const META: Readonly<Record<string, Indicator.Meta | undefined>> = Indicator.META

/** A number without a known measure: two decimals at most, four significant digits below 1. */
export const plainNumber = (v: number): string => {
  if (!Number.isFinite(v)) return String(v)
  const rounded = Math.abs(v) >= 1 ? Math.round(v * 100) / 100 : Number(v.toPrecision(4))
  return Math.abs(rounded) >= 10000 ? rounded.toLocaleString("en-US") : String(rounded)
}

/** One number of a node, in the node's indicator's measure when it has one. */
export const traceNumber = (v: number, indicator: string | undefined, lang: Lang): string => {
  const meta = indicator === undefined ? undefined : META[indicator]
  return meta === undefined ? plainNumber(v) : Indicator.format(v, meta.measure, lang)
}

/** A node's observed value: a number, one number per year (missing years named), a text or a yes/no. */
export const traceValue = (node: Pick<Node, "value" | "indicator">, lang: Lang): string => {
  const v = node.value
  if (typeof v === "number") return traceNumber(v, node.indicator, lang)
  if (typeof v === "boolean") return lang === "zh" ? (v ? "是" : "否") : v ? "yes" : "no"
  if (Array.isArray(v))
    return v
      .map((x) => (x === null ? (lang === "zh" ? "缺失" : "missing") : traceNumber(x, node.indicator, lang)))
      .join(lang === "zh" ? "、" : ", ")
  return String(v)
}
