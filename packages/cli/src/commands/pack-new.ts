// srdi pack new <id> --extends <pack>: scaffolds a pack for a new district on top of a base pack, ready to
// validate. Nothing of the plan's content is invented: lists start empty with a commented example.
import { existsSync } from "node:fs"
import { mkdir, rename, rm, writeFile } from "node:fs/promises"
import { join, resolve } from "node:path"
import { Pack, Region } from "@srdi/core"
import { Schema } from "effect"
import { say, UsageError, type Lang } from "../lang.js"
import { loadPack } from "../packs.js"

export interface PackNewOptions {
  readonly extends: string
  readonly region?: string
  readonly regionName?: string
  readonly title?: string
  readonly dir?: string
  readonly lang: Lang
}

const schemaLine = (name: string) =>
  `# yaml-language-server: $schema=../node_modules/@srdi/core/schema/${name}.schema.json\n`

const LIST_FILES: Record<string, string> = {
  units: `# 本地区的牵头单位、配合单位。Units of this district named by the plan's 牵头单位/配合单位 lines.
# - id: xx-jxw
#   name: 区经济信息委
#   fullName: 重庆市某某区经济和信息化委员会
#   region: "500199"
[]
`,
  targets: `# 发展目标。Targets: one per number the plan sets; rollsUpTo names the city target it counts toward.
# - id: xx-2025-srdi-sme
#   metric: enterprises.srdi_sme
#   label: { zh: 市级专精特新中小企业, en: municipal SRDI SMEs }
#   basis: level
#   comparator: ">="
#   value: 100
#   unit: 家
#   aspirational: true
#   region: "500199"
#   deadline: "2025-12-31"
#   rollsUpTo: cq-2025-srdi-sme
#   cite: { source: <file>, clause: 一, text: <原文> }
[]
`,
  tasks: `# 重点任务与保障措施，逐条编码。Tasks and safeguard measures, one per numbered clause, with 牵头/配合 units.
[]
`,
  awards: `# 奖励。Awards; where the plan names no amount use amount: { kind: unspecified, note: {...} } — never invent one.
[]
`,
  gaps: `# 原文缺失、错乱或未指定之处。Where the source is garbled, missing or silent: record it here, never fill it in.
[]
`,
}

export const packNew = async (id: string, options: PackNewOptions): Promise<string> => {
  const { lang } = options
  if (!Schema.is(Pack.PackId)(id))
    throw new UsageError(
      say(
        lang,
        `策略包编号应为小写短横线格式，如 cq-example-2025：“${id}”`,
        `a pack id is a lower-case slug such as cq-example-2025: "${id}"`,
      ),
    )
  const base = await loadPack(options.extends, lang)
  const region = options.region ?? base.pack.meta.region
  if (!Schema.is(Region.RegionCode)(region))
    throw new UsageError(
      say(lang, `--region 应为6位行政区划代码：“${region}”`, `--region must be a 6-digit region code: "${region}"`),
    )
  const known = base.pack.regions.find((r) => r.code === region)
  const regionName = options.regionName ?? known?.name
  if (regionName === undefined)
    throw new UsageError(
      say(
        lang,
        `基础包中没有地区 ${region}，请用 --region-name 给出地区名称`,
        `region ${region} is not in the base pack: give its name with --region-name`,
      ),
    )
  const dir = resolve(options.dir ?? id)
  if (existsSync(dir)) throw new UsageError(say(lang, `目录已存在：${dir}`, `the directory already exists: ${dir}`))

  const baseMeta = base.pack.meta
  const meta = {
    id,
    version: "0.1.0",
    title: options.title ?? `${regionName}（待填写：文件标题原文）`,
    titleEn: `${id} (fill in: the plan's title in English)`,
    issuer: `（待填写：发文单位）`,
    period: baseMeta.period,
    region,
    status: "draft" as const,
    source: {
      file: "（待填写：源文件名）",
      note: "Scaffolded by srdi pack new; replace every （待填写） before publishing.",
    },
    extends: [baseMeta.id],
  }
  const files: Record<string, string> = {
    "pack/pack.yaml": schemaLine("pack") + toYaml(meta),
    "pack/regions.yaml":
      schemaLine("regions") +
      (known !== undefined
        ? "[]\n"
        : `- code: "${region}"\n  name: ${regionName}\n  level: district\n  parent: "${baseMeta.region}"\n`),
    ...Object.fromEntries(
      Object.entries(LIST_FILES).map(([name, body]) => [`pack/${name}.yaml`, schemaLine(name) + body]),
    ),
    "tests/awards.yaml": `# yaml-language-server: $schema=../node_modules/@srdi/core/schema/tests.schema.json\n# Test cases: an enterprise, a date and the expected verdict or award lines. See docs/pack-format.md.\n[]\n`,
    "package.json":
      JSON.stringify(
        {
          name: `@srdi/pack-${id}`,
          version: "0.1.0",
          description: `${regionName} SRDI policy pack (extends ${baseMeta.id})`,
          license: "MIT",
          type: "module",
          sideEffects: false,
          main: "./dist/index.cjs",
          module: "./dist/index.js",
          types: "./dist/index.d.ts",
          exports: {
            ".": {
              import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
              require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
            },
            "./pack.json": "./dist/pack.json",
            "./package.json": "./package.json",
          },
          files: ["dist", "pack", "tests", "README.md", "CHANGELOG.md"],
          scripts: { build: "srdi-pack build", test: "srdi-pack test" },
          dependencies: { "@srdi/core": "^0.1.0", [`@srdi/pack-${baseMeta.id}`]: `^${baseMeta.version}` },
          devDependencies: { "@srdi/pack-kit": "^0.1.0" },
        },
        null,
        2,
      ) + "\n",
    "README.md": `# @srdi/pack-${id}\n\n${regionName} policy pack, extending \`${baseMeta.id}\` (${baseMeta.title}).\n\nStatus: scaffold — encode the plan clause by clause (see docs/pack-authoring.md), then run\n\`srdi pack validate\` and \`srdi pack test\`.\n\n## Provenance\n\n| field | value |\n|---|---|\n| document | （待填写） |\n| issuer | （待填写） |\n| 文号 | （待填写） |\n\n## Clauses\n\n| clause | kind | id | units |\n|---|---|---|---|\n\n## Gaps\n\nNone recorded yet.\n`,
  }
  // Write into a temporary folder and move it into place, so a failure leaves nothing half-made.
  const tmp = `${dir}.tmp-${process.pid}`
  try {
    for (const [path, body] of Object.entries(files)) {
      await mkdir(join(tmp, path, ".."), { recursive: true })
      await writeFile(join(tmp, path), body)
    }
    await rename(tmp, dir)
  } catch (e) {
    await rm(tmp, { recursive: true, force: true })
    throw e
  }
  return say(
    lang,
    `已创建策略包 ${id}（继承 ${baseMeta.id}）：${dir}\n下一步：安装依赖（pnpm install），逐条编码原文，然后运行 srdi pack validate ${dir}`,
    `Created pack ${id} (extends ${baseMeta.id}) in ${dir}\nNext: install dependencies (pnpm install), encode the plan clause by clause, then run srdi pack validate ${dir}`,
  )
}

// pack.yaml is small and flat; writing it by hand keeps the Chinese readable and the key order stable.
const toYaml = (meta: Record<string, unknown>): string => {
  const scalar = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : String(v))
  const lines: string[] = []
  for (const [k, v] of Object.entries(meta)) {
    if (Array.isArray(v)) lines.push(`${k}: [${v.map(scalar).join(", ")}]`)
    else if (typeof v === "object" && v !== null) {
      lines.push(`${k}:`)
      for (const [k2, v2] of Object.entries(v)) lines.push(`  ${k2}: ${scalar(v2)}`)
    } else lines.push(`${k}: ${scalar(v)}`)
  }
  return lines.join("\n") + "\n"
}
