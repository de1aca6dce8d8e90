/**
 * Pack sources: the YAML files of a pack (`pack/pack.yaml`, `pack/tasks.yaml`..., `tests/*.yaml`) decoded into a
 * {@link Pack.Pack}, with every problem — YAML syntax, unknown fields, wrong values — reported at its file, line
 * and path. Pure and browser-safe: the caller reads the files.
 *
 * @since 0.1.0
 */
import { Either, ParseResult, Schema } from "effect"
import { Award } from "./Award.js"
import * as DecodeError from "./DecodeError.js"
import { Gap, Meta, type Pack, TestCase, validate as validatePack } from "./Pack.js"
import { Pool } from "./Pool.js"
import { Region } from "./Region.js"
import { Rule } from "./Rule.js"
import { Target } from "./Target.js"
import { Task } from "./Task.js"
import { Unit } from "./Unit.js"
import { locateIn, parseYaml, yamlCodeZh, type YamlFile } from "./internal/pack-yaml.js"

/**
 * One file of a pack: its path relative to the pack's folder (e.g. `pack/tasks.yaml`) and its text.
 *
 * @since 0.1.0
 * @category models
 */
export interface File {
  readonly path: string
  readonly text: string
}

/**
 * The list files a pack may have in `pack/`, besides `pack.yaml` (the metadata).
 *
 * @since 0.1.0
 * @category constants
 */
export const LIST_FILES = ["regions", "units", "targets", "tasks", "rules", "awards", "pools", "gaps"] as const

/**
 * The name of a list of a pack: one of {@link LIST_FILES}, or `tests`.
 *
 * @since 0.1.0
 * @category models
 */
export type ListName = (typeof LIST_FILES)[number] | "tests"

/**
 * The schema of one item of each list file, and of `pack.yaml`. The JSON Schemas for editors come from these.
 *
 * @since 0.1.0
 * @category schemas
 */
export const itemSchemas = {
  regions: Region,
  units: Unit,
  targets: Target,
  tasks: Task,
  rules: Rule,
  awards: Award,
  pools: Pool,
  gaps: Gap,
  tests: TestCase,
} as const satisfies Record<ListName, Schema.Schema.AnyNoContext>

/**
 * Where a value of a pack was written.
 *
 * @since 0.1.0
 * @category models
 */
export interface Location {
  readonly file: string
  readonly line: number
  readonly column: number
}

/**
 * A decoded pack with the means to find where each of its values was written.
 *
 * @since 0.1.0
 * @category models
 */
export interface Source {
  readonly pack: Pack
  /** The file, line and column of a pack path such as `tasks[3].lead[0]` or `["meta", "period", "from"]`. */
  readonly locate: (path: string | ReadonlyArray<PropertyKey>) => Location | undefined
}

/**
 * Splits a written path (`tasks[3].lead[0]`) into its keys (`["tasks", 3, "lead", 0]`).
 *
 * @since 0.1.0
 * @category formatting
 */
export const parsePath = (path: string): ReadonlyArray<PropertyKey> => {
  const out: Array<PropertyKey> = []
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) out.push(Number(m[2]))
    else if (m[1] !== undefined) out.push(m[1])
  }
  return out
}

const kindOf = (path: string): "meta" | ListName | undefined => {
  const parts = path.replace(/\\/g, "/").split("/")
  const base = (parts[parts.length - 1] ?? "").replace(/\.ya?ml$/, "")
  if (parts.slice(0, -1).includes("tests")) return "tests"
  if (base === "pack") return "meta"
  return (LIST_FILES as ReadonlyArray<string>).includes(base) ? (base as ListName) : undefined
}

const OPTIONS = { errors: "all", onExcessProperty: "error" } as const

interface Placed {
  readonly file: YamlFile
  readonly index: number
}

/**
 * Decodes the files of a pack and keeps their positions, so later problems (see `Pack.validate`) can be
 * reported at `file:line` too. Reports every problem in every file in one {@link DecodeError.DecodeError}
 * whose subject is `pack <id>`.
 *
 * @example
 * const source = PackSource.read([{ path: "pack/pack.yaml", text }, { path: "pack/tasks.yaml", text: tasks }])
 * if (Either.isRight(source)) source.right.locate("tasks[3].lead[0]") // { file: "pack/tasks.yaml", line: 42, column: 5 }
 *
 * @since 0.1.0
 * @category decoding
 */
export const read = (files: ReadonlyArray<File>): Either.Either<Source, DecodeError.DecodeError> => {
  const issues: Array<DecodeError.Issue> = []
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  let metaFile: YamlFile | undefined
  let meta: Meta | undefined
  const lists: Record<string, Array<unknown>> = {}
  const places: Record<string, Array<Placed>> = {}
  const seenList = new Map<string, string>()

  for (const f of sorted) {
    const kind = kindOf(f.path)
    if (kind === undefined) {
      issues.push({
        path: [],
        at: "(root)",
        file: f.path,
        line: 1,
        column: 1,
        message: {
          zh: `未知的包文件；pack/ 下只能有 pack.yaml 及 ${LIST_FILES.join("、")}.yaml`,
          en: `unknown pack file; pack/ holds pack.yaml and ${LIST_FILES.join(", ")}.yaml only`,
        },
      })
      continue
    }
    if (kind !== "tests" && seenList.has(kind)) {
      issues.push({
        path: [],
        at: "(root)",
        file: f.path,
        line: 1,
        column: 1,
        message: { zh: `与 ${seenList.get(kind)} 重复`, en: `duplicates ${seenList.get(kind)}` },
      })
      continue
    }
    seenList.set(kind, f.path)
    const parsed = parseYaml(f.path, f.text)
    if (parsed._tag === "error") {
      for (const p of parsed.problems)
        issues.push({
          path: [],
          at: "(root)",
          file: p.file,
          line: p.line,
          column: p.column,
          message: { zh: `YAML 语法错误：${yamlCodeZh(p.code)}`, en: `YAML syntax error: ${p.message}` },
        })
      continue
    }
    const file = parsed.file
    const locate = (path: ReadonlyArray<PropertyKey>): Location => ({ file: f.path, ...locateIn(file, path) })

    if (kind === "meta") {
      metaFile = file
      const decoded = ParseResult.decodeUnknownEither(Meta, OPTIONS)(file.value)
      if (Either.isLeft(decoded)) pushIssues(issues, decoded.left, ["meta"], locate)
      else meta = decoded.right
      continue
    }

    const value = file.value ?? []
    if (!Array.isArray(value)) {
      issues.push({
        path: [kind],
        at: kind,
        ...locate([]),
        message: {
          zh: `${f.path} 应为 YAML 列表（每项以 "- " 开头）`,
          en: `${f.path} must be a YAML list (items start with "- ")`,
        },
      })
      continue
    }
    const list = (lists[kind] ??= [])
    const place = (places[kind] ??= [])
    const offset = list.length
    const decoded = ParseResult.decodeUnknownEither(
      Schema.Array(itemSchemas[kind] as Schema.Schema<unknown, unknown, never>),
      OPTIONS,
    )(value)
    value.forEach((_, index) => place.push({ file, index }))
    if (Either.isLeft(decoded)) {
      // Issue paths start at the file's own index; shift them to the index in the pack's list.
      pushIssues(issues, decoded.left, [kind], locate, offset)
      list.push(...value.map(() => undefined))
    } else list.push(...decoded.right)
  }

  if (metaFile === undefined && !issues.some((i) => kindOf(i.file ?? "") === "meta"))
    issues.push({
      path: ["meta"],
      at: "meta",
      file: "pack/pack.yaml",
      message: { zh: "缺少 pack/pack.yaml（包的元数据）", en: "pack/pack.yaml (the pack's metadata) is missing" },
    })

  const subject = `pack ${meta?.id ?? (metaFile !== undefined ? idOf(metaFile.value) : "(unknown)")}`
  if (issues.length > 0 || meta === undefined) return Either.left(new DecodeError.DecodeError({ subject, issues }))

  const pack: Pack = {
    meta,
    regions: (lists["regions"] ?? []) as Pack["regions"],
    units: (lists["units"] ?? []) as Pack["units"],
    targets: (lists["targets"] ?? []) as Pack["targets"],
    tasks: (lists["tasks"] ?? []) as Pack["tasks"],
    rules: (lists["rules"] ?? []) as Pack["rules"],
    awards: (lists["awards"] ?? []) as Pack["awards"],
    pools: (lists["pools"] ?? []) as Pack["pools"],
    gaps: (lists["gaps"] ?? []) as Pack["gaps"],
    tests: (lists["tests"] ?? []) as Pack["tests"],
  }
  const metaYaml = metaFile
  const locate = (path: string | ReadonlyArray<PropertyKey>): Location | undefined => {
    const keys = typeof path === "string" ? parsePath(path) : path
    const [head, index, ...rest] = keys
    if (head === "meta") {
      if (metaYaml === undefined) return undefined
      return { file: metaYaml.path, ...locateIn(metaYaml, keys.slice(1)) }
    }
    const placed = typeof head === "string" && typeof index === "number" ? places[head]?.[index] : undefined
    if (placed !== undefined) return { file: placed.file.path, ...locateIn(placed.file, [placed.index, ...rest]) }
    const first = typeof head === "string" ? places[head]?.[0] : undefined
    return first === undefined ? undefined : { file: first.file.path, line: 1, column: 1 }
  }
  return Either.right({ pack, locate })
}

/**
 * Decodes the files of a pack (see {@link read}): `pack/pack.yaml` (metadata), the optional list files of
 * `pack/` and `tests/*.yaml`. Every problem in every file comes back at once, each with its file, line and path.
 *
 * @example
 * const result = PackSource.parse(files)
 * if (Either.isLeft(result)) console.error(DecodeError.format(result.left, "en"))
 * // pack cq-tongliang-2022: 1 problem(s)
 * //   pack/tasks.yaml:12:5 tasks[2].leed — is not a known field
 *
 * @since 0.1.0
 * @category decoding
 */
export const parse = (files: ReadonlyArray<File>): Either.Either<Pack, DecodeError.DecodeError> =>
  Either.map(read(files), (s) => s.pack)

/**
 * The file, line and column of a pack path in a decoded source.
 *
 * @since 0.1.0
 * @category getters
 */
export const locate = (source: Source, path: string | ReadonlyArray<PropertyKey>): Location | undefined =>
  source.locate(path)

/**
 * Runs `Pack.validate` on a decoded source and places each problem at its file and line, as decode issues.
 *
 * @example
 * PackSource.problems(source, { base: [chongqing] }).map((i) => `${i.file}:${i.line} ${i.at} — ${i.message.en}`)
 * // ["pack/tasks.yaml:42 tasks[3].lead[0] — unknown unit tl-xxx (declare it in units)"]
 *
 * @since 0.1.0
 * @category validation
 */
export const problems = (
  source: Source,
  options: { readonly base?: ReadonlyArray<Pack> } = {},
): ReadonlyArray<DecodeError.Issue> =>
  validatePack(source.pack, options).map((p) => {
    const path = parsePath(p.path)
    return { path, at: p.path, message: p.message, ...source.locate(path) }
  })

/**
 * Decodes and validates: the pack, or one {@link DecodeError.DecodeError} with every decoding and validation problem
 * at its file and line.
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (
  source: Source,
  options: { readonly base?: ReadonlyArray<Pack> } = {},
): Either.Either<Pack, DecodeError.DecodeError> => {
  const issues = problems(source, options)
  return issues.length === 0
    ? Either.right(source.pack)
    : Either.left(new DecodeError.DecodeError({ subject: `pack ${source.pack.meta.id}`, issues }))
}

const idOf = (value: unknown): string =>
  typeof value === "object" && value !== null && "id" in value && typeof value.id === "string" ? value.id : "(unknown)"

const pushIssues = (
  out: Array<DecodeError.Issue>,
  error: ParseResult.ParseIssue,
  prefix: ReadonlyArray<PropertyKey>,
  locate: (path: ReadonlyArray<PropertyKey>) => Location,
  offset = 0,
): void => {
  for (const issue of mergeAlternatives(DecodeError.fromParseError("", error).issues)) {
    const [first, ...rest] = issue.path
    const shifted = offset !== 0 && typeof first === "number" ? [first + offset, ...rest] : issue.path
    const path = [...prefix, ...shifted]
    // Locate with the path inside the file; report the path inside the pack.
    out.push({ ...issue, path, at: DecodeError.formatPath(path), ...locate(issue.path) })
  }
}

const EXPECTED = /^Expected (.+), actual (.+)$/s

// A literal union ("task" | "safeguard") fails once per member; say it once, listing what is allowed.
const mergeAlternatives = (issues: ReadonlyArray<DecodeError.Issue>): ReadonlyArray<DecodeError.Issue> => {
  const out: Array<DecodeError.Issue> = []
  const merged = new Map<string, { index: number; expected: Array<string>; actual: string }>()
  for (const issue of issues) {
    const m = EXPECTED.exec(issue.message.en)
    const prior = m === null ? undefined : merged.get(issue.at)
    if (m !== null && prior !== undefined && prior.actual === m[2]) {
      prior.expected.push(m[1] ?? "")
      const expected = prior.expected.join(" | ")
      out[prior.index] = {
        ...issue,
        message: {
          zh: `应为 ${prior.expected.join(" 或 ")}，实际为 ${prior.actual}`,
          en: `Expected ${expected}, actual ${prior.actual}`,
        },
      }
      continue
    }
    if (m !== null) merged.set(issue.at, { index: out.length, expected: [m[1] ?? ""], actual: m[2] ?? "" })
    out.push(issue)
  }
  return out
}
