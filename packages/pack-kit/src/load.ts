/**
 * Reading packs from disk: the YAML files of one pack folder, and the chain of packs it extends.
 */
import { readdir, readFile } from "node:fs/promises"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { DecodeError, Pack, PackSource } from "@srdi/core"
import { Either } from "effect"

const isYaml = (name: string): boolean => name.endsWith(".yaml") || name.endsWith(".yml")

const listYaml = async (dir: string, sub: string): Promise<ReadonlyArray<string>> => {
  try {
    const names = await readdir(join(dir, sub))
    return names
      .filter(isYaml)
      .sort()
      .map((n) => `${sub}/${n}`)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return []
    throw e
  }
}

/**
 * The YAML files of a pack folder (`pack/*.yaml` and `tests/*.yaml`), with paths relative to the folder.
 */
export const readPackFiles = async (dir: string): Promise<ReadonlyArray<PackSource.File>> => {
  const paths = [...(await listYaml(dir, "pack")), ...(await listYaml(dir, "tests"))]
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(dir, path), "utf8") })))
}

/**
 * Decodes a pack folder with its positions kept, so later problems can be reported at file:line.
 */
export const readPackSource = async (dir: string): Promise<Either.Either<PackSource.Source, DecodeError.DecodeError>> =>
  PackSource.read(await readPackFiles(dir))

/**
 * Loads one pack folder — `pack/pack.yaml`, the list files of `pack/` and `tests/*.yaml` — as its own layer
 * (the packs it extends are not applied and references into them are not checked; see `loadResolved`).
 * A decode error names every file, line and path.
 *
 * @example
 * const result = await loadPackDir(fileURLToPath(new URL("..", import.meta.url)))
 * if (Either.isLeft(result)) throw new Error(DecodeError.format(result.left, "en"))
 */
export const loadPackDir = async (dir: string): Promise<Either.Either<Pack.Pack, DecodeError.DecodeError>> =>
  PackSource.parse(await readPackFiles(dir))

/**
 * Finds the folder of the pack with an id, as seen from a pack folder. The default resolves `@srdi/pack-<id>` with
 * Node's resolution from `<dir>/package.json`, so a pack must list the packs it extends as dependencies.
 */
export type PackResolver = (id: string, fromDir: string) => string | undefined

/**
 * Node resolution of `@srdi/pack-<id>/package.json` from a pack folder.
 */
export const resolvePackDir: PackResolver = (id, fromDir) => {
  try {
    return dirname(createRequire(join(fromDir, "package.json")).resolve(`@srdi/pack-${id}/package.json`))
  } catch {
    return undefined
  }
}

/**
 * A pack with its extension chain applied: `pack` is the resolved pack, `layers` every pack of the chain, base first,
 * ending with the folder's own layer; `source` keeps the own layer's positions for file:line messages.
 */
export interface Loaded {
  readonly pack: Pack.Pack
  readonly layers: ReadonlyArray<Pack.Pack>
  readonly source: PackSource.Source
  readonly dir: string
}

/**
 * Options of {@link loadResolved}.
 */
export interface LoadOptions {
  /** How to find an extended pack's folder; defaults to {@link resolvePackDir}. */
  readonly resolvePack?: PackResolver
}

const MAX_DEPTH = 16

/**
 * Loads a pack folder and the packs it extends (`meta.extends`, found by `@srdi/pack-<id>` from the folder, each
 * loaded the same way, cycles refused), validates each layer against the layers beneath it, and resolves the chain.
 * Every decode or validation problem comes back in one error at its file and line; a base pack's files are named
 * `@srdi/pack-<id>/pack/...`.
 *
 * @example
 * const loaded = await loadResolved("packages/packs/cq-tongliang-2022")
 * if (Either.isRight(loaded)) loaded.right.layers.map((l) => l.meta.id) // ["cq-srdi-2022", "cq-tongliang-2022"]
 */
export const loadResolved = async (
  dir: string,
  options: LoadOptions = {},
): Promise<Either.Either<Loaded, DecodeError.DecodeError>> => loadChain(dir, options.resolvePack ?? resolvePackDir, [])

const loadChain = async (
  dir: string,
  resolvePack: PackResolver,
  chain: ReadonlyArray<string>,
): Promise<Either.Either<Loaded, DecodeError.DecodeError>> => {
  const source = await readPackSource(dir)
  if (Either.isLeft(source)) return Either.left(source.left)
  const own = source.right.pack
  const subject = `pack ${own.meta.id}`
  const at = (index: number, zh: string, en: string): DecodeError.Issue => ({
    path: ["meta", "extends", index],
    at: `meta.extends[${index}]`,
    message: { zh, en },
    ...source.right.locate(["meta", "extends", index]),
  })

  if (chain.includes(own.meta.id)) {
    const cycle = [...chain.slice(chain.indexOf(own.meta.id)), own.meta.id].join(" → ")
    return Either.left(
      new DecodeError.DecodeError({
        subject,
        issues: [
          {
            path: ["meta", "id"],
            at: "meta.id",
            message: { zh: `继承循环：${cycle}`, en: `extends cycle: ${cycle}` },
            ...source.right.locate(["meta", "id"]),
          },
        ],
      }),
    )
  }
  const issues: Array<DecodeError.Issue> = []
  const base: Array<Pack.Pack> = []
  for (const [index, id] of own.meta.extends.entries()) {
    if (id === own.meta.id) {
      issues.push(
        at(
          index,
          `继承循环：${[...chain, own.meta.id, id].join(" → ")}`,
          `extends cycle: ${[...chain, own.meta.id, id].join(" → ")}`,
        ),
      )
      continue
    }
    if (chain.length >= MAX_DEPTH) {
      issues.push(at(index, "继承层级过深", "extends chain too deep"))
      continue
    }
    const baseDir = resolvePack(id, dir)
    if (baseDir === undefined) {
      issues.push(
        at(
          index,
          `找不到包 @srdi/pack-${id}（请将其加入 package.json 的 dependencies）`,
          `cannot find package @srdi/pack-${id} (add it to the dependencies in package.json)`,
        ),
      )
      continue
    }
    const loaded = await loadChain(baseDir, resolvePack, [...chain, own.meta.id])
    if (Either.isLeft(loaded)) {
      // Name the base pack's files by package so the reader knows which folder to open.
      issues.push(
        ...loaded.left.issues.map((i) =>
          i.file === undefined || i.file.startsWith("@srdi/") ? i : { ...i, file: `@srdi/pack-${id}/${i.file}` },
        ),
      )
      continue
    }
    if (loaded.right.pack.meta.id !== id)
      issues.push(
        at(
          index,
          `@srdi/pack-${id} 的 id 为 ${loaded.right.pack.meta.id}`,
          `@srdi/pack-${id} has id ${loaded.right.pack.meta.id}`,
        ),
      )
    for (const layer of loaded.right.layers) if (!base.some((b) => b.meta.id === layer.meta.id)) base.push(layer)
  }
  if (issues.length > 0) return Either.left(new DecodeError.DecodeError({ subject, issues }))

  const problems = PackSource.problems(source.right, { base })
  if (problems.length > 0) return Either.left(new DecodeError.DecodeError({ subject, issues: problems }))
  const layers = [...base, own]
  return Either.right({ pack: Pack.resolve(layers), layers, source: source.right, dir })
}
