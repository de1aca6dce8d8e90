/**
 * The route table: every route is declared once with its method, path, access, body and query schemas and
 * response schema. The app registers handlers from it and the OpenAPI document is generated from it, so the
 * two cannot drift apart.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Schema is invariant in its encoded type: a table of routes
   with different bodies needs `any` there (and for the erased route type), nowhere else. */
import { DecodeError } from "@srdi/core"
import { Either, type Schema } from "effect"
import type { Context } from "hono"
import type { Database } from "../db/client.js"
import type { ReadCache } from "./read-cache.js"
import type { Logger } from "../middleware/logger.js"
import type { SessionStore } from "../auth/sessions.js"
import type { PackCache } from "../packs/catalog.js"
import type { RateLimiter } from "../middleware/rate-limit.js"
import type { Principal, Scope } from "../middleware/scope.js"
import { fromDecodeError, HttpProblem, TYPES } from "./problem.js"

/**
 * Who may call a route. `public`: anyone; `read`: any signed-in user (results scoped to their regions);
 * `write`: municipal and district admins (scoped); `unit`: admins and unit officers (own unit);
 * `municipal`: municipal admins only.
 */
export type Access = "public" | "read" | "write" | "unit" | "municipal"

/** Settings the app reads at request time. */
export interface AppConfig {
  readonly cookieSecure: boolean
  readonly corsOrigins: ReadonlyArray<string>
  readonly bodyLimitBytes: number
  readonly uploadLimitBytes: number
  readonly loginAttemptsPerMinute: number
  readonly sessionHours: number
  readonly adminDist?: string
  /** Cache GET answers in memory (see http/read-cache.ts); default: on for embedded PGlite, off for PostgreSQL. */
  readonly readCache?: boolean
}

/** What handlers get besides the request. */
export interface AppDeps {
  readonly database: Database
  readonly config: AppConfig
  readonly logger: Logger
}

/** Dependencies plus the services the app builds from them. */
export interface Services extends AppDeps {
  readonly sessions: SessionStore
  readonly loginLimiter: RateLimiter
  readonly packs: PackCache
  readonly readCache?: ReadCache
}

/** The decoded request, the caller and its scope. */
export interface Input<B, Q> {
  readonly c: Context
  readonly body: B
  readonly query: Q
  readonly params: Record<string, string>
  readonly scope: Scope
  readonly user: Principal
  readonly deps: Services
}

/** One route of the table. Paths are written OpenAPI-style: `/enterprises/{uscc}`. */
export interface Route<B = unknown, Q = unknown> {
  readonly method: "get" | "post" | "put" | "patch" | "delete"
  readonly path: string
  readonly tag: string
  readonly summary: string
  readonly description?: string
  readonly access: Access
  readonly body?: Schema.Schema<B, any, never>
  readonly query?: Schema.Schema<Q, any, never>
  /** The body is an uploaded file (CSV or XLSX), not JSON. */
  readonly upload?: boolean
  readonly response?: Schema.Schema<any, any, never>
  readonly status?: number
  /** Edits that take `If-Match` (optimistic concurrency). */
  readonly ifMatch?: boolean
  /** Answers with a file rather than JSON. */
  readonly produces?: ReadonlyArray<string>
  readonly handler: (input: Input<B, Q>) => Promise<Response>
}

/** A route of the table, its body and query types erased. */
export type AnyRoute = Route<any, any>

/** Declares a route, inferring body and query types from their schemas. */
export const route = <B = undefined, Q = Record<string, never>>(def: Route<B, Q>): Route<any, any> => def

/** Hono's `:param` form of an OpenAPI path. */
export const honoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ":$1")

/** Decodes a JSON body, naming every failing field. */
export const decodeBody = async <B>(c: Context, schema: Schema.Schema<B, any, never>): Promise<B> => {
  const type = c.req.header("content-type") ?? ""
  if (!/^application\/(.+\+)?json/i.test(type))
    throw new HttpProblem(415, TYPES.unsupported, "Unsupported media type", {
      zh: "请求内容应为 JSON（Content-Type: application/json）",
      en: "the request body must be JSON (Content-Type: application/json)",
    })
  const text = await c.req.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    throw new HttpProblem(400, TYPES.json, "Invalid JSON", {
      zh: `请求内容不是合法的 JSON：${(e as Error).message}`,
      en: `the request body is not valid JSON: ${(e as Error).message}`,
    })
  }
  const result = DecodeError.decode(schema, "body")(json)
  if (Either.isLeft(result)) throw fromDecodeError(result.left, "body")
  return result.right
}

/** Decodes the query string, naming every failing parameter. */
export const decodeQuery = <Q>(c: Context, schema: Schema.Schema<Q, any, never>): Q => {
  const raw: Record<string, string> = {}
  // An empty parameter (`?region=`, as forms send an unset field) means the same as leaving it out.
  for (const [k, v] of new URL(c.req.url).searchParams) if (v !== "") raw[k] = v
  const result = DecodeError.decode(schema, "query")(raw)
  if (Either.isLeft(result)) throw fromDecodeError(result.left, "query")
  return result.right
}

/** The version an edit expects, from `If-Match` (`"3"` or `W/"3"`). */
export const expectedVersion = (c: Context): number => {
  const header = c.req.header("if-match")
  if (header === undefined)
    throw new HttpProblem(428, TYPES.preconditionRequired, "Precondition required", {
      zh: "修改需要 If-Match 请求头（取自 GET 返回的 ETag），以免覆盖他人的修改",
      en: "edits need an If-Match header (the ETag from GET) so they cannot overwrite someone else's change",
    })
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim())
  if (m === null)
    throw new HttpProblem(400, TYPES.validation, "Bad If-Match", {
      zh: `If-Match 应为版本号，例如 "3"，实际为 ${header}`,
      en: `If-Match must be a version such as "3", got ${header}`,
    })
  return Number(m[1])
}

/** The ETag of a version. */
export const etag = (version: number): string => `"${version}"`

/** A 412 for an edit based on an old version. */
export const stale = (what: string, id: string, current: number, expected: number): HttpProblem =>
  new HttpProblem(
    412,
    TYPES.stale,
    "Stale version",
    {
      zh: `${what} ${id} 已被修改（当前版本 ${current}，请求基于版本 ${expected}），请重新读取后再改`,
      en: `${what} ${id} has changed (version ${current}, your edit was based on ${expected}); read it again and retry`,
    },
    [],
    { etag: etag(current) },
  )
