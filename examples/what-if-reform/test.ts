// Checks the simulation: the budget moves by exactly the amount times the firms the reform newly makes eligible.
import assert from "node:assert/strict"
import { simulate } from "./reform.js"

const amount = 10
const s = simulate({ size: 3000, seed: 2022, rdIntensity: 2.5, amount })
const money = (lines: ReadonlyArray<{ readonly amount: number }>) => lines.reduce((sum, t) => sum + t.amount, 0)

// Lowering a ≥ threshold only ever helps: nobody eligible before is refused after.
assert.ok(s.changed.length > 0, "a 0.5-point cut of the R&D threshold changes some verdicts")
assert.ok(s.changed.every((c) => c.from !== "eligible"))

// Every newly eligible firm without the title is recognised once and paid once, at the what-if amount.
const newlyEligible = s.changed.filter((c) => c.to === "eligible").length
assert.ok(newlyEligible > 0)
assert.equal(s.reform.budget.lines - s.baseline.budget.lines, newlyEligible)
assert.equal(money(s.reform.budget.totals) - money(s.baseline.budget.totals), newlyEligible * amount)
assert.equal(s.reform.budget.unspecified, 0) // priced by the what-if

// The pack diff names the change: condition 2's R&D intensity, 3 → 2.5 from 2025-01-01.
assert.equal(s.thresholdChanges.length, 1)
assert.match(JSON.stringify(s.thresholdChanges[0]), /c2\.rd-intensity/)

// No reform, no change.
const same = simulate({ size: 500, seed: 2022, rdIntensity: 3, amount })
assert.equal(same.changed.length, 0)
assert.equal(money(same.reform.budget.totals), money(same.baseline.budget.totals))

console.log(
  `what-if-reform: ${s.changed.length} verdicts change, ${newlyEligible} newly eligible, budget +${newlyEligible * amount} 万元 — ok`,
)
