#!/usr/bin/env node
// Fails when a published package changed since the base without a new changeset naming it.
//   node scripts/check-changesets.mjs [--base <ref>]     (default: $CHANGESET_BASE, else origin/main, else main)
// "Changed" is every file of a public workspace package under packages/ that differs from the merge base with the
// base ref (committed or not), except tests, benchmarks, test config and the CHANGELOG that `changeset version` writes.
// "A new changeset" is a .changeset/*.md added since the merge base (committed or untracked) whose front matter
// lists the package. Exit codes: 0 ok, 1 packages without a changeset, 2 the base ref cannot be found.
import { execFileSync } from "node:child_process"
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs"
import { join } from "node:path"

const root = execFileSync("git", ["rev-parse", "--show-toplevel"], { encoding: "utf8" }).trim()
const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
const lines = (s) => s.split("\n").filter((l) => l !== "")

const argBase = process.argv.indexOf("--base")
const candidates =
  argBase > 0
    ? [process.argv[argBase + 1]]
    : process.env.CHANGESET_BASE
      ? [process.env.CHANGESET_BASE]
      : ["origin/main", "main"]
const baseRef = candidates.find((ref) => {
  try {
    git("rev-parse", "--verify", "--quiet", `${ref}^{commit}`)
    return true
  } catch {
    return false
  }
})
if (baseRef === undefined) {
  console.error(
    `check-changesets: 找不到基准分支 ${candidates.join(" / ")}；请用 --base <ref> 指定（CI 中先 git fetch 基准分支）。\n` +
      `check-changesets: cannot find the base ref ${candidates.join(" / ")}; pass --base <ref> (in CI, fetch the base branch first).`,
  )
  process.exit(2)
}
const mergeBase = git("merge-base", "HEAD", baseRef).trim()

// Public packages: every package.json under packages/ without "private": true.
const packages = []
const scan = (dir) => {
  for (const name of readdirSync(join(root, dir))) {
    const sub = `${dir}/${name}`
    if (name === "node_modules" || name.startsWith(".") || !statSync(join(root, sub)).isDirectory()) continue
    const manifest = join(root, sub, "package.json")
    if (!existsSync(manifest)) scan(sub)
    else if (JSON.parse(readFileSync(manifest, "utf8")).private !== true)
      packages.push({ name: JSON.parse(readFileSync(manifest, "utf8")).name, dir: `${sub}/` })
  }
}
scan("packages")

// Files that do not reach users: tests, benchmarks, test setup and the generated CHANGELOG.
const unpublished = [
  /(^|\/)(test|tests-unit|bench|__tests__)\//,
  /\.(test|spec|bench)\.[cm]?[jt]sx?$/,
  /(^|\/)vitest\.config\.[cm]?[jt]s$/,
  /(^|\/)tsconfig\.test\.json$/,
  /(^|\/)CHANGELOG\.md$/,
]

const changed = new Set([
  ...lines(git("diff", "--name-only", mergeBase)),
  ...lines(git("ls-files", "--others", "--exclude-standard")),
])

const owner = (file) => packages.find((p) => file.startsWith(p.dir))
const touched = new Map()
for (const file of changed) {
  const pkg = owner(file)
  if (pkg === undefined) continue
  const inside = file.slice(pkg.dir.length)
  if (unpublished.some((re) => re.test(inside))) continue
  touched.set(pkg.name, [...(touched.get(pkg.name) ?? []), file])
}

// Packages named by changesets added since the merge base.
const added = new Set([
  ...lines(git("diff", "--name-only", "--diff-filter=A", mergeBase, "--", ".changeset")),
  ...lines(git("ls-files", "--others", "--exclude-standard", "--", ".changeset")),
])
const covered = new Set()
for (const file of added) {
  if (!file.endsWith(".md") || file.endsWith("README.md") || !existsSync(join(root, file))) continue
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(root, file), "utf8"))
  if (front === null) continue
  for (const m of front[1].matchAll(/^\s*["']?(@?[^"':\s]+)["']?\s*:\s*(major|minor|patch)\s*$/gm)) covered.add(m[1])
}

const missing = [...touched.keys()].filter((name) => !covered.has(name)).sort()
console.log(
  `check-changesets: base ${baseRef} (${mergeBase.slice(0, 12)}), ${touched.size} published package(s) changed`,
)
for (const [name, files] of [...touched].sort()) {
  console.log(
    `  ${covered.has(name) ? "ok     " : "MISSING"} ${name} (${files.length} file${files.length === 1 ? "" : "s"})`,
  )
}
if (missing.length > 0) {
  console.error(
    `\n以下已发布的包有改动但没有新的变更集（.changeset/*.md）：${missing.join("、")}。运行 pnpm changeset 说明改动。\n` +
      `These published packages changed without a new changeset (.changeset/*.md): ${missing.join(", ")}. ` +
      `Run \`pnpm changeset\` and describe the change.`,
  )
  for (const name of missing) for (const f of touched.get(name).slice(0, 5)) console.error(`  ${name}: ${f}`)
  process.exit(1)
}
