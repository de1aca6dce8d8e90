// srdi pack test [pack]: run a pack's YAML test cases with the shared runner.
import { formatIssues, formatResults, testPack, type LocatedResult } from "@srdi/pack-kit"
import { Either } from "effect"
import type { Lang } from "../lang.js"
import { packDirOf } from "../pack-ref.js"

export interface TestRun {
  readonly ok: boolean
  readonly results: ReadonlyArray<LocatedResult>
  readonly text: string
}

export const packTest = async (ref: string, lang: Lang): Promise<TestRun> => {
  const result = await testPack(packDirOf(ref))
  if (Either.isLeft(result)) return { ok: false, results: [], text: formatIssues(result.left, lang).join("\n") }
  const results = result.right
  return { ok: results.every((r) => r.ok), results, text: formatResults(results, lang).join("\n") }
}
