// srdi pack diff <a> <b>: what differs between two packs — two versions of one plan or two districts' plans.
import { Pack } from "@srdi/core"
import type { Lang } from "../lang.js"
import { loadPack } from "../packs.js"

export const packDiff = async (a: string, b: string, lang: Lang): Promise<{ diff: Pack.Diff; text: string }> => {
  const [left, right] = await Promise.all([loadPack(a, lang), loadPack(b, lang)])
  const diff = Pack.diff(left.pack, right.pack)
  return { diff, text: Pack.formatDiff(diff, lang) }
}
