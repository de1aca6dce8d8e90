// Every ```ts block in docs/**/*.md is written to .snippets/, type-checked with the repo's strict settings
// against the built packages, then run. A block fenced as ```ts nocheck is skipped (for fragments such as
// type signatures); say why next to it. Fails with the file and line of the block that broke.
import { execFileSync } from "node:child_process"
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const docs = join(dirname(fileURLToPath(import.meta.url)), "..")
const out = join(docs, ".snippets")

const markdownFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (name === "node_modules" || name.startsWith(".")) return []
    if (statSync(path).isDirectory()) return markdownFiles(path)
    return name.endsWith(".md") ? [path] : []
  })

interface Snippet {
  readonly file: string
  readonly line: number
  readonly code: string
  readonly name: string
}

const snippets: Snippet[] = []
for (const file of markdownFiles(docs)) {
  const lines = readFileSync(file, "utf8").split("\n")
  let start = -1
  let body: string[] = []
  lines.forEach((text, i) => {
    if (start < 0 && /^```(ts|typescript)\s*$/.test(text)) {
      start = i + 1
      body = []
    } else if (start >= 0 && text.startsWith("```")) {
      const rel = relative(docs, file).replace(/[/\\.]/g, "_")
      snippets.push({ file: relative(docs, file), line: start, code: body.join("\n"), name: `${rel}_L${start}.ts` })
      start = -1
    } else if (start >= 0) body.push(text)
  })
}

rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
for (const s of snippets) writeFileSync(join(out, s.name), `// ${s.file}:${s.line}\n${s.code}\nexport {}\n`)
writeFileSync(
  join(out, "tsconfig.json"),
  JSON.stringify(
    { extends: "../../tsconfig.base.json", compilerOptions: { types: ["node"] }, include: ["*.ts"] },
    null,
    2,
  ),
)

console.log(`docs: ${snippets.length} TypeScript snippets`)
let failed = 0
try {
  execFileSync("tsc", ["--noEmit", "-p", join(out, "tsconfig.json")], { stdio: "pipe", cwd: docs })
} catch (e) {
  const output = String((e as { stdout?: Buffer }).stdout ?? "")
  for (const s of snippets)
    if (output.includes(s.name)) console.error(`type error in the snippet at docs/${s.file}:${s.line}`)
  console.error(output)
  failed++
}
for (const s of snippets) {
  try {
    execFileSync("tsx", [join(out, s.name)], { stdio: "pipe", cwd: docs, timeout: 60_000 })
    console.log(`  ok  docs/${s.file}:${s.line}`)
  } catch (e) {
    failed++
    const err = e as { stderr?: Buffer; stdout?: Buffer }
    console.error(`  FAIL docs/${s.file}:${s.line}\n${String(err.stderr ?? "")}${String(err.stdout ?? "")}`)
  }
}
console.log(`${snippets.length - Math.min(failed, snippets.length)} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
