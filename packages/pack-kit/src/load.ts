/**
 * Reading packs from disk: the YAML files of one pack folder, and the chain of packs it extends.
 */
import { readdir, readFile } from "node:fs/promises"
import { join } from "node:path"
import { type DecodeError, type Pack, PackSource } from "@srdi/core"
import type { Either } from "effect"

const isYaml = (name: string): boolean => name.endsWith(".yaml") || name.endsWith(".yml")

const listYaml = async (dir: string, sub: string): Promise<ReadonlyArray<string>> => {
  try {
    const names = await readdir(join(dir, sub))
    return names.filter(isYaml).sort().map((n) => `${sub}/${n}`)
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
 * (the packs it extends are not applied; see `loadResolved`). A decode error names every file, line and path.
 *
 * @example
 * const result = await loadPackDir(new URL("..", import.meta.url).pathname)
 * if (Either.isLeft(result)) throw new Error(DecodeError.format(result.left, "en"))
 */
export const loadPackDir = async (dir: string): Promise<Either.Either<Pack.Pack, DecodeError.DecodeError>> =>
  PackSource.parse(await readPackFiles(dir))
