// srdi pack validate [pack]: decode and validate a pack with the packs it extends; every problem as
// "file:line path — reason".
import { Pack } from "@srdi/core"
import { formatIssues, loadResolved } from "@srdi/pack-kit"
import { Either } from "effect"
import { say, type Lang } from "../lang.js"
import { packDirOf } from "../pack-ref.js"

export interface Validation {
  readonly ok: boolean
  readonly pack?: {
    readonly id: string
    readonly version: string
    readonly hash: string
    readonly layers: ReadonlyArray<string>
  }
  readonly problems: ReadonlyArray<{
    readonly file?: string
    readonly line?: number
    readonly path: string
    readonly message: { readonly zh: string; readonly en: string }
  }>
  readonly text: string
}

export const packValidate = async (ref: string, lang: Lang): Promise<Validation> => {
  const dir = packDirOf(ref)
  const loaded = await loadResolved(dir)
  if (Either.isLeft(loaded)) {
    const error = loaded.left
    return {
      ok: false,
      problems: error.issues.map((i) => ({
        ...(i.file !== undefined ? { file: i.file } : {}),
        ...(i.line !== undefined ? { line: i.line } : {}),
        path: i.at,
        message: i.message,
      })),
      text: formatIssues(error, lang).join("\n"),
    }
  }
  const { pack, layers } = loaded.right
  const hash = Pack.hash(pack)
  const ids = layers.map((l) => `${l.meta.id}@${l.meta.version}`)
  return {
    ok: true,
    pack: { id: pack.meta.id, version: pack.meta.version, hash, layers: ids },
    problems: [],
    text: say(
      lang,
      `✓ ${pack.meta.id}@${pack.meta.version} 校验通过（${ids.join(" → ")}）\n  ${hash}`,
      `✓ ${pack.meta.id}@${pack.meta.version} is valid (${ids.join(" → ")})\n  ${hash}`,
    ),
  }
}
