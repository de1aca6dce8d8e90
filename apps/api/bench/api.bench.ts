/**
 * The API benchmark: the server in a child process on loopback with PGlite storage, driven over HTTP.
 * Writes bench-results/api.json: readP99Ms and readRps (enterprise list and get at 200 connections), screenOneP99Ms,
 * import100kSeconds (a 100,000-row roster file) and screen100kSeconds (every stored enterprise — 100,000 imported
 * plus the demo seed — against one rule). Goals: readP99Ms < 50, import100kSeconds ≤ 30, screen100kSeconds ≤ 10.
 */
import { spawn } from "node:child_process"
import { request } from "node:http"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { cpus, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Roster, Synthetic } from "@srdi/core"
import autocannon from "autocannon"
import { stringify } from "csv-stringify/sync"

const root = fileURLToPath(new URL("../../..", import.meta.url))
const port = 18000 + Math.floor(Math.random() * 1000)
const base = `http://127.0.0.1:${port}`
const dataDir = mkdtempSync(join(tmpdir(), "srdi-bench-"))

// The built server, as `pnpm start` runs it (turbo builds it before `bench`), with the same V8 flag.
const server = spawn(process.execPath, ["--max-semi-space-size=64", "dist/server.js"], {
  cwd: fileURLToPath(new URL("..", import.meta.url)),
  env: {
    ...process.env,
    PORT: String(port),
    SRDI_DATA_DIR: dataDir,
    SRDI_DEMO: "true",
    SRDI_DEMO_SIZE: "1000",
    SRDI_UPLOAD_LIMIT: String(256 * 1024 * 1024),
  },
  stdio: ["ignore", "ignore", "inherit"],
})
const stop = () => {
  server.kill("SIGTERM")
}
process.on("exit", stop)

const waitUp = async () => {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error("the API did not start within 150 s")
}

// node:http without client timeouts: a 100k import can outlast fetch's default five-minute header timeout.
const post = (path: string, headers: Record<string, string>, body: string) =>
  new Promise<{ ok: boolean; status: number; json: () => Promise<unknown> }>((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Array<Buffer> = []
        res.on("data", (c: Buffer) => chunks.push(c))
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8")
          resolve({
            ok: (res.statusCode ?? 500) < 300,
            status: res.statusCode ?? 500,
            json: async () => JSON.parse(text),
          })
        })
      },
    )
    req.on("error", reject)
    req.end(body)
  })

const run = (opts: autocannon.Options) =>
  new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))),
  )

const main = async () => {
  await waitUp()
  const login = (await (
    await fetch(`${base}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "demo-admin" }),
    })
  ).json()) as { token: string }
  const auth = { authorization: `Bearer ${login.token}` }

  // A 100,000-row roster: 100,000 synthetic (labelled demo) firms, one year each, in two districts.
  const firms = Synthetic.population({
    seed: 100,
    size: 100_000,
    regions: ["500151", "500240"],
    lastYear: 2024,
    years: 3,
  }).map((e, i) => ({
    ...e,
    uscc: `91${e.region}MB${String(i).padStart(7, "0")}`,
    financials: e.financials.slice(-1),
    ip: [],
  }))
  const { Uscc } = await import("@srdi/core")
  const withIds = firms.map((e) => ({ ...e, uscc: Uscc.fromBody(e.uscc) }))
  const headers = Roster.templateRows("en")[0]!
  const rows = Roster.toRows(withIds, { headers: "en" })
  const csv = stringify(
    rows.map((r) => headers.map((h) => r[h] ?? "")),
    { header: true, columns: headers },
  )
  process.stderr.write(`roster: ${rows.length} rows, ${(csv.length / 1e6).toFixed(1)} MB\n`)

  let t = performance.now()
  const imported = await post("/imports?filename=bench.csv", { ...auth, "content-type": "text/csv" }, csv)
  const import100kSeconds = (performance.now() - t) / 1000
  const importBody = (await imported.json()) as { inserted?: number; detail?: string }
  if (!imported.ok) throw new Error(`import failed: ${imported.status} ${importBody.detail}`)
  process.stderr.write(`import: ${importBody.inserted} in ${import100kSeconds.toFixed(1)} s\n`)

  t = performance.now()
  const screened = await post(
    "/screenings",
    { ...auth, "content-type": "application/json" },
    JSON.stringify({ pack: "cn-miit-tiers", rule: "srdi-sme-63", asOf: "2025-06-30" }),
  )
  const screen100kSeconds = (performance.now() - t) / 1000
  const screenBody = (await screened.json()) as { screening?: { count: number } }
  if (!screened.ok) throw new Error(`screening failed: ${screened.status}`)
  process.stderr.write(`screen: ${screenBody.screening?.count} in ${screen100kSeconds.toFixed(1)} s\n`)

  const uscc = withIds[500]!.uscc
  const reads = await run({
    url: base,
    connections: 200,
    duration: 10,
    headers: auth,
    requests: [
      { method: "GET", path: "/enterprises?limit=20&region=500151" },
      { method: "GET", path: `/enterprises/${uscc}` },
    ],
  })
  const one = await run({
    url: base,
    connections: 10,
    duration: 5,
    requests: [
      {
        method: "POST",
        path: "/screenings",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ pack: "cn-miit-tiers", rule: "srdi-sme-63", asOf: "2025-06-30", uscc }),
      },
    ],
  })
  const result = {
    storage: "pglite",
    // The server, autocannon and anything else running share these cores: the load average says how much else did.
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? "unknown",
      node: process.version,
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    readCache: "on (PGlite default; see docs/api/performance.md)",
    readP50Ms: reads.latency.p50,
    readP99Ms: reads.latency.p99,
    readRps: reads.requests.average,
    readErrors: reads.errors + reads.non2xx,
    screenOneP99Ms: one.latency.p99,
    screenOneRps: one.requests.average,
    import100kSeconds: Math.round(import100kSeconds * 100) / 100,
    screen100kSeconds: Math.round(screen100kSeconds * 100) / 100,
    screenedEnterprises: screenBody.screening?.count ?? 0,
    goals: { readP99Ms: 50, import100kSeconds: 30, screen100kSeconds: 10 },
    at: new Date().toISOString(),
  }
  mkdirSync(join(root, "bench-results"), { recursive: true })
  writeFileSync(join(root, "bench-results/api.json"), JSON.stringify(result, null, 2) + "\n")
  process.stdout.write(JSON.stringify(result, null, 2) + "\n")
}

main()
  .catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`)
    process.exitCode = 1
  })
  .finally(() => {
    stop()
    setTimeout(() => rmSync(dataDir, { recursive: true, force: true }), 2000).unref()
  })
