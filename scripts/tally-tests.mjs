#!/usr/bin/env node
// Sums the test counts a `turbo run test` log reports (vitest files, pack YAML cases, docs snippets) into one
// closing line, "check: N passed, M failed", so a reader of the log sees the whole suite's size at a glance.
import { readFileSync } from "node:fs"

const text = readFileSync(process.argv[2] ?? 0, "utf8").replace(/\u001b\[[0-9;]*m/g, "")
let passed = 0
let failed = 0
for (const line of text.split("\n")) {
  const vitest = /^\S+:test:\s+Tests\s+(?:(\d+) failed \| )?(\d+) passed/.exec(line)
  if (vitest) {
    failed += Number(vitest[1] ?? 0)
    passed += Number(vitest[2])
    continue
  }
  const other = /^\S+:test: (?:\d+ case\(s\), )?(\d+) passed, (\d+) failed\s*$/.exec(line)
  if (other) {
    passed += Number(other[1])
    failed += Number(other[2])
  }
}
console.log(`check: ${passed} passed, ${failed} failed`)
