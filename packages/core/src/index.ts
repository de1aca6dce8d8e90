/**
 * @srdi/core — the domain model and rules engine for 专精特新 (SRDI) cultivation plans.
 *
 * @since 0.1.0
 */
export * as Award from "./Award.js"
export * as Calendar from "./Calendar.js"
export * as DecodeError from "./DecodeError.js"
export * as Citation from "./Citation.js"
export * as Enterprise from "./Enterprise.js"
export * as Explain from "./Explain.js"
export * as Indicator from "./Indicator.js"
export * as Locale from "./Locale.js"
export * as Pack from "./Pack.js"
export * as PackSource from "./PackSource.js"
export * as Parameter from "./Parameter.js"
export * as Pool from "./Pool.js"
export * as Problem from "./Problem.js"
export * as Region from "./Region.js"
export * as Roster from "./Roster.js"
export * as Rule from "./Rule.js"
export * as Synthetic from "./Synthetic.js"
export * as Target from "./Target.js"
export * as Task from "./Task.js"
export * as Title from "./Title.js"
export * as Unit from "./Unit.js"
export * as Uscc from "./Uscc.js"
