// srdi pack inspect <pack>: metadata, counts, targets, the responsibility matrix and recorded gaps.
import { Task } from "@srdi/core"
import { say, type Lang } from "../lang.js"
import { loadPack } from "../packs.js"
import { displayWidth, padEnd } from "../text-width.js"

export const packInspect = async (ref: string, lang: Lang) => {
  const { pack, layers, hash } = await loadPack(ref, lang)
  const m = pack.meta
  const matrix = Task.matrix(pack.tasks, pack.units)
  const data = {
    meta: m,
    hash,
    layers: layers.map((l) => `${l.meta.id}@${l.meta.version}`),
    counts: {
      regions: pack.regions.length,
      units: pack.units.length,
      targets: pack.targets.length,
      tasks: pack.tasks.filter((t) => t.kind === "task").length,
      safeguards: pack.tasks.filter((t) => t.kind === "safeguard").length,
      rules: pack.rules.length,
      awards: pack.awards.length,
      pools: pack.pools.length,
      gaps: pack.gaps.length,
      tests: pack.tests.length,
    },
    targets: pack.targets,
    matrix,
    gaps: pack.gaps,
  }
  const lines: string[] = []
  lines.push(`${m.title}`)
  lines.push(`  ${m.titleEn}`)
  lines.push(
    say(
      lang,
      `  ${m.id}@${m.version} · ${m.status === "draft" ? "征求意见稿" : "正式文件"} · ${m.issuer}${m.docNumber !== undefined ? ` · ${m.docNumber}` : ""}${m.issuedOn !== undefined ? ` · ${m.issuedOn}` : ""}`,
      `  ${m.id}@${m.version} · ${m.status} · ${m.issuer}${m.docNumber !== undefined ? ` · ${m.docNumber}` : ""}${m.issuedOn !== undefined ? ` · ${m.issuedOn}` : ""}`,
    ),
  )
  lines.push(
    say(
      lang,
      `  期限 ${m.period.from} 至 ${m.period.to} · 地区 ${m.region} · 来源 ${m.source.file}`,
      `  period ${m.period.from} to ${m.period.to} · region ${m.region} · source ${m.source.file}`,
    ),
  )
  if (layers.length > 1)
    lines.push(say(lang, `  继承：${data.layers.join(" → ")}`, `  layers: ${data.layers.join(" → ")}`))
  lines.push(`  ${hash}`)
  const c = data.counts
  lines.push(
    say(
      lang,
      `  目标 ${c.targets} · 任务 ${c.tasks} · 保障措施 ${c.safeguards} · 规则 ${c.rules} · 奖励 ${c.awards} · 库 ${c.pools} · 单位 ${c.units} · 缺口 ${c.gaps} · 测试 ${c.tests}`,
      `  targets ${c.targets} · tasks ${c.tasks} · safeguards ${c.safeguards} · rules ${c.rules} · awards ${c.awards} · pools ${c.pools} · units ${c.units} · gaps ${c.gaps} · tests ${c.tests}`,
    ),
  )
  if (pack.targets.length > 0) {
    lines.push("", say(lang, "目标", "Targets"))
    for (const t of pack.targets) {
      const kind = t.aspirational ? say(lang, "力争", "aspirational") : say(lang, "约束", "binding")
      lines.push(
        `  ${t.id.padEnd(28)} ${t.label[lang]} ${t.comparator} ${t.value}${t.unit} (${t.basis}, ${kind}, ${t.region}, ${t.deadline}) §${t.cite.clause}`,
      )
    }
  }
  if (matrix.columns.length > 0) {
    lines.push("", say(lang, "责任矩阵（● 牵头 ○ 配合）", "Responsibility matrix (● lead ○ cooperating)"))
    const headers = matrix.columns.map((t) => (t.kind === "task" ? t.number : `S${t.number}`))
    const nameWidth = Math.max(...matrix.rows.map((r) => displayWidth(r.unit.name)), 8)
    lines.push(`  ${padEnd("", nameWidth)} ${headers.join(" ")}`)
    for (const row of matrix.rows) {
      const cells = row.cells.map((role, i) =>
        padEnd(role === "lead" ? "●" : role === "cooperating" ? "○" : "·", displayWidth(headers[i]!)),
      )
      lines.push(`  ${padEnd(row.unit.name, nameWidth)} ${cells.join(" ")}`)
    }
    if (matrix.unassigned.length > 0)
      lines.push(
        say(
          lang,
          `  原文未指定单位的条款：${matrix.unassigned.map((t) => t.id).join("、")}`,
          `  clauses the source assigns no units: ${matrix.unassigned.map((t) => t.id).join(", ")}`,
        ),
      )
  }
  if (pack.gaps.length > 0) {
    lines.push("", say(lang, "记录的缺口", "Recorded gaps"))
    for (const g of pack.gaps) lines.push(`  [${g.kind}] ${g.clause ?? ""} ${g.description[lang]}`)
  }
  return { data, text: lines.join("\n") }
}

export type Inspection = Awaited<ReturnType<typeof packInspect>>
