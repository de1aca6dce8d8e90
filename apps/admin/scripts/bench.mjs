// `pnpm bench`: the admin's initial JavaScript — the entry script and the chunks index.html preloads — gzipped,
// written to bench-results/admin.json at the repo root (goal: initialJsGzipKb ≤ 200).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { cpus, totalmem } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"

const here = dirname(fileURLToPath(import.meta.url))
const dist = resolve(here, "../dist")
const html = readFileSync(join(dist, "index.html"), "utf8")
const refs = [
  ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
].map((m) => m[1])
if (refs.length === 0) throw new Error("no entry script in dist/index.html / dist/index.html 中没有入口脚本")
const files = [...new Set(refs)].map((ref) => {
  const bytes = readFileSync(join(dist, ref.replace(/^\//, "")))
  return { file: ref, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length }
})
const kb = (n) => Math.round((n / 1024) * 10) / 10
const result = {
  initialJsGzipKb: kb(files.reduce((s, f) => s + f.gzipBytes, 0)),
  goalKb: 200,
  files: files.map((f) => ({ ...f, kb: kb(f.bytes), gzipKb: kb(f.gzipBytes) })),
  machine: {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? "",
    memoryGb: Math.round(totalmem() / 2 ** 30),
  },
  at: new Date().toISOString(),
}
const out = resolve(here, "../../../bench-results/admin.json")
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, JSON.stringify(result, null, 2) + "\n")
console.log(`admin initial JS: ${result.initialJsGzipKb} kB gzipped (goal ≤ 200) → ${out}`)
if (result.initialJsGzipKb > 200) process.exitCode = 1
