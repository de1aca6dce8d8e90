/**
 * @srdi/cli — the `srdi` command, and the table reading/writing it uses (also used by the reference API).
 *
 * @since 0.1.0
 */
export { run, type Io } from "./program.js"
export { readTable, writeTable, formatOf, TableReadError, type Table, type Cell, type TableFormat } from "./io/table.js"
export { EXIT } from "./lang.js"
