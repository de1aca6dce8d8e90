/**
 * The API's errors (RFC 9457 problem+json, with `detailZh` and per-field or per-row `errors`) as one class the
 * pages can show: a sentence in the user's language, plus the issues keyed by field so forms put them in place.
 */

/** One issue the API named: a field (`at`, `pointer`) or a file row and column. */
export interface ProblemIssue {
  readonly pointer?: string
  readonly at?: string
  readonly row?: number
  readonly column?: string
  readonly message: { readonly zh: string; readonly en: string }
}

/** A failed request: the HTTP status, the bilingual detail and the issues. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: { readonly zh: string; readonly en: string },
    readonly issues: ReadonlyArray<ProblemIssue> = [],
    readonly type = "",
    /** The current version's ETag a 412 (stale edit) answers with. */
    readonly etag?: string,
  ) {
    super(detail.en)
  }

  /** The message in a language. */
  text(lang: string): string {
    return lang.startsWith("en") ? this.detail.en : this.detail.zh
  }

  /** Whether the request edited an old version (412): someone else saved in between. */
  get stale(): boolean {
    return this.status === 412
  }

  /** The version the server holds now, from the ETag of a 412. */
  get currentVersion(): number | undefined {
    const m = /(\d+)/.exec(this.etag ?? "")
    return m === null ? undefined : Number(m[1])
  }

  /** Issues by field name (the last segment of `at`, e.g. `asOf`), for messages next to inputs. */
  byField(lang: string): Record<string, string> {
    const out: Record<string, string> = {}
    for (const i of this.issues) {
      const key = (i.at ?? i.pointer ?? "").replace(/^#\//, "").replace(/^body\./, "")
      if (key === "") continue
      out[key] = lang.startsWith("en") ? i.message.en : i.message.zh
    }
    return out
  }
}

interface ProblemBody {
  readonly title?: string
  readonly detail?: string
  readonly detailZh?: string
  readonly type?: string
  readonly errors?: ReadonlyArray<ProblemIssue>
}

/** Reads a failed response into an {@link ApiError}, whatever its body. */
export const problemOf = async (res: Response): Promise<ApiError> => {
  let body: ProblemBody = {}
  try {
    body = (await res.json()) as ProblemBody
  } catch {
    // a proxy or a crash page: fall back to the status line
  }
  const en = body.detail ?? body.title ?? `${res.status} ${res.statusText}`
  return new ApiError(
    res.status,
    { zh: body.detailZh ?? en, en },
    body.errors ?? [],
    body.type ?? "",
    res.headers.get("etag") ?? undefined,
  )
}

/** A network failure (API down, offline) as an {@link ApiError} with status 0. */
export const offline = (e: unknown): ApiError =>
  new ApiError(0, {
    zh: `无法连接服务器，请检查网络或稍后重试（${String(e)}）`,
    en: `cannot reach the server; check the network or retry later (${String(e)})`,
  })
