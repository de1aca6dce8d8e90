/**
 * Screening benchmark (`pnpm bench`, not a test): a seeded synthetic population of 1,000,000 enterprises screened
 * against seed 003's hard-tech pool criteria and against the MIIT 63号 创新型中小企业 points table, in verdict mode
 * and in trace mode, beside the same hard-tech criteria as a hand-written TypeScript loop and as json-rules-engine
 * rules. Prints a table and writes bench-results/core.json at the repository root.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import os from "node:os"
import { dirname, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { type Enterprise, Rule, Synthetic } from "../src/index.js"
import { hardTechPool } from "../test/fixtures/hard-tech-003.js"
import { innovativeSme } from "../test/fixtures/innovative-sme-63.js"
import { handWritten } from "./hand-written.js"
import { jsonRulesEngine } from "./json-rules-engine.js"

const SIZE = Number(process.env.BENCH_SIZE ?? 1_000_000)
const JRE_SUBSET = 20_000
const SEED = 2023_11_24
const asOf = "2025-06-30"
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

const time = <A>(f: () => A): { readonly ms: number; readonly result: A } => {
  gc()
  const t = performance.now()
  const result = f()
  return { ms: performance.now() - t, result }
}

console.log(`Generating ${SIZE.toLocaleString("en-US")} synthetic enterprises (seed ${SEED})...`)
const generated = time(() => Synthetic.population({ seed: SEED, size: SIZE }))
const population: ReadonlyArray<Enterprise.Enterprise> = generated.result
const warm = population.slice(0, 50_000)

const hardTech = Rule.compile(hardTechPool, { asOf })
const points = Rule.compile(innovativeSme, { asOf })
const hand = handWritten(asOf)
const jre = jsonRulesEngine(asOf)

const countVerdicts = (
  verdict: (e: Enterprise.Enterprise) => Rule.Verdict,
  items: ReadonlyArray<Enterprise.Enterprise>,
) => {
  const counts: Record<Rule.Verdict, number> = { eligible: 0, ineligible: 0, needs_review: 0, insufficient_data: 0 }
  for (let i = 0; i < items.length; i++) counts[verdict(items[i]!)]++
  return counts
}

const countTrace = (compiled: Rule.Compiled, items: ReadonlyArray<Enterprise.Enterprise>) => {
  const counts: Record<Rule.Verdict, number> = { eligible: 0, ineligible: 0, needs_review: 0, insufficient_data: 0 }
  let traceNodes = 0
  for (let i = 0; i < items.length; i++) {
    const ev = compiled.evaluate(items[i]!)
    counts[ev.verdict]++
    traceNodes += ev.trace.length
  }
  return { counts, traceNodes }
}

const countReasons = (compiled: Rule.Compiled, items: ReadonlyArray<Enterprise.Enterprise>) => {
  let sentences = 0
  for (let i = 0; i < items.length; i++) {
    const ev = compiled.evaluate(items[i]!)
    sentences += ev.reasons.zh.length + ev.reasons.en.length
  }
  return sentences
}

// Warm up every contender on the same 50k before timing it.
for (let k = 0; k < 3; k++) {
  countVerdicts(hardTech.verdict, warm)
  countVerdicts(points.verdict, warm)
  countVerdicts(hand, warm)
  countTrace(hardTech, warm.slice(0, 20_000))
}

const hardTechRun = time(() => countVerdicts(hardTech.verdict, population))
const pointsRun = time(() => countVerdicts(points.verdict, population))
const handRun = time(() => countVerdicts(hand, population))
const traceRun = time(() => countTrace(hardTech, population))
const REASONS_SUBSET = 200_000
countReasons(hardTech, warm.slice(0, 10_000))
const reasonsRun = time(() => countReasons(hardTech, population.slice(0, REASONS_SUBSET)))

const same = JSON.stringify(hardTechRun.result) === JSON.stringify(handRun.result)
if (!same)
  throw new Error(
    `hand-written loop and compiled rule disagree: ${JSON.stringify([hardTechRun.result, handRun.result])}`,
  )
if (JSON.stringify(traceRun.result.counts) !== JSON.stringify(hardTechRun.result))
  throw new Error("trace mode and verdict mode disagree")

// json-rules-engine: a 20k subset (async per run), rate extrapolated to 1M.
const subset = population.slice(0, JRE_SUBSET)
for (const e of warm.slice(0, 2_000)) await jre(e)
gc()
const jreStart = performance.now()
let jreEligible = 0
for (const e of subset) if (await jre(e)) jreEligible++
const jreMs = performance.now() - jreStart
const ourSubsetEligible = countVerdicts(hardTech.verdict, subset).eligible
if (jreEligible !== ourSubsetEligible)
  throw new Error(`json-rules-engine found ${jreEligible} eligible, the compiled rule ${ourSubsetEligible}`)

const rate = (n: number, ms: number) => (n / ms) * 1000
const ours = rate(SIZE, hardTechRun.ms)
const pointsRate = rate(SIZE, pointsRun.ms)
const handRate = rate(SIZE, handRun.ms)
const traceRate = rate(SIZE, traceRun.ms)
const reasonsRate = rate(REASONS_SUBSET, reasonsRun.ms)
const jreRate = rate(JRE_SUBSET, jreMs)
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
const cpus = os.cpus()
const machine = {
  cpu: cpus[0]?.model ?? "unknown",
  cores: cpus.length,
  totalMemoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100,
}

const row = (name: string, n: number, ms: number, note: string) => ({
  contender: name,
  enterprises: n,
  seconds: Math.round(ms) / 1000,
  perSecond: Math.round(rate(n, ms)),
  secondsPer1M: Math.round((1_000_000 / rate(n, ms)) * 1000) / 1000,
  note,
})
const rows = [
  row("compiled rule, verdict (seed 003 hard-tech)", SIZE, hardTechRun.ms, JSON.stringify(hardTechRun.result)),
  row("compiled rule, verdict (63号 points table)", SIZE, pointsRun.ms, JSON.stringify(pointsRun.result)),
  row(
    "compiled rule, trace (seed 003 hard-tech)",
    SIZE,
    traceRun.ms,
    `${traceRun.result.traceNodes} trace nodes; reasons not read`,
  ),
  row(
    "compiled rule, trace + zh/en reasons read",
    REASONS_SUBSET,
    reasonsRun.ms,
    `${REASONS_SUBSET} subset, extrapolated`,
  ),
  row("hand-written TypeScript loop", SIZE, handRun.ms, "same verdict counts as the compiled rule"),
  row(
    "json-rules-engine 7 (same criteria)",
    JRE_SUBSET,
    jreMs,
    `${JRE_SUBSET} subset, extrapolated; eligible/not only`,
  ),
]
console.table(rows)

const result = {
  benchmark: "srdi core screening",
  date: new Date().toISOString(),
  population: { size: SIZE, seed: SEED, generatorSeconds: Math.round(generated.ms) / 1000, asOf },
  enterprisesPerSecond: Math.round(ours),
  secondsPer1M: Math.round((1_000_000 / ours) * 1000) / 1000,
  pointsTableEnterprisesPerSecond: Math.round(pointsRate),
  vsJsonRulesEngine: Math.round((ours / jreRate) * 10) / 10,
  vsHandWritten: Math.round((ours / handRate) * 100) / 100,
  traceSlowdown: Math.round((traceRate > 0 ? ours / traceRate : 0) * 100) / 100,
  traceWithReasonsSlowdown: Math.round((ours / reasonsRate) * 100) / 100,
  peakRssMb,
  goals: { vsJsonRulesEngine: ">= 50", vsHandWritten: ">= 0.25", secondsPer1M: "<= 2", traceSlowdown: "<= 5" },
  notes: [
    `json-rules-engine timed on a ${JRE_SUBSET.toLocaleString("en-US")} subset and extrapolated; it decides eligible/not only`,
    `trace mode timed over the full population; reasons are written on first read, so their cost is timed separately on ${REASONS_SUBSET.toLocaleString("en-US")} (traceWithReasonsSlowdown)`,
    "each contender warmed up on the same 50k enterprises; population generation not counted",
  ],
  rows,
  machine,
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..")
mkdirSync(resolve(root, "bench-results"), { recursive: true })
writeFileSync(resolve(root, "bench-results/core.json"), `${JSON.stringify(result, null, 2)}\n`)
console.log(
  `ours ${Math.round(ours).toLocaleString("en-US")}/s · ${result.secondsPer1M}s per 1M · vs json-rules-engine ×${result.vsJsonRulesEngine} · vs hand-written ×${result.vsHandWritten} · trace slowdown ×${result.traceSlowdown} (with reasons ×${result.traceWithReasonsSlowdown}) · peak RSS ${peakRssMb} MB`,
)
console.log(
  `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.totalMemoryGb} GB, node ${machine.node}; wrote bench-results/core.json`,
)
