/**
 * Users: the demo logins (one per role, fixed documented passwords — only ever created together with the demo
 * data and printed as such), and the first municipal admin of a real deployment (password from the environment).
 */
import { eq } from "drizzle-orm"
import { hashPassword } from "../auth/password.js"
import type { Db } from "../db/client.js"
import { users } from "../db/schema.js"
import type { Role } from "../middleware/scope.js"

/** A user to create. */
export interface NewUser {
  readonly username: string
  readonly displayName: string
  readonly password: string
  readonly role: Role
  readonly region: string | null
  readonly unit: string | null
}

/** The demo logins: municipal admin, Tongliang and Shizhu district admins, a Tongliang unit officer, a viewer. */
export const DEMO_USERS: ReadonlyArray<NewUser> = [
  {
    username: "admin",
    displayName: "市经济信息委（演示）",
    password: "demo-admin",
    role: "municipal_admin",
    region: "500000",
    unit: null,
  },
  {
    username: "tongliang",
    displayName: "铜梁区经济信息委（演示）",
    password: "demo-tongliang",
    role: "district_admin",
    region: "500151",
    unit: null,
  },
  {
    username: "shizhu",
    displayName: "石柱县经济信息委（演示）",
    password: "demo-shizhu",
    role: "district_admin",
    region: "500240",
    unit: null,
  },
  {
    username: "tl-officer",
    displayName: "铜梁区科技局 经办人（演示）",
    password: "demo-officer",
    role: "unit_officer",
    region: "500151",
    unit: "tl-kjj",
  },
  {
    username: "viewer",
    displayName: "只读用户（演示）",
    password: "demo-viewer",
    role: "viewer",
    region: null,
    unit: null,
  },
]

/** Creates users that do not exist yet (by username); returns the ones created. */
export const ensureUsers = async (db: Db, list: ReadonlyArray<NewUser>): Promise<Array<NewUser>> => {
  const created: Array<NewUser> = []
  for (const u of list) {
    const existing = await db.select({ id: users.id }).from(users).where(eq(users.username, u.username)).limit(1)
    if (existing.length > 0) continue
    await db.insert(users).values({
      username: u.username,
      displayName: u.displayName,
      passwordHash: await hashPassword(u.password),
      role: u.role,
      region: u.region,
      unit: u.unit,
    })
    created.push(u)
  }
  return created
}
