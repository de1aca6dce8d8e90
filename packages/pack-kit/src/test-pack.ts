/**
 * Running a pack's test cases with the shared runner, each result placed at its file and line.
 */
import { type DecodeError, Pack } from "@srdi/core"
import { Either } from "effect"
import { type LoadOptions, loadResolved } from "./load.js"

/**
 * The result of one test case and where the case is written.
 */
export type LocatedResult = Pack.TestResult & { readonly file?: string; readonly line?: number }

/**
 * Loads and resolves a pack folder, then runs its test cases (`Pack.runTests`) against the resolved pack.
 */
export const testPack = async (
  dir: string,
  options: LoadOptions = {},
): Promise<Either.Either<ReadonlyArray<LocatedResult>, DecodeError.DecodeError>> => {
  const loaded = await loadResolved(dir, options)
  if (Either.isLeft(loaded)) return Either.left(loaded.left)
  const { pack, source } = loaded.right
  return Either.right(
    Pack.runTests(pack).map((result, i) => {
      const at = source.locate(["tests", i])
      return at === undefined ? result : { ...result, file: at.file, line: at.line }
    }),
  )
}
