/**
 * Errors as RFC 9457 problem details (`application/problem+json`): every 4xx names what went wrong and where
 * (a field path, a row of a file), in Chinese and English.
 */
import type { DecodeError } from "@srdi/core"
import type { Context } from "hono"
import type { ContentfulStatusCode } from "hono/utils/http-status"

/** One thing wrong with a request: where (field path or file row) and why. */
export interface ProblemIssue {
  /** JSON pointer into the request body, e.g. `#/financials/1/revenue`. */
  readonly pointer?: string
  /** The same path written `financials[1].revenue`. */
  readonly at?: string
  /** 1-based data row of an uploaded file (the header is row 1, so the first data row is 2). */
  readonly row?: number
  readonly column?: string
  readonly message: { readonly zh: string; readonly en: string }
}

/** The problem types this API answers with. */
export const TYPES = {
  validation: "validation",
  json: "invalid-json",
  notFound: "not-found",
  unauthorized: "unauthorized",
  forbidden: "forbidden",
  conflict: "conflict",
  stale: "stale-version",
  preconditionRequired: "precondition-required",
  tooLarge: "payload-too-large",
  rateLimited: "rate-limited",
  unsupported: "unsupported-media-type",
  internal: "internal",
} as const

const TYPE_BASE = "https://srdi.invalid/problems/"

/** A failure that becomes a problem+json response. Throw it from any handler. */
export class HttpProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly type: (typeof TYPES)[keyof typeof TYPES],
    readonly title: string,
    readonly detail: { readonly zh: string; readonly en: string },
    readonly issues: ReadonlyArray<ProblemIssue> = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail.en)
  }
}

const pointerOf = (path: ReadonlyArray<PropertyKey>): string =>
  "#" + path.map((p) => "/" + String(p).replaceAll("~", "~0").replaceAll("/", "~1")).join("")

/** A 400 listing every failing path of a decode. */
export const fromDecodeError = (decoded: DecodeError.DecodeError, where = "body"): HttpProblem => {
  // Effect also reports a failing optional field as "not undefined" on the field itself; the real issue is
  // reported at its own deeper path, so that echo is left out.
  const issues = decoded.issues.filter(
    (i) =>
      !(
        i.message.en.startsWith("Expected undefined") &&
        decoded.issues.some((j) => j !== i && j.at.startsWith(i.at) && j.at.length > i.at.length)
      ),
  )
  const error = { ...decoded, issues }
  return new HttpProblem(
    400,
    TYPES.validation,
    "Request validation failed",
    {
      zh: `请求${where === "query" ? "参数" : "内容"}有 ${error.issues.length} 处错误：${error.issues.map((i) => `${i.at}：${i.message.zh}`).join("；")}`,
      en: `the request ${where} has ${error.issues.length} problem(s): ${error.issues.map((i) => `${i.at}: ${i.message.en}`).join("; ")}`,
    },
    error.issues.map((i) => ({ pointer: pointerOf(i.path), at: i.at, message: i.message })),
  )
}

/** Shorthands for the common problems. */
export const notFound = (what: string, id: string): HttpProblem =>
  new HttpProblem(404, TYPES.notFound, "Not found", { zh: `未找到${what}：${id}`, en: `no ${what} ${id}` })

export const forbidden = (zh: string, en: string): HttpProblem =>
  new HttpProblem(403, TYPES.forbidden, "Forbidden", { zh, en })

export const conflict = (zh: string, en: string, issues: ReadonlyArray<ProblemIssue> = []): HttpProblem =>
  new HttpProblem(409, TYPES.conflict, "Conflict", { zh, en }, issues)

export const badRequest = (zh: string, en: string, issues: ReadonlyArray<ProblemIssue> = []): HttpProblem =>
  new HttpProblem(400, TYPES.validation, "Bad request", { zh, en }, issues)

/** Writes a problem as a response. */
export const respond = (c: Context, p: HttpProblem): Response =>
  c.body(
    JSON.stringify({
      type: TYPE_BASE + p.type,
      title: p.title,
      status: p.status,
      detail: p.detail.en,
      detailZh: p.detail.zh,
      instance: c.req.path,
      ...(p.issues.length > 0 ? { errors: p.issues } : {}),
    }),
    p.status,
    { "content-type": "application/problem+json; charset=utf-8", ...p.headers },
  )
