/**
 * Configuration from the environment (every setting documented in docs/api/configuration.md).
 */
import { resolve } from "node:path"
import type { AppConfig } from "./http/route.js"

/** Everything the server reads at start. */
export interface ServerConfig {
  readonly port: number
  readonly host: string
  readonly databaseUrl: string | undefined
  readonly dataDir: string
  readonly seedPacks: boolean
  readonly seedDemo: boolean
  readonly demoSize: number
  readonly adminPassword: string | undefined
  readonly shutdownGraceMs: number
  readonly app: AppConfig
}

const int = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name]
  if (raw === undefined || raw === "") return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}" / ${name} 应为非负整数`)
  return n
}

const flag = (env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean => {
  const raw = env[name]
  if (raw === undefined || raw === "") return fallback
  if (/^(1|true|yes|on)$/i.test(raw)) return true
  if (/^(0|false|no|off)$/i.test(raw)) return false
  throw new Error(`${name} must be true or false, got "${raw}" / ${name} 应为 true 或 false`)
}

/** Reads the configuration; throws naming the variable when one is malformed. */
export const fromEnv = (env: NodeJS.ProcessEnv = process.env): ServerConfig => ({
  port: int(env, "PORT", 8787),
  host: env.HOST ?? "127.0.0.1",
  databaseUrl: env.DATABASE_URL === "" ? undefined : env.DATABASE_URL,
  dataDir: resolve(env.SRDI_DATA_DIR ?? ".data/pglite"),
  seedPacks: flag(env, "SRDI_SEED_PACKS", true),
  seedDemo: flag(env, "SRDI_DEMO", true),
  demoSize: int(env, "SRDI_DEMO_SIZE", 3000),
  adminPassword: env.SRDI_ADMIN_PASSWORD === "" ? undefined : env.SRDI_ADMIN_PASSWORD,
  shutdownGraceMs: int(env, "SRDI_SHUTDOWN_GRACE_MS", 10_000),
  app: {
    cookieSecure: flag(env, "SRDI_COOKIE_SECURE", false),
    corsOrigins: (env.SRDI_CORS_ORIGINS ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== ""),
    bodyLimitBytes: int(env, "SRDI_BODY_LIMIT", 1024 * 1024),
    uploadLimitBytes: int(env, "SRDI_UPLOAD_LIMIT", 64 * 1024 * 1024),
    loginAttemptsPerMinute: int(env, "SRDI_LOGIN_PER_MINUTE", 10),
    sessionHours: int(env, "SRDI_SESSION_HOURS", 12),
    ...(env.SRDI_READ_CACHE !== undefined && env.SRDI_READ_CACHE !== ""
      ? { readCache: flag(env, "SRDI_READ_CACHE", false) }
      : {}),
    ...(env.SRDI_ADMIN_DIST !== undefined ? { adminDist: resolve(env.SRDI_ADMIN_DIST) } : {}),
  },
})
