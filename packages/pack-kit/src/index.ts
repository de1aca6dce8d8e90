/**
 * @srdi/pack-kit — load, validate, build and test SRDI policy packs from their YAML files (Node).
 *
 * @since 0.1.0
 */
export { type Built, buildPack } from "./build.js"
export { run } from "./cli.js"
export {
  type Loaded,
  type LoadOptions,
  loadPackDir,
  loadResolved,
  type PackResolver,
  readPackFiles,
  readPackSource,
  resolvePackDir,
} from "./load.js"
export { formatIssues, formatResults } from "./report.js"
export { type LocatedResult, testPack } from "./test-pack.js"
