import { mkdir, mkdtemp, cp, symlink } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import { DecodeError } from "@srdi/core"
import { Either } from "effect"
import { formatIssues, loadPackDir, loadResolved } from "../src/index.js"

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))

const problemLines = async (name: string) => {
  const result = await loadResolved(fixture(name))
  if (Either.isRight(result)) throw new Error(`${name} should not load`)
  return formatIssues(result.left, "en")
}

describe("loadPackDir", () => {
  it("loads a pack folder's own layer", async () => {
    const result = await loadPackDir(fixture("valid"))
    if (Either.isLeft(result)) throw new Error(DecodeError.format(result.left, "en"))
    expect(result.right.meta.id).toBe("cq-tongliang-2022")
    expect(result.right.units.map((u) => u.name)).toEqual(["区经济信息委", "区科技局", "区教委"])
    expect(result.right.tests).toHaveLength(2)
  })

  it("decodes without checking references (that is loadResolved's job)", async () => {
    expect(Either.isRight(await loadPackDir(fixture("unknown-unit")))).toBe(true)
  })
})

describe("loadResolved", () => {
  it("names file, line and path of a YAML syntax error", async () => {
    expect(await problemLines("malformed-yaml")).toEqual([
      "pack cq-tongliang-2022: 1 problem(s)",
      "pack/units.yaml:7 (root) — YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ])
  })

  it("names an unknown field and the field it left missing", async () => {
    expect(await problemLines("unknown-field")).toEqual([
      "pack cq-tongliang-2022: 2 problem(s)",
      "pack/tasks.yaml:18 tasks[1].leed — is not a known field",
      "pack/tasks.yaml:13 tasks[1].lead — is missing",
    ])
  })

  it("names an unknown unit", async () => {
    expect(await problemLines("unknown-unit")).toEqual([
      "pack cq-tongliang-2022: 1 problem(s)",
      "pack/tasks.yaml:18 tasks[1].lead[0] — unknown unit tl-xxx (declare it in units)",
    ])
    const result = await loadResolved(fixture("unknown-unit"))
    if (Either.isLeft(result)) expect(result.left.issues[0]?.message.zh).toBe("未知单位 tl-xxx（须在 units 中声明）")
  })

  it("names a threshold without an effective date", async () => {
    expect(await problemLines("threshold-no-from")).toEqual([
      "pack cq-tongliang-2022: 1 problem(s)",
      "pack/rules.yaml:16 rules[0].root.threshold[0].from — is missing",
    ])
  })

  it("says which extended package it cannot find, at the extends line", async () => {
    expect(await problemLines("extends-district")).toEqual([
      "pack cq-tongliang-2022: 1 problem(s)",
      "pack/pack.yaml:14 meta.extends[0] — cannot find package @srdi/pack-fixture-chongqing (add it to the dependencies in package.json)",
    ])
  })

  it("applies the extends chain, checking regions against the base", async () => {
    const result = await loadResolved(fixture("extends-district"), {
      resolvePack: (id) => (id === "fixture-chongqing" ? fixture("extends-base") : undefined),
    })
    if (Either.isLeft(result)) throw new Error(DecodeError.format(result.left, "en"))
    expect(result.right.layers.map((l) => l.meta.id)).toEqual(["fixture-chongqing", "cq-tongliang-2022"])
    expect(result.right.pack.regions.map((r) => r.code)).toEqual(["500000", "500151"])
    expect(result.right.pack.meta.id).toBe("cq-tongliang-2022")
  })

  it("finds @srdi/pack-<id> by Node resolution from the pack folder", async () => {
    const root = await mkdtemp(join(tmpdir(), "pack-kit-"))
    const district = join(root, "district")
    await cp(fixture("extends-district"), district, { recursive: true })
    await mkdir(join(district, "node_modules", "@srdi"), { recursive: true })
    await symlink(fixture("extends-base"), join(district, "node_modules", "@srdi", "pack-fixture-chongqing"), "dir")
    const result = await loadResolved(district)
    if (Either.isLeft(result)) throw new Error(DecodeError.format(result.left, "en"))
    expect(result.right.layers.map((l) => l.meta.id)).toEqual(["fixture-chongqing", "cq-tongliang-2022"])
  })

  it("refuses an extends cycle", async () => {
    const result = await loadResolved(fixture("extends-district"), {
      // The base "extends" the district by resolving every id to the district folder itself.
      resolvePack: () => fixture("extends-district"),
    })
    if (Either.isRight(result)) throw new Error("a cycle should not load")
    expect(formatIssues(result.left, "en")).toEqual([
      "pack cq-tongliang-2022: 1 problem(s)",
      "@srdi/pack-fixture-chongqing/pack/pack.yaml:2 meta.id — extends cycle: cq-tongliang-2022 → cq-tongliang-2022",
    ])
  })
})
