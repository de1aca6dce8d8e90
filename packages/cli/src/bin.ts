#!/usr/bin/env node
import { run } from "./program.js"

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // A bug, not a user error: show it whole so it can be reported.
    console.error(error)
    process.exitCode = 70
  },
)
