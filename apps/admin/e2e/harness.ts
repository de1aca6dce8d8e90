/**
 * Starts the real API (its built dist/server.js) on a free port over a fresh PGlite directory, serving this app's
 * build, and Debian's Chromium through playwright-core with a fresh profile.
 */
import { spawn, type ChildProcess } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { chromium, type BrowserContext } from "playwright-core"

const here = dirname(fileURLToPath(import.meta.url))
export const ADMIN_DIST = resolve(here, "../dist")
export const API_SERVER = resolve(here, "../../api/dist/server.js")
export const SCREENSHOTS = resolve(here, "../screenshots")
export const CHROMIUM = process.env.SRDI_CHROMIUM ?? "/usr/bin/chromium"

const freePort = () =>
  new Promise<number>((ok, fail) => {
    const s = createServer()
    s.once("error", fail)
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port
      s.close(() => ok(port))
    })
  })

/** A running API. */
export interface Api {
  readonly url: string
  readonly stop: () => Promise<void>
}

/** Starts the API with the demo data and waits for /health. */
export const startApi = async (): Promise<Api> => {
  if (!existsSync(API_SERVER))
    throw new Error(`build the API first: ${API_SERVER} is missing (pnpm --filter @srdi/api build)`)
  if (!existsSync(join(ADMIN_DIST, "index.html")))
    throw new Error(`build the admin first: ${ADMIN_DIST}/index.html is missing`)
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), "srdi-admin-e2e-"))
  let log = ""
  const child: ChildProcess = spawn(process.execPath, [API_SERVER], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      SRDI_DATA_DIR: dataDir,
      SRDI_ADMIN_DIST: ADMIN_DIST,
      SRDI_DEMO_SIZE: "1200",
      SRDI_LOGIN_PER_MINUTE: "1000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  child.stdout?.on("data", (b: Buffer) => (log += b.toString()))
  child.stderr?.on("data", (b: Buffer) => (log += b.toString()))
  const url = `http://127.0.0.1:${port}`
  // Seeding the demo population takes ~20 s on an idle 2-core machine and far longer on a loaded one.
  const deadline = Date.now() + 360_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${log}`)
    try {
      if ((await fetch(`${url}/health`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API did not start in time:\n${log}`)
    await new Promise((r) => setTimeout(r, 300))
  }
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM")
      await new Promise((r) => child.once("exit", r))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Chromium with a fresh profile; close it to remove the profile. */
export const launch = async (): Promise<{ context: BrowserContext; close: () => Promise<void> }> => {
  const profile = mkdtempSync(join(tmpdir(), "srdi-admin-chromium-"))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1360, height: 900 },
    locale: "zh-CN",
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Logs in through the API (for test set-up steps that are not what is being tested). */
export const token = async (url: string, username: string, password: string): Promise<string> => {
  const res = await fetch(`${url}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  })
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`)
  return ((await res.json()) as { token: string }).token
}
