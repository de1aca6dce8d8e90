/**
 * @srdi/pack-kit — load, validate, build and test SRDI policy packs from their YAML files (Node).
 *
 * @since 0.1.0
 */
export { loadPackDir, readPackFiles, readPackSource } from "./load.js"
