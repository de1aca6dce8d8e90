/**
 * Sessions: a random token handed to the client (cookie or Bearer) and stored only as its SHA-256, so a leaked
 * database does not leak live sessions. Principals are cached briefly so reads do not pay a lookup each time.
 */
import { createHash, randomBytes } from "node:crypto"
import { eq, sql } from "drizzle-orm"
import { rows, type Db } from "../db/client.js"
import { sessions, users } from "../db/schema.js"
import type { Principal, Role } from "../middleware/scope.js"

const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex")

/** The region codes at and under a region (the region tree is the `regions` table). */
export const regionsUnder = async (db: Db, code: string): Promise<Set<string>> => {
  const found = await rows<{ code: string }>(
    db,
    sql`with recursive t(code) as (select ${code}::text union select r.code from regions r join t on r.parent = t.code) select code from t`,
  )
  return new Set(found.map((r) => r.code))
}

/** The principal of a user row: municipal admins and city-wide viewers see everything. */
export const principalOf = async (
  db: Db,
  u: { id: number; username: string; displayName: string; role: string; region: string | null; unit: string | null },
): Promise<Principal> => {
  const role = u.role as Role
  const cityWide = role === "municipal_admin" || u.region === null
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role,
    region: u.region,
    unit: u.unit,
    regions: cityWide ? null : await regionsUnder(db, u.region!),
  }
}

/** Session storage with a short in-process cache. */
export class SessionStore {
  private readonly cache = new Map<string, { principal: Principal; until: number }>()

  constructor(
    private readonly db: Db,
    private readonly hours: number,
  ) {}

  /** Opens a session for a user and returns its token. */
  async open(userId: number): Promise<{ token: string; expiresAt: string }> {
    const token = randomBytes(32).toString("base64url")
    const expiresAt = new Date(Date.now() + this.hours * 3_600_000).toISOString()
    await this.db.insert(sessions).values({ tokenHash: hashToken(token), userId, expiresAt })
    return { token, expiresAt }
  }

  /** The principal of a live session, or undefined. */
  async lookup(token: string): Promise<Principal | undefined> {
    const key = hashToken(token)
    const now = Date.now()
    const hit = this.cache.get(key)
    if (hit !== undefined && hit.until > now) return hit.principal
    const found = await this.db
      .select({ user: users, expiresAt: sessions.expiresAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, key))
      .limit(1)
    const row = found[0]
    if (row === undefined || Date.parse(row.expiresAt) <= now) {
      this.cache.delete(key)
      return undefined
    }
    const principal = await principalOf(this.db, row.user)
    if (this.cache.size > 50_000) this.cache.clear()
    this.cache.set(key, { principal, until: Math.min(now + 30_000, Date.parse(row.expiresAt)) })
    return principal
  }

  /** Ends a session. */
  async close(token: string): Promise<void> {
    const key = hashToken(token)
    this.cache.delete(key)
    await this.db.delete(sessions).where(eq(sessions.tokenHash, key))
  }
}
