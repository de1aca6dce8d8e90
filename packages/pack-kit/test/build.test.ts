import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import { DecodeError, Pack } from "@srdi/core"
import { Either } from "effect"
import { buildPack, loadPackDir, run, testPack } from "../src/index.js"

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))

const copy = async (name: string) => {
  const dir = join(await mkdtemp(join(tmpdir(), "pack-kit-")), name)
  await cp(fixture(name), dir, { recursive: true })
  return dir
}

const cli = async (args: ReadonlyArray<string>) => {
  const out: Array<string> = []
  const err: Array<string> = []
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: fixture(".") })
  return { code, out, err }
}

describe("buildPack", () => {
  it("writes the own layer, the resolved pack and ESM/CJS modules with the hash", async () => {
    const dir = await copy("valid")
    const built = await buildPack(dir)
    if (Either.isLeft(built)) throw new Error(DecodeError.format(built.left, "en"))
    expect(built.right.files).toEqual([
      "dist/pack.json",
      "dist/resolved.json",
      "dist/index.js",
      "dist/index.cjs",
      "dist/index.d.ts",
      "dist/index.d.cts",
    ])
    const own = await loadPackDir(dir)
    if (Either.isLeft(own)) throw new Error("fixture should load")
    expect(built.right.hash).toBe(Pack.hash(own.right))
    expect(JSON.parse(await readFile(join(dir, "dist/pack.json"), "utf8"))).toEqual(Pack.encode(own.right))
    const esm = await import(pathToFileURL(join(dir, "dist/index.js")).href)
    expect(esm.hash).toBe(built.right.hash)
    expect(esm.default).toBe(esm.pack)
    expect(esm.resolved.tasks[1].cooperating).toEqual(["tl-jxw", "tl-jw"])
    const cjs = createRequire(import.meta.url)(join(dir, "dist/index.cjs"))
    expect(cjs.pack.meta.title).toBe("重庆市铜梁区推进“专精特新”企业高质量发展专项行动计划（2022—2025年）")
    expect(await readFile(join(dir, "dist/index.d.ts"), "utf8")).toContain('import type { Pack } from "@srdi/core"')
  })

  it("writes nothing for a pack with problems", async () => {
    const dir = await copy("unknown-unit")
    expect(Either.isLeft(await buildPack(dir))).toBe(true)
    await expect(readFile(join(dir, "dist/pack.json"))).rejects.toThrow(/ENOENT/)
  })
})

describe("testPack", () => {
  it("runs the cases and places each at its file and line", async () => {
    const results = await testPack(fixture("valid"))
    if (Either.isLeft(results)) throw new Error(DecodeError.format(results.left, "en"))
    expect(results.right.map((r) => [r.name, r.ok, r.file, r.line])).toEqual([
      ["R&D intensity 4% fails 二（一）4", true, "tests/rd-intensity-fail.yaml", 2],
      ["R&D intensity 6% passes 二（一）4", true, "tests/rd-intensity-pass.yaml", 2],
    ])
  })
})

describe("srdi-pack", () => {
  it("validates, tests and exits 0 on a good pack", async () => {
    expect(await cli(["validate", "valid"])).toEqual({
      code: 0,
      out: ["cq-tongliang-2022@0.1.0: no problems (layers: cq-tongliang-2022)"],
      err: [],
    })
    const tested = await cli(["test", "valid", "--lang", "zh"])
    expect(tested.code).toBe(0)
    expect(tested.out.at(-1)).toBe("2 个用例，2 个通过，0 个失败")
  })

  it("prints file:line path — reason and exits 1 on problems", async () => {
    expect(await cli(["build", "threshold-no-from"])).toEqual({
      code: 1,
      out: [],
      err: ["pack cq-tongliang-2022: 1 problem(s)", "pack/rules.yaml:16 rules[0].root.threshold[0].from — is missing"],
    })
  })

  it("exits 1 when a case fails, naming where it is written", async () => {
    const dir = await copy("valid")
    const file = join(dir, "tests/rd-intensity-pass.yaml")
    await writeFile(file, (await readFile(file, "utf8")).replace("rdExpense: 300", "rdExpense: 240"))
    const tested = await cli(["test", dir])
    expect(tested.code).toBe(1)
    expect(tested.err[1]).toMatch(
      /^✗ R&D intensity 6% passes 二（一）4 \(tests\/rd-intensity-pass\.yaml:2\) — verdict: expected eligible, got ineligible/,
    )
  })

  it("explains its usage", async () => {
    expect(await cli(["publish"])).toMatchObject({
      code: 2,
      err: ["usage: srdi-pack <build|validate|test> [dir] [--lang zh|en]"],
    })
  })
})
