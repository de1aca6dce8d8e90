/**
 * The shared runner of pack test cases: each case's enterprise evaluated against the rule it names (or the one in
 * force) and the pack's awards, compared with what the case expects.
 *
 * @internal
 */
import { entitlements } from "../Award.js"
import type { Text } from "../Locale.js"
import type { Pack, TestCase } from "../Pack.js"
import { compile, inForce, type Rule } from "../Rule.js"

export interface CaseResult {
  readonly name: string
  readonly ok: boolean
  readonly rule?: string
  readonly expected: TestCase["expect"]
  readonly actual: Record<string, unknown>
  readonly message: Text
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))

const pickRule = (pack: Pack, c: TestCase): Rule | Text => {
  if (c.rule !== undefined) {
    const byId = pack.rules.find((r) => r.id === c.rule)
    if (byId !== undefined) return byId
    // A case may name what is decided (srdi_sme) and get the rule in force on its date (63号 or 2号).
    const deciding = inForce(
      pack.rules.filter((r) => r.decides === c.rule),
      c.asOf,
    )
    if (deciding.length === 1) return deciding[0]!
    return deciding.length === 0
      ? {
          zh: `没有编号或判定事项为 ${c.rule} 且在 ${c.asOf} 有效的规则`,
          en: `no rule with id or decides ${c.rule} in force on ${c.asOf}`,
        }
      : {
          zh: `${c.asOf} 有多条判定 ${c.rule} 的规则同时有效`,
          en: `several rules deciding ${c.rule} are in force on ${c.asOf}`,
        }
  }
  const rules = inForce(pack.rules, c.asOf)
  if (rules.length === 1) return rules[0]!
  return {
    zh: `用例未指定规则，而 ${c.asOf} 有效的规则有 ${rules.length} 条`,
    en: `the case names no rule and ${rules.length} rules are in force on ${c.asOf}`,
  }
}

const show = (v: unknown) => JSON.stringify(v)

export const runCase = (pack: Pack, c: TestCase): CaseResult => {
  const expect = c.expect
  const actual: Record<string, unknown> = {}
  const mismatches: Array<Text> = []
  const needsRule =
    expect.verdict !== undefined ||
    expect.score !== undefined ||
    expect.groups !== undefined ||
    expect.missing !== undefined
  let ruleId: string | undefined
  try {
    if (needsRule) {
      const rule = pickRule(pack, c)
      if ("zh" in rule) return { name: c.name, ok: false, expected: expect, actual, message: rule }
      ruleId = rule.id
      const evaluation = compile(rule, { asOf: c.asOf }).evaluate(c.enterprise)
      if (expect.verdict !== undefined) {
        actual["verdict"] = evaluation.verdict
        if (evaluation.verdict !== expect.verdict)
          mismatches.push({
            zh: `判定应为 ${expect.verdict}，实为 ${evaluation.verdict}（${evaluation.reasons.zh.join("；")}）`,
            en: `verdict: expected ${expect.verdict}, got ${evaluation.verdict} (${evaluation.reasons.en.join("; ")})`,
          })
      }
      if (expect.score !== undefined) {
        actual["score"] = evaluation.score
        if (evaluation.score === undefined || !close(evaluation.score, expect.score))
          mismatches.push({
            zh: `得分应为 ${expect.score}，实为 ${evaluation.score ?? "无"}`,
            en: `score: expected ${expect.score}, got ${evaluation.score ?? "none"}`,
          })
      }
      if (expect.groups !== undefined) {
        actual["groups"] = evaluation.groups
        for (const [group, points] of Object.entries(expect.groups)) {
          const got = evaluation.groups?.[group]
          if (got === undefined || !close(got, points))
            mismatches.push({
              zh: `分组 ${group} 得分应为 ${points}，实为 ${got ?? "无"}`,
              en: `group ${group}: expected ${points}, got ${got ?? "none"}`,
            })
        }
      }
      if (expect.missing !== undefined) {
        const got = [...evaluation.missing].sort()
        actual["missing"] = got
        if (show(got) !== show([...expect.missing].sort()))
          mismatches.push({
            zh: `缺失输入应为 ${show([...expect.missing].sort())}，实为 ${show(got)}`,
            en: `missing: expected ${show([...expect.missing].sort())}, got ${show(got)}`,
          })
      }
    }
    if (expect.awards !== undefined) {
      const lines = entitlements(pack.awards, c.enterprise, { asOf: c.asOf })
      const got = lines.map((l) => ({ award: l.award, amount: l.amount, status: l.status }))
      actual["awards"] = got
      const key = (l: { award: string; amount: number | null; status?: string | undefined }, withStatus: boolean) =>
        `${l.award}=${l.amount === null ? "null" : String(l.amount)}${withStatus && l.status !== undefined ? `:${l.status}` : ""}`
      // Compare as lists sorted by award; a status is compared only where the case gives it.
      const want = [...expect.awards].sort((a, b) => key(a, false).localeCompare(key(b, false)))
      const have = [...got].sort((a, b) => key(a, false).localeCompare(key(b, false)))
      const same =
        want.length === have.length &&
        want.every((w, i) => {
          const h = have[i]!
          return (
            w.award === h.award &&
            (w.amount === null ? h.amount === null : h.amount !== null && close(w.amount, h.amount)) &&
            (w.status === undefined || w.status === h.status)
          )
        })
      if (!same)
        mismatches.push({
          zh: `奖励应为 ${want.map((w) => key(w, true)).join(", ") || "无"}，实为 ${have.map((h) => key(h, true)).join(", ") || "无"}`,
          en: `awards: expected ${want.map((w) => key(w, true)).join(", ") || "none"}, got ${have.map((h) => key(h, true)).join(", ") || "none"}`,
        })
    }
  } catch (e) {
    mismatches.push({ zh: `运行出错：${String(e)}`, en: `threw: ${String(e)}` })
  }
  if (!needsRule && expect.awards === undefined)
    mismatches.push({
      zh: "用例没有任何期望（verdict、score、groups、missing 或 awards）",
      en: "the case expects nothing (verdict, score, groups, missing or awards)",
    })
  const base = { name: c.name, expected: expect, actual, ...(ruleId !== undefined ? { rule: ruleId } : {}) }
  return mismatches.length === 0
    ? { ...base, ok: true, message: { zh: "通过", en: "passed" } }
    : {
        ...base,
        ok: false,
        message: { zh: mismatches.map((m) => m.zh).join("；"), en: mismatches.map((m) => m.en).join("; ") },
      }
}
