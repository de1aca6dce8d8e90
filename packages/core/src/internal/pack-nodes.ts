/**
 * Walking rule trees with the path to each node, for validation messages and diffs.
 *
 * @internal
 */
import type { Node } from "../Rule.js"

/** Every node of a tree, depth first, with its path written from `prefix` (e.g. `rules[0].root.of[1]`). */
export const ruleNodes = (
  root: Node,
  prefix: string,
): ReadonlyArray<{ readonly node: Node; readonly path: string }> => {
  const out: Array<{ node: Node; path: string }> = []
  const walk = (node: Node, path: string): void => {
    out.push({ node, path })
    switch (node.kind) {
      case "all":
      case "any":
      case "atLeast":
        node.of.forEach((child, i) => walk(child, `${path}.of[${i}]`))
        break
      case "not":
        walk(node.of, `${path}.of`)
        break
      case "switch":
        node.cases.forEach((c, i) => walk(c.rule, `${path}.cases[${i}].rule`))
        break
      case "score":
        node.items.forEach((item, i) => walk(item, `${path}.items[${i}]`))
        break
      case "points":
        node.cases?.forEach((c, i) => walk(c.when, `${path}.cases[${i}].when`))
        break
      default:
        break
    }
  }
  walk(root, prefix)
  return out
}
