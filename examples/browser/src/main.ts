// The page: re-evaluates on every change of the form and shows the verdict with its reasons.
import { evaluate, type Figures } from "./evaluate.js"

const form = document.querySelector<HTMLFormElement>("#firm")!
const verdict = document.querySelector<HTMLElement>("#verdict")!
const reasons = document.querySelector<HTMLElement>("#reasons")!

const render = () => {
  const read = (name: keyof Figures) => Number((form.elements.namedItem(name) as HTMLInputElement).value)
  const shown = evaluate({
    revenue: read("revenue"),
    rdExpense: read("rdExpense"),
    totalAssets: read("totalAssets"),
    totalLiabilities: read("totalLiabilities"),
  })
  verdict.textContent = shown.summary
  verdict.dataset["verdict"] = shown.verdict
  reasons.replaceChildren(
    ...shown.reasons.map((r) => {
      const li = document.createElement("li")
      li.textContent = r
      return li
    }),
  )
}

form.addEventListener("input", render)
render()
