import { mkdirSync, mkdtempSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { Roster, Synthetic } from "@srdi/core"
import { run } from "../src/program.js"
import { writeTable } from "../src/io/table.js"

const here = dirname(fileURLToPath(import.meta.url))
export const PACKS = join(here, "..", "..", "packs")

/** A scratch folder inside the package, so installed packs resolve from it as they do for a user. */
export const scratch = (): string => {
  const root = join(here, "..", ".tmp-test")
  mkdirSync(root, { recursive: true })
  return mkdtempSync(join(root, "run-"))
}

export interface Ran {
  readonly code: number
  readonly out: string
  readonly err: string
}

export const srdi = async (...argv: string[]): Promise<Ran> => {
  let out = ""
  let err = ""
  const code = await run(argv, { stdout: (t) => (out += t + "\n"), stderr: (t) => (err += t + "\n") })
  return { code, out, err }
}

/** A CSV of synthetic (demo-labelled) enterprises in the roster format. */
export const populationFile = async (dir: string, size: number, name = "enterprises.csv"): Promise<string> => {
  const enterprises = Synthetic.population({ seed: 42, size, regions: ["500151", "500240"], lastYear: 2024, years: 3 })
  const rows = Roster.toRows(enterprises, { headers: "zh" })
  const file = join(dir, name)
  await writeTable(file, Object.keys(rows[0]!), rows)
  return file
}
