/**
 * Builds the Hono app from the route table, without listening: the server, the tests and the benchmark all
 * call {@link createApp}.
 */
import { randomUUID } from "node:crypto"
import { Hono, type Context, type MiddlewareHandler } from "hono"
import { bodyLimit } from "hono/body-limit"
import { getCookie } from "hono/cookie"
import { cors } from "hono/cors"
import { secureHeaders } from "hono/secure-headers"
import { SessionStore } from "./auth/sessions.js"
import { HttpProblem, respond, TYPES } from "./http/problem.js"
import { decodeBody, decodeQuery, honoPath, type AppDeps, type AnyRoute, type Services } from "./http/route.js"
import { ReadCache } from "./http/read-cache.js"
import { PackCache } from "./packs/catalog.js"
import { RateLimiter } from "./middleware/rate-limit.js"
import { Scope, type Principal } from "./middleware/scope.js"
import { COOKIE } from "./routes/auth.js"
import { allRoutes } from "./routes/index.js"
import { mountDocs } from "./routes/openapi.js"
import { serveAdmin } from "./routes/static.js"

const ANONYMOUS: Principal = {
  id: 0,
  username: "anonymous",
  displayName: "anonymous",
  role: "viewer",
  region: null,
  unit: null,
  regions: new Set(),
}

const unauthorized = (): HttpProblem =>
  new HttpProblem(
    401,
    TYPES.unauthorized,
    "Unauthorized",
    {
      zh: "请先登录（Cookie 或 Authorization: Bearer 令牌）",
      en: "log in first (session cookie or Authorization: Bearer token)",
    },
    [],
    { "www-authenticate": 'Bearer realm="srdi"' },
  )

const tooLarge = (limit: number) => (c: Context) =>
  respond(
    c,
    new HttpProblem(413, TYPES.tooLarge, "Payload too large", {
      zh: `请求内容超过上限 ${limit} 字节`,
      en: `the request body exceeds the limit of ${limit} bytes`,
    }),
  )

/** Passes a request on untouched (the body-limit slot of routes without a body). */
const noBody: MiddlewareHandler = (_c, next) => next()

const tokenOf = (c: Context): string | undefined => {
  const auth = c.req.header("authorization")
  if (auth !== undefined && /^Bearer\s+/i.test(auth)) return auth.replace(/^Bearer\s+/i, "").trim()
  return getCookie(c, COOKIE)
}

/**
 * Answers a GET from the read cache, or computes it and keeps a successful JSON answer. `cache-control: no-cache`
 * skips the lookup; `x-cache` says which it was.
 */
const cachedRead = async (
  c: Context,
  cache: ReadCache,
  key: string,
  handle: () => Promise<Response>,
): Promise<Response> => {
  const fresh = c.req.header("cache-control")?.includes("no-cache") === true
  const hit = fresh ? undefined : (cache.get(key) ?? (await cache.inFlight(key)))
  if (hit !== undefined) {
    c.header("x-cache", "hit")
    return c.body(hit.body, 200, hit.headers)
  }
  let uncached: Response | undefined
  const answer = await cache.compute(key, async () => {
    const res = await handle()
    if (res.status !== 200 || res.headers.get("content-type")?.startsWith("application/json") !== true) {
      uncached = res
      return undefined
    }
    const headers: Record<string, string> = {}
    res.headers.forEach((value, name) => {
      if (name !== "x-request-id") headers[name] = value
    })
    return { body: await res.text(), headers }
  })
  // Nothing to keep means the handler's own response (an error, a file) is handed back as it is.
  if (answer === undefined) return uncached!
  c.header("x-cache", "miss")
  return c.body(answer.body, 200, answer.headers)
}

/** The app and the services it built (the route table is exposed for the OpenAPI document and tests). */
export interface App {
  readonly app: Hono
  readonly routes: ReadonlyArray<AnyRoute>
  readonly services: Services
}

/** Builds the app over a database and settings. */
export const createApp = (deps: AppDeps): App => {
  const services: Services = {
    ...deps,
    sessions: new SessionStore(deps.database.db, deps.config.sessionHours),
    loginLimiter: new RateLimiter(deps.config.loginAttemptsPerMinute, 60_000),
    packs: new PackCache(),
    // Only a store this process alone writes can be cached safely: embedded PGlite, unless configured otherwise.
    ...((deps.config.readCache ?? deps.database.kind === "pglite") ? { readCache: new ReadCache() } : {}),
  }
  const cache = services.readCache
  const app = new Hono()
  const { logger, config } = deps

  app.use("*", async (c, next) => {
    const started = performance.now()
    const id = c.req.header("x-request-id") ?? randomUUID()
    c.header("x-request-id", id)
    await next()
    const user = (c.get("user" as never) as Principal | undefined)?.username
    logger.info("request", {
      id,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(user !== undefined ? { user } : {}),
    })
  })
  app.use("*", secureHeaders())
  // CORS stays off unless origins are configured: the admin app is served from the same origin.
  if (config.corsOrigins.length > 0) app.use("*", cors({ origin: [...config.corsOrigins], credentials: true }))

  app.onError((err, c) => {
    if (err instanceof HttpProblem) return respond(c, err)
    logger.error("unhandled", {
      path: c.req.path,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    })
    return respond(
      c,
      new HttpProblem(500, TYPES.internal, "Internal error", {
        zh: "服务器内部错误，已记录日志",
        en: "internal error; it has been logged",
      }),
    )
  })

  const routes = allRoutes(() => routes)
  for (const r of routes) {
    const limit = r.upload === true ? config.uploadLimitBytes : config.bodyLimitBytes
    // Only routes that take a body get the limit: on a GET the check made @hono/node-server build a full Request
    // (and an AbortSignal) for every read, a tenth of the server's time under load.
    const guard = r.method === "get" ? noBody : bodyLimit({ maxSize: limit, onError: tooLarge(limit) })
    app.on(r.method.toUpperCase(), honoPath(r.path), guard, async (c) => {
      let user = ANONYMOUS
      if (r.access !== "public") {
        const token = tokenOf(c)
        const found = token === undefined ? undefined : await services.sessions.lookup(token)
        if (found === undefined) throw unauthorized()
        user = found
        c.set("user" as never, found as never)
        c.set("token" as never, token as never)
      }
      const scope = new Scope(user)
      if (r.access === "write" && (user.role === "viewer" || user.role === "unit_officer"))
        scope.write(user.region ?? "")
      if (r.access === "unit" && user.role === "viewer") scope.write(user.region ?? "")
      if (r.access === "municipal") scope.municipal()
      const handle = async () => {
        const query = r.query === undefined ? {} : decodeQuery(c, r.query)
        const body = r.body === undefined ? undefined : await decodeBody(c, r.body)
        return r.handler({
          c,
          body,
          query,
          params: c.req.param() as Record<string, string>,
          scope,
          user,
          deps: services,
        })
      }
      if (cache === undefined || r.access === "public") return handle()
      if (r.method !== "get")
        try {
          return await handle()
        } finally {
          // Whatever the write did (or half did and rolled back), answers computed before it are gone.
          cache.invalidate()
        }
      if (r.produces !== undefined) return handle()
      return cachedRead(c, cache, `${user.id} ${c.req.url}`, handle)
    })
  }

  mountDocs(app)
  if (config.adminDist !== undefined) serveAdmin(app, config.adminDist)

  app.notFound((c) =>
    respond(
      c,
      new HttpProblem(404, TYPES.notFound, "Not found", {
        zh: `没有这个地址：${c.req.method} ${c.req.path}`,
        en: `no such route: ${c.req.method} ${c.req.path}`,
      }),
    ),
  )
  return { app, routes, services }
}
