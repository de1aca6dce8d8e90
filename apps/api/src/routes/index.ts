/**
 * The whole route table, in the order the OpenAPI document lists it.
 */
import type { AnyRoute } from "../http/route.js"
import { authRoutes } from "./auth.js"
import { awardRoutes } from "./awards.js"
import { enterpriseRoutes } from "./enterprises.js"
import { healthRoutes } from "./health.js"
import { importRoutes } from "./imports.js"
import { openApiRoutes } from "./openapi.js"
import { packRoutes } from "./packs.js"
import { planRoutes } from "./plan.js"
import { poolRoutes } from "./pools.js"
import { problemRoutes } from "./problems.js"
import { regionRoutes } from "./regions.js"
import { screeningRoutes } from "./screenings.js"
import { titleRoutes } from "./titles.js"

/** Every route. `table` lets the OpenAPI route describe the table it belongs to. */
export const allRoutes = (table: () => ReadonlyArray<AnyRoute>): Array<AnyRoute> => [
  ...healthRoutes,
  ...openApiRoutes(table),
  ...authRoutes,
  ...regionRoutes,
  ...enterpriseRoutes,
  ...importRoutes,
  ...packRoutes,
  ...screeningRoutes,
  ...poolRoutes,
  ...awardRoutes,
  ...planRoutes,
  ...problemRoutes,
  ...titleRoutes,
]
