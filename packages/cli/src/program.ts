// The `srdi` command line: argument parsing, help with examples, exit codes. Commands live in ./commands.
import { Command, CommanderError, Option } from "commander"
import { TableReadError } from "./io/table.js"
import { EXIT, pickLang, say, UsageError, type Lang } from "./lang.js"
import { BUNDLED } from "./pack-ref.js"
import { PackLoadError } from "./packs.js"
import { awards, formatAwards } from "./commands/awards.js"
import { packDiff } from "./commands/pack-diff.js"
import { packInspect } from "./commands/pack-inspect.js"
import { packNew } from "./commands/pack-new.js"
import { packTest } from "./commands/pack-test.js"
import { packValidate } from "./commands/pack-validate.js"
import { formatScreen, screen } from "./commands/screen.js"
import { template } from "./commands/template.js"

/** Where output goes; tests pass their own. */
export interface Io {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
  stderr: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
}

const today = (): string => new Date().toISOString().slice(0, 10)

const EXAMPLES = `
Examples / 示例:
  $ srdi template enterprises.xlsx
  $ srdi screen enterprises.xlsx --pack cq-hardtech-2023 --as-of 2025-06-30 --out results.xlsx
  $ srdi screen enterprises.csv --pack cn-miit-tiers --rule srdi-sme-2026 --json
  $ srdi awards enterprises.xlsx --pack cq-tongliang-2022 --from 2023-01-01 --to 2025-12-31
  $ srdi pack new cq-example-2025 --extends cq-srdi-2022 --region 500199
  $ srdi pack validate packages/packs/cq-example-2025
  $ srdi pack diff cq-tongliang-2022 cq-shizhu-2022

Packs: a directory holding pack/pack.yaml, or an installed pack id (${BUNDLED.join(", ")}).
Exit codes: 0 ok · 1 problems found (invalid pack, failing tests, bad rows) · 2 wrong arguments · 3 file unreadable.
`

/** Runs the CLI with arguments (without `node srdi`) and returns the exit code. */
export const run = async (argv: ReadonlyArray<string>, io: Io = processIo): Promise<number> => {
  let code: number = EXIT.ok
  let lang: Lang = "zh"
  const program = new Command()
    .name("srdi")
    .description("专精特新 policy packs: validate, test, inspect and diff packs; screen enterprises; compute awards.")
    .addOption(new Option("--lang <lang>", "output language / 输出语言").choices(["zh", "en"]).default("zh"))
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .addHelpText("after", EXAMPLES)
    .hook("preAction", (cmd) => {
      lang = pickLang(cmd.opts<{ lang?: string }>().lang)
    })

  program
    .command("template")
    .description("write the enterprise input template (.xlsx or .csv) / 生成企业名单模板")
    .argument("<file>", "output file, .xlsx or .csv")
    .addOption(new Option("--headers <lang>", "header language").choices(["zh", "en"]))
    .action(async (file: string, opts: { headers?: "zh" | "en" }) => {
      io.stdout(await template(file, { lang, headers: opts.headers ?? lang }))
    })

  program
    .command("screen")
    .description("screen an enterprise file against a pack's rules / 按策略包规则筛选企业")
    .argument("<file>", "enterprises: .csv, .xlsx or .json (see docs/enterprise-file-format.md)")
    .requiredOption("--pack <pack>", "pack id or directory")
    .option("--rule <id>", "one rule (default: every rule in force on the date)")
    .option("--as-of <date>", "evaluation date YYYY-MM-DD", today())
    .option("--out <file>", "write results to .csv, .xlsx or .json")
    .option("--near-miss-only", "keep only near misses in the results", false)
    .option("--json", "print machine-readable JSON", false)
    .action(
      async (
        file: string,
        opts: { pack: string; rule?: string; asOf: string; out?: string; nearMissOnly: boolean; json: boolean },
      ) => {
        const result = await screen(file, { ...opts, lang })
        if (opts.json) io.stdout(JSON.stringify(result, null, 2))
        else io.stdout(formatScreen(result, lang, opts))
        if (result.rowErrors.length > 0) code = EXIT.problems
      },
    )

  program
    .command("awards")
    .description("entitlements and budget for an enterprise file / 计算奖励与预算")
    .argument("<file>", "enterprises: .csv, .xlsx or .json")
    .requiredOption("--pack <pack>", "pack id or directory")
    .option("--as-of <date>", "evaluation date YYYY-MM-DD", today())
    .option("--from <date>", "first event date counted")
    .option("--to <date>", "last event date counted")
    .option("--out <file>", "write entitlement lines to .csv, .xlsx or .json")
    .option("--json", "print machine-readable JSON", false)
    .action(
      async (
        file: string,
        opts: { pack: string; asOf: string; from?: string; to?: string; out?: string; json: boolean },
      ) => {
        const result = await awards(file, { ...opts, lang })
        if (opts.json) io.stdout(JSON.stringify(result, null, 2))
        else io.stdout(formatAwards(result, lang, opts))
        if (result.rowErrors.length > 0) code = EXIT.problems
      },
    )

  const pack = program.command("pack").description("author policy packs / 编写策略包")

  pack
    .command("new")
    .description("scaffold a pack for a new district / 为新地区创建策略包")
    .argument("<id>", "pack id, e.g. cq-example-2025")
    .requiredOption("--extends <pack>", "the pack it builds on (e.g. cq-srdi-2022)")
    .option("--region <code>", "6-digit region code of the district")
    .option("--region-name <name>", "the district's name, if the base pack does not declare it")
    .option("--title <title>", "the plan's title as printed")
    .option("--dir <dir>", "where to create it (default: ./<id>)")
    .action(
      async (
        id: string,
        opts: { extends: string; region?: string; regionName?: string; title?: string; dir?: string },
      ) => {
        io.stdout(await packNew(id, { ...opts, lang }))
      },
    )

  pack
    .command("validate")
    .description("check a pack: file:line errors / 校验策略包")
    .argument("[pack]", "pack id or directory", ".")
    .option("--json", "print machine-readable JSON", false)
    .action(async (ref: string, opts: { json: boolean }) => {
      const result = await packValidate(ref, lang)
      io.stdout(opts.json ? JSON.stringify(result, null, 2) : result.text)
      if (!result.ok) code = EXIT.problems
    })

  pack
    .command("test")
    .description("run a pack's YAML test cases / 运行策略包测试用例")
    .argument("[pack]", "pack id or directory", ".")
    .option("--json", "print machine-readable JSON", false)
    .action(async (ref: string, opts: { json: boolean }) => {
      const result = await packTest(ref, lang)
      io.stdout(opts.json ? JSON.stringify(result, null, 2) : result.text)
      if (!result.ok) code = EXIT.problems
    })

  pack
    .command("inspect")
    .description("metadata, targets, responsibility matrix / 查看策略包")
    .argument("[pack]", "pack id or directory", ".")
    .option("--json", "print machine-readable JSON", false)
    .action(async (ref: string, opts: { json: boolean }) => {
      const result = await packInspect(ref, lang)
      io.stdout(opts.json ? JSON.stringify(result.data, null, 2) : result.text)
    })

  pack
    .command("diff")
    .description("clauses, thresholds, amounts and targets that differ / 比较两个策略包")
    .argument("<a>", "pack id or directory")
    .argument("<b>", "pack id or directory")
    .option("--json", "print machine-readable JSON", false)
    .action(async (a: string, b: string, opts: { json: boolean }) => {
      const result = await packDiff(a, b, lang)
      io.stdout(opts.json ? JSON.stringify(result.diff, null, 2) : result.text)
    })

  try {
    await program.parseAsync([...argv], { from: "user" })
    return code
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage
    if (e instanceof UsageError) {
      io.stderr(e.message)
      return EXIT.usage
    }
    if (e instanceof PackLoadError) {
      io.stderr(say(lang, `无法加载策略包 ${e.ref}：`, `cannot load pack ${e.ref}:`))
      for (const line of e.lines) io.stderr(`  ${line}`)
      return EXIT.problems
    }
    if (e instanceof TableReadError) {
      io.stderr(e.message)
      return EXIT.io
    }
    throw e
  }
}
