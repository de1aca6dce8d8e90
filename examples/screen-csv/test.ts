// Runs the example and checks what it prints against the criteria of 工信部企业〔2022〕63号 附件1.
import assert from "node:assert/strict"
import { fileURLToPath } from "node:url"
import { screenFile } from "./screen.js"

const csv = fileURLToPath(new URL("enterprises.csv", import.meta.url))
const { results, errors } = await screenFile(csv, "2025-06-30")
const byUscc = new Map(results.map((r) => [r.enterprise.uscc as string, r.evaluation]))

// 4.99% R&D intensity scores 15 of 20; debt ratio 50%; total 85 ≥ 60.
const strong = byUscc.get("91500151MA7000001P")
assert.equal(strong?.verdict, "eligible")
assert.equal(strong?.score, 85)
assert.match(strong?.reasons.zh[0] ?? "", /85分/)

// R&D 0.5% of revenue, debt ratio 90%, no Class I IP: far below the 60-point mark.
const weak = byUscc.get("91500151MA7000002T")
assert.equal(weak?.verdict, "ineligible")
assert.ok((weak?.score ?? 100) < 60)

// No R&D expense, assets or IP for 2024: the rule names what it needs instead of guessing.
const partial = byUscc.get("91500151MA7000003X")
assert.equal(partial?.verdict, "insufficient_data")
assert.ok(partial?.missing.includes("financials[2024].rdExpense"))

// The fourth firm's USCC has a wrong check character: its row is reported, the firm left out.
assert.equal(results.length, 3)
assert.equal(errors.length, 1)
assert.equal(errors[0]?.row, 9)
assert.match(errors[0]?.message.en ?? "", /check character/)

console.log("screen-csv: 3 firms screened (eligible 85 / ineligible / insufficient data), 1 bad row reported — ok")
