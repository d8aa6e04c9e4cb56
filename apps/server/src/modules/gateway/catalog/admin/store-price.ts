import type { GatewayPricesInput } from "@tributary/contracts";
import type { SqlTx } from "../../../../platform/sql/index.js";
import { completePrices } from "../prices.js";
import { type PriceRow, priceColumns } from "../stored-catalog.js";
import type { ModelPrices } from "../types.js";

export function pricesFromInput(input: GatewayPricesInput): ModelPrices {
  return completePrices({
    input: input.input,
    output: input.output,
    cachedInput: input.cached_input,
    cacheWrite: input.cache_write,
    reasoning: input.reasoning,
  });
}

/** Appends the next version of a model's prices (the caller holds the model row locked). */
export async function insertPriceVersion(
  tx: SqlTx,
  modelId: string,
  prices: ModelPrices,
  effectiveFrom: Date | null,
): Promise<PriceRow> {
  const [row] = await tx.query<PriceRow>(
    `INSERT INTO gateway_prices (model_id, version, effective_from, input, cached_input, cache_write, output, reasoning)
     SELECT $1, COALESCE(max(version), 0) + 1, COALESCE($2::timestamptz, now()), $3, $4, $5, $6, $7
     FROM gateway_prices WHERE model_id = $1
     RETURNING ${priceColumns}`,
    [
      modelId,
      effectiveFrom,
      prices.input,
      prices.cachedInput,
      prices.cacheWrite,
      prices.output,
      prices.reasoning,
    ],
  );
  if (!row) throw new Error("price insert returned no row");
  return row;
}
