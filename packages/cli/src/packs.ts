// Loading a pack for a command: find it, load it with its extends chain, and turn load errors into
// "file:line path — reason" lines the user can act on.
import { type DecodeError, Pack } from "@srdi/core"
import { loadResolved } from "@srdi/pack-kit"
import { Either } from "effect"
import type { Lang } from "./lang.js"
import { packDirOf } from "./pack-ref.js"

export interface LoadedPack {
  readonly dir: string
  /** The pack with its extends chain applied. */
  readonly pack: Pack.Pack
  readonly layers: ReadonlyArray<Pack.Pack>
  readonly hash: string
}

/** The pack could not be loaded; `lines` are ready to print. */
export class PackLoadError extends Error {
  readonly _tag = "PackLoadError"
  constructor(
    readonly ref: string,
    readonly lines: ReadonlyArray<string>,
  ) {
    super(lines.join("\n"))
  }
}

export const issueLines = (error: DecodeError.DecodeError, lang: Lang): ReadonlyArray<string> =>
  error.issues.map((i) => {
    const where = i.file !== undefined ? `${i.file}${i.line !== undefined ? `:${i.line}` : ""} ` : ""
    return `${where}${i.at} — ${i.message[lang]}`
  })

export const loadPack = async (ref: string, lang: Lang): Promise<LoadedPack> => {
  const dir = packDirOf(ref)
  const result = await loadResolved(dir)
  if (Either.isLeft(result)) throw new PackLoadError(ref, issueLines(result.left, lang))
  const { pack, layers } = result.right
  return { dir, pack, layers, hash: Pack.hash(pack) }
}
