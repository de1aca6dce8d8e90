/** The shared building blocks of the admin's pages. */
export { default as AsyncView } from "./AsyncView.svelte"
export { default as Chart } from "./Chart.svelte"
export { default as Field } from "./Field.svelte"
export { default as ProblemMessage } from "./ProblemMessage.svelte"
export { default as VerdictBadge } from "./VerdictBadge.svelte"
export { default as VirtualTable } from "./VirtualTable.svelte"
export { default as Why } from "./Why.svelte"
