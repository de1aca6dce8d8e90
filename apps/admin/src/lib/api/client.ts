/**
 * The typed API client. Browsers authenticate with the API's HttpOnly session cookie (same origin), so the client
 * never stores a token. In `pnpm dev` the API sits behind Vite's `/api` proxy.
 */
import type {
  Clause,
  Decision,
  EnterpriseSummary,
  ImportResult,
  Me,
  PackDiff,
  PackRow,
  Page,
  ResolvedPack,
  Pyramid,
  RegionRow,
  Screening,
  StoredEnterprise,
} from "./types.js"
import type { Enterprise } from "@srdi/core"
import { ApiError, offline, problemOf } from "./problem.js"

/** Where the API lives relative to the page. */
export const API_BASE: string = import.meta.env.DEV ? "/api" : ""

type Query = Record<string, string | number | boolean | undefined>

const qs = (query: Query = {}): string => {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") p.set(k, String(v))
  const s = p.toString()
  return s === "" ? "" : `?${s}`
}

/** The URL of an API path (for downloads and links). */
export const apiUrl = (path: string, query?: Query): string => `${API_BASE}${path}${qs(query)}`

const request = async (
  method: string,
  path: string,
  init: { query?: Query; json?: unknown; body?: BodyInit; type?: string; ifMatch?: string } = {},
) => {
  const headers: Record<string, string> = { accept: "application/json" }
  if (init.ifMatch !== undefined) headers["if-match"] = `"${init.ifMatch}"`
  if (init.json !== undefined) headers["content-type"] = "application/json"
  if (init.type !== undefined) headers["content-type"] = init.type
  let res: Response
  try {
    res = await fetch(apiUrl(path, init.query), {
      method,
      headers,
      credentials: "same-origin",
      ...(init.json !== undefined
        ? { body: JSON.stringify(init.json) }
        : init.body !== undefined
          ? { body: init.body }
          : {}),
    })
  } catch (e) {
    throw offline(e)
  }
  if (!res.ok) throw await problemOf(res)
  return res
}

const json = async <A>(method: string, path: string, init?: Parameters<typeof request>[2]): Promise<A> => {
  const res = await request(method, path, init)
  return res.status === 204 ? (undefined as A) : ((await res.json()) as A)
}

/** Whether an error means the API has no such route yet (so a page shows "not available" rather than failing). */
export const isMissingRoute = (e: unknown): boolean =>
  e instanceof ApiError && e.status === 404 && /no such route|没有这个地址/.test(e.detail.en + e.detail.zh)

/** The API's calls, one per route the admin uses. */
export const api = {
  login: (username: string, password: string) =>
    json<{ token: string; expiresAt: string; user: Me }>("POST", "/auth/login", { json: { username, password } }),
  logout: () => json<void>("POST", "/auth/logout"),
  me: () => json<Me>("GET", "/auth/me"),

  regions: () => json<{ items: ReadonlyArray<RegionRow> }>("GET", "/regions"),

  enterprises: (query: {
    limit?: number
    offset?: number
    sort?: string
    q?: string
    region?: string
    industry?: string
    /** `exact` counts every row (a full scan); by default the API stops counting at 1,000 (`totalExact: false`). */
    count?: "exact"
  }) => json<Page<EnterpriseSummary>>("GET", "/enterprises", { query }),
  enterprise: (uscc: string) => json<StoredEnterprise>("GET", `/enterprises/${encodeURIComponent(uscc)}`),
  createEnterprise: (body: Enterprise.EnterpriseInput) =>
    json<StoredEnterprise>("POST", "/enterprises", { json: body }),
  /** Replaces an enterprise; `version` (If-Match) is the one it was read at, so a newer save is not overwritten. */
  updateEnterprise: (uscc: string, body: Enterprise.EnterpriseInput, version: number) =>
    json<StoredEnterprise>("PUT", `/enterprises/${encodeURIComponent(uscc)}`, { json: body, ifMatch: String(version) }),
  putFinancialYear: (uscc: string, body: Enterprise.FinancialYear, version: number) =>
    json<StoredEnterprise>("PUT", `/enterprises/${encodeURIComponent(uscc)}/financials/${body.year}`, {
      json: body,
      ifMatch: String(version),
    }),
  enterpriseDecisions: (uscc: string) =>
    json<Page<Decision>>("GET", `/enterprises/${encodeURIComponent(uscc)}/decisions`, { query: { limit: 100 } }),

  importFile: (file: File, mode: "preview" | "commit", atomic = true) =>
    json<ImportResult>("POST", "/imports", {
      query: { mode, atomic: String(atomic), filename: file.name, format: /\.xlsx$/i.test(file.name) ? "xlsx" : "csv" },
      body: file,
      type: /\.xlsx$/i.test(file.name)
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv",
    }),

  packs: () => json<{ items: ReadonlyArray<PackRow> }>("GET", "/packs"),
  /** A pack with its extension layers resolved (its awards, units, targets... including inherited ones). */
  resolvedPack: (ref: string) => json<ResolvedPack>("GET", `/packs/${encodeURIComponent(ref)}/resolved`),
  clauses: (ref: string, resolved = false) =>
    json<{ items: ReadonlyArray<Clause> }>("GET", `/packs/${encodeURIComponent(ref)}/clauses`, {
      query: { resolved: String(resolved) },
    }),
  diff: (ref: string, against: string) =>
    json<PackDiff>("GET", `/packs/${encodeURIComponent(ref)}/diff`, { query: { against } }),

  screen: (body: {
    pack: string
    rule?: string | undefined
    decides?: string | undefined
    asOf: string
    uscc?: string | undefined
    region?: string | undefined
  }) => json<{ screening: Screening; decision?: Decision }>("POST", "/screenings", { json: body }),
  screenings: (query: { limit?: number; offset?: number } = {}) =>
    json<Page<Screening>>("GET", "/screenings", { query }),
  screening: (id: number) => json<Screening>("GET", `/screenings/${id}`),
  decisions: (
    id: number,
    query: { limit?: number; offset?: number; sort?: string; verdict?: string; nearMiss?: string; region?: string },
  ) => json<Page<Decision>>("GET", `/screenings/${id}/decisions`, { query }),
  decision: (id: number) => json<Decision>("GET", `/decisions/${id}`),

  pyramid: (query: { asOf?: string; region?: string } = {}) => json<Pyramid>("GET", "/titles/pyramid", { query }),

  /** Any list route the plan-tracking pages read (awards, pools, tasks, problems, audit, targets). */
  list: <A>(path: string, query: Query = {}) => json<Page<A> | { items: ReadonlyArray<A> }>("GET", path, { query }),
  /** Any read. */
  get: <A>(path: string, query: Query = {}) => json<A>("GET", path, { query }),
  /** A JSON POST (claims, approvals, reports); `version` goes in If-Match for edits of versioned records. */
  post: <A>(path: string, body: unknown, version?: number) =>
    json<A>("POST", path, { json: body, ...(version !== undefined ? { ifMatch: String(version) } : {}) }),
}
