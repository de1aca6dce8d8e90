import { Synthetic } from "@srdi/core"
import { and, asc, count, eq } from "drizzle-orm"
import { openDatabase } from "./src/db/client.js"
import { enterprises } from "./src/db/schema.js"
import { seedDemoPopulation } from "./src/seed/index.js"
let t = performance.now()
const d = await openDatabase({ kind: "pglite", dataDir: "/tmp/perf-pg" })
const n = (await d.db.select({ n: count() }).from(enterprises))[0]!.n
if (n === 0) await seedDemoPopulation(d.db, Synthetic.population({ seed: 5, size: 100000, regions: ["500151", "500240"] }))
console.log("ready", performance.now() - t); t = performance.now()
for (let i = 0; i < 3; i++) { await d.db.select({ n: count() }).from(enterprises).where(eq(enterprises.region, "500151")); console.log("count", performance.now() - t); t = performance.now() }
for (let i = 0; i < 3; i++) { await d.db.select({ uscc: enterprises.uscc, name: enterprises.name }).from(enterprises).where(and(eq(enterprises.region, "500151"))).orderBy(asc(enterprises.uscc)).limit(20); console.log("list", performance.now() - t); t = performance.now() }
const one = (await d.db.select({ uscc: enterprises.uscc }).from(enterprises).limit(1).offset(5000))[0]!.uscc
for (let i = 0; i < 3; i++) { await d.db.select().from(enterprises).where(eq(enterprises.uscc, one)); console.log("get", performance.now() - t); t = performance.now() }
await d.close()
