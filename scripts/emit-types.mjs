#!/usr/bin/env node
// Declarations for a package built by tsup: per-file .d.ts from tsc (ESM) plus .d.cts twins for require().
// Why not tsup's `dts`: its bundler turns a schema value that shares its name with its type
// (`export const Enterprise = Schema.Struct(...)` + `export type Enterprise = ...`) into a type-only export,
// so `Enterprise.Enterprise` disappears for TypeScript users.
import { execFileSync } from "node:child_process"
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"

const outDir = "dist/types"
rmSync(outDir, { recursive: true, force: true })
execFileSync(
  "tsc",
  [
    "-p",
    existsSync("tsconfig.build.json") ? "tsconfig.build.json" : "tsconfig.json",
    "--noEmit",
    "false",
    "--declaration",
    "--emitDeclarationOnly",
    "--declarationMap",
    "false",
    "--outDir",
    outDir,
    "--rootDir",
    "src",
  ],
  { stdio: "inherit" },
)

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })

let count = 0
for (const file of walk(outDir)) {
  if (!file.endsWith(".d.ts")) continue
  const cjs = readFileSync(file, "utf8")
    .replace(/(from\s+["']\.{1,2}\/[^"']*?)\.js(["'])/g, "$1.cjs$2")
    .replace(/(import\(["']\.{1,2}\/[^"']*?)\.js(["']\))/g, "$1.cjs$2")
  writeFileSync(file.replace(/\.d\.ts$/, ".d.cts"), cjs)
  count++
}
console.log(`types: ${count} declaration files (+ .d.cts twins) in ${outDir}`)
