/**
 * Crash test: the real server (a child process on PGlite files) is killed with SIGKILL in the middle of a large
 * import. After a restart on the same data directory, the import committed before is intact and nothing of the
 * interrupted one exists — no enterprise, no history row, no import record.
 */
import { spawn, type ChildProcess } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { request } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Roster, Synthetic, Uscc } from "@srdi/core"
import { stringify } from "csv-stringify/sync"
import { afterAll, describe, expect, it } from "@effect/vitest"

const cwd = fileURLToPath(new URL("..", import.meta.url))
const dataDir = mkdtempSync(join(tmpdir(), "srdi-crash-"))
const port = 19000 + Math.floor(Math.random() * 1000)
const base = `http://127.0.0.1:${port}`

const start = (): ChildProcess =>
  spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd,
    env: {
      ...process.env,
      PORT: String(port),
      SRDI_DATA_DIR: dataDir,
      SRDI_DEMO: "true",
      SRDI_DEMO_SIZE: "0",
      SRDI_UPLOAD_LIMIT: String(128 * 1024 * 1024),
    },
    stdio: "ignore",
  })

const up = async () => {
  for (let i = 0; i < 400; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error("server did not start")
}

const post = (path: string, headers: Record<string, string>, body: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } },
      (res) => {
        res.resume()
        res.on("end", () => resolve(res.statusCode ?? 0))
      },
    )
    req.on("error", reject)
    req.end(body)
  })

const roster = (seed: number, size: number, prefix: string) => {
  const firms = Synthetic.population({ seed, size, regions: ["500151"], years: 3 }).map((e, i) => ({
    ...e,
    uscc: Uscc.fromBody(`91500151${prefix}${String(i).padStart(7, "0")}`),
  }))
  const headers = Roster.templateRows("en")[0]!
  return {
    firms,
    csv: stringify(
      Roster.toRows(firms, { headers: "en" }).map((r) => headers.map((h) => r[h] ?? "")),
      { header: true, columns: headers },
    ),
  }
}

describe("a server killed during an import", () => {
  let server: ChildProcess | undefined
  afterAll(() => {
    server?.kill("SIGKILL")
    rmSync(dataDir, { recursive: true, force: true })
  })

  it("keeps what was committed before and nothing half-written", { timeout: 600_000 }, async () => {
    server = start()
    await up()
    const login = async () =>
      (
        (await (
          await fetch(`${base}/auth/login`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ username: "admin", password: "demo-admin" }),
          })
        ).json()) as { token: string }
      ).token
    let auth = { authorization: `Bearer ${await login()}`, "content-type": "text/csv" }

    const before = roster(1, 200, "MA")
    expect(await post("/imports", auth, before.csv)).toBe(201)

    const big = roster(2, 30_000, "MC")
    const interrupted = post("/imports", auth, big.csv).then(
      (status) => ({ finished: true, status }),
      (e: Error) => ({ finished: false, status: e.message }),
    )
    // Kill while the import is being written (30,000 firms take far longer than this on PGlite).
    await new Promise((r) => setTimeout(r, 4000))
    server.kill("SIGKILL")
    const outcome = await interrupted
    expect(outcome.finished).toBe(false)

    server = start()
    await up()
    auth = { ...auth, authorization: `Bearer ${await login()}` }
    const list = (await (await fetch(`${base}/enterprises?limit=1`, { headers: auth })).json()) as { total: number }
    expect(list.total).toBe(before.firms.length)
    for (const e of [before.firms[0]!, before.firms[199]!]) {
      const res = await fetch(`${base}/enterprises/${e.uscc}/history`, { headers: auth })
      expect(((await res.json()) as { items: Array<{ change: string }> }).items.map((i) => i.change)).toEqual([
        "import:1",
      ])
    }
    expect((await fetch(`${base}/enterprises/${big.firms[0]!.uscc}`, { headers: auth })).status).toBe(404)
    expect((await fetch(`${base}/enterprises/${big.firms[0]!.uscc}/history`, { headers: auth })).status).toBe(404)
    const audit = (await (
      await fetch(`${base}/audit?entity=enterprise&actor=admin&limit=1`, { headers: auth })
    ).json()) as { total: number }
    expect(audit.total).toBe(before.firms.length)
  })
})
