// Finding a pack from what the user typed: a directory holding pack/pack.yaml, or the id of an installed
// @srdi/pack-<id> package (resolved from the current directory first, then from the CLI's own install).
import { existsSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join, resolve } from "node:path"
import { UsageError } from "./lang.js"

const isPackDir = (dir: string): boolean => existsSync(join(dir, "pack", "pack.yaml"))

export const packDirOf = (ref: string): string => {
  const asPath = resolve(ref)
  if (isPackDir(asPath)) return asPath
  const id = ref.replace(/^@srdi\/pack-/, "")
  const name = `@srdi/pack-${id}`
  for (const from of [join(process.cwd(), "package.json"), import.meta.url]) {
    try {
      const dir = dirname(createRequire(from).resolve(`${name}/package.json`))
      if (isPackDir(dir)) return dir
    } catch {
      // not resolvable from here; try the next place
    }
  }
  throw new UsageError(
    `no pack "${ref}": not a directory with pack/pack.yaml and no installed package ${name} / 找不到策略包“${ref}”`,
  )
}

/** The ids of the packs bundled with the CLI, for --help and error messages. */
export const BUNDLED = [
  "cn-miit-tiers",
  "cq-srdi-2022",
  "cq-tongliang-2022",
  "cq-shizhu-2022",
  "cq-srdi-2020",
  "cq-hardtech-2023",
  "cq-techsme-2022",
] as const
