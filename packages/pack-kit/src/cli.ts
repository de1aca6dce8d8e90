/**
 * The `srdi-pack` command: `srdi-pack build|validate|test [dir] [--lang zh|en]`.
 */
import { resolve } from "node:path"
import type { Locale } from "@srdi/core"
import { Either } from "effect"
import { buildPack } from "./build.js"
import { loadResolved } from "./load.js"
import { formatIssues, formatResults } from "./report.js"
import { testPack } from "./test-pack.js"

const USAGE = "usage: srdi-pack <build|validate|test> [dir] [--lang zh|en]"

/**
 * Runs the command with its arguments (without `node` and the script), writing to the given streams.
 * Returns the exit code: 0 when all is well, 1 on problems or failing cases, 2 on a usage error.
 */
export const run = async (
  args: ReadonlyArray<string>,
  io: { readonly out: (line: string) => void; readonly err: (line: string) => void; readonly cwd: string },
): Promise<number> => {
  let lang: Locale.Lang = process.env["SRDI_LANG"] === "zh" ? "zh" : "en"
  const positional: Array<string> = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === "--lang") {
      const value = args[++i]
      if (value !== "zh" && value !== "en") {
        io.err(USAGE)
        return 2
      }
      lang = value
    } else if (arg === "--help" || arg === "-h") {
      io.out(USAGE)
      return 0
    } else positional.push(arg)
  }
  const [command, dirArg, ...rest] = positional
  if (command === undefined || rest.length > 0 || !["build", "validate", "test"].includes(command)) {
    io.err(USAGE)
    return 2
  }
  const dir = resolve(io.cwd, dirArg ?? ".")
  const fail = (lines: ReadonlyArray<string>) => {
    for (const line of lines) io.err(line)
    return 1
  }
  switch (command) {
    case "validate": {
      const loaded = await loadResolved(dir)
      if (Either.isLeft(loaded)) return fail(formatIssues(loaded.left, lang))
      const { pack, layers } = loaded.right
      io.out(
        lang === "zh"
          ? `${pack.meta.id}@${pack.meta.version}：无问题（层：${layers.map((l) => l.meta.id).join(" → ")}）`
          : `${pack.meta.id}@${pack.meta.version}: no problems (layers: ${layers.map((l) => l.meta.id).join(" → ")})`,
      )
      return 0
    }
    case "build": {
      const built = await buildPack(dir)
      if (Either.isLeft(built)) return fail(formatIssues(built.left, lang))
      io.out(`${built.right.id}: ${built.right.files.join(", ")} (${built.right.hash})`)
      return 0
    }
    default: {
      const results = await testPack(dir)
      if (Either.isLeft(results)) return fail(formatIssues(results.left, lang))
      const lines = formatResults(results.right, lang)
      const ok = results.right.every((r) => r.ok)
      for (const line of lines) (ok ? io.out : io.err)(line)
      return ok ? 0 : 1
    }
  }
}
