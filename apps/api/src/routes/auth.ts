/**
 * Login, logout and the current user. Sessions travel as an HttpOnly, SameSite=Strict cookie (Secure over HTTPS)
 * for browsers, or as `Authorization: Bearer <token>` for curl and scripts. Logins are rate-limited.
 */
import { eq } from "drizzle-orm"
import { Schema } from "effect"
import { deleteCookie, setCookie } from "hono/cookie"
import { getConnInfo } from "@hono/node-server/conninfo"
import { verifyPassword } from "../auth/password.js"
import { principalOf } from "../auth/sessions.js"
import { users } from "../db/schema.js"
import { HttpProblem, TYPES } from "../http/problem.js"
import { route } from "../http/route.js"
import { ROLES } from "../middleware/scope.js"

/** The session cookie's name. */
export const COOKIE = "srdi_session"

const Me = Schema.Struct({
  username: Schema.String,
  displayName: Schema.String,
  role: Schema.Literal(...ROLES),
  region: Schema.NullOr(Schema.String),
  unit: Schema.NullOr(Schema.String),
}).annotations({ identifier: "Me" })

const Login = Schema.Struct({
  username: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100)),
  password: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200)),
}).annotations({ identifier: "Login" })

// A fixed hash to compare against when the user does not exist, so timing does not reveal usernames.
const DUMMY = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

const clientAddress = (c: Parameters<typeof getConnInfo>[0]): string => {
  try {
    return getConnInfo(c).remote.address ?? "local"
  } catch {
    return "local" // app.request() in tests has no socket
  }
}

const me = (p: {
  username: string
  displayName: string
  role: string
  region: string | null
  unit: string | null
}) => ({
  username: p.username,
  displayName: p.displayName,
  role: p.role,
  region: p.region,
  unit: p.unit,
})

/** The auth routes. */
export const authRoutes = [
  route({
    method: "post",
    path: "/auth/login",
    tag: "auth",
    summary: "Log in: sets the session cookie and returns a bearer token",
    access: "public",
    body: Login,
    response: Schema.Struct({ token: Schema.String, expiresAt: Schema.String, user: Me }),
    handler: async ({ c, body, deps }) => {
      const wait = deps.loginLimiter.hit(`${clientAddress(c)}|${body.username}`)
      if (wait > 0)
        throw new HttpProblem(
          429,
          TYPES.rateLimited,
          "Too many login attempts",
          { zh: `登录尝试过多，请 ${wait} 秒后再试`, en: `too many login attempts; retry in ${wait} s` },
          [],
          { "retry-after": String(wait) },
        )
      const db = deps.database.db
      const found = (await db.select().from(users).where(eq(users.username, body.username)).limit(1))[0]
      const ok = await verifyPassword(body.password, found?.passwordHash ?? DUMMY)
      if (found === undefined || !ok)
        throw new HttpProblem(401, TYPES.unauthorized, "Login failed", {
          zh: "用户名或密码错误",
          en: "wrong username or password",
        })
      const session = await deps.sessions.open(found.id)
      setCookie(c, COOKIE, session.token, {
        httpOnly: true,
        secure: deps.config.cookieSecure,
        sameSite: "Strict",
        path: "/",
        expires: new Date(session.expiresAt),
      })
      deps.logger.info("login", { user: found.username })
      const principal = await principalOf(db, found)
      return c.json({ token: session.token, expiresAt: session.expiresAt, user: me(principal) })
    },
  }),
  route({
    method: "post",
    path: "/auth/logout",
    tag: "auth",
    summary: "Log out: ends the session",
    access: "read",
    status: 204,
    handler: async ({ c, deps }) => {
      const token = c.get("token" as never) as string | undefined
      if (token !== undefined) await deps.sessions.close(token)
      deleteCookie(c, COOKIE, { path: "/" })
      return c.body(null, 204)
    },
  }),
  route({
    method: "get",
    path: "/auth/me",
    tag: "auth",
    summary: "The signed-in user, role, region and unit",
    access: "read",
    response: Me,
    handler: async ({ c, user }) => c.json(me(user)),
  }),
]
