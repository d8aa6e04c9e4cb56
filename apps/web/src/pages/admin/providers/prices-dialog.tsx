import type { CreateGatewayPriceRequest, GatewayModel } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { formatDateTime } from "../../../lib/format";
import { Button } from "../../../ui/button";
import { Dialog } from "../../../ui/dialog";
import { ErrorMessage, Spinner } from "../../../ui/feedback";
import { InputField } from "../../../ui/field";
import { optionalNumber } from "../form-numbers";
import { useAddPrice, usePriceHistory } from "./use-catalog";

type PriceField = "input" | "output" | "cached_input" | "cache_write" | "reasoning" | "effectiveFrom";

/** A model's price book: every version (past ones never change) and a form for the next one. */
export function PricesDialog({ model, onClose }: { model: GatewayModel | null; onClose: () => void }) {
  return (
    <Dialog open={model !== null} title={model ? `Prices of ${model.name}` : "Prices"} onClose={onClose}>
      {model && <PriceBook key={model.id} model={model} onDone={onClose} />}
    </Dialog>
  );
}

function PriceBook({ model, onDone }: { model: GatewayModel; onDone: () => void }) {
  const history = usePriceHistory(model.id);
  return (
    <div className="max-h-[70vh] space-y-5 overflow-y-auto pr-1">
      {history.isPending ? (
        <Spinner label="Loading the price history" />
      ) : history.error ? (
        <ErrorMessage error={history.error} title="The price history could not be loaded" />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[28rem] text-left text-xs">
            <caption className="mb-1 text-left text-sm font-medium">
              USD per million tokens, newest first
            </caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                <th scope="col" className="py-1 pr-2">
                  Version
                </th>
                <th scope="col" className="py-1 pr-2">
                  From
                </th>
                <th scope="col" className="py-1 pr-2 text-right">
                  Input
                </th>
                <th scope="col" className="py-1 pr-2 text-right">
                  Cached
                </th>
                <th scope="col" className="py-1 pr-2 text-right">
                  Output
                </th>
                <th scope="col" className="py-1 text-right">
                  Reasoning
                </th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((version) => (
                <tr key={version.version} className="border-b border-slate-100 dark:border-slate-800">
                  <th scope="row" className="py-1 pr-2 font-normal">
                    v{version.version}
                  </th>
                  <td className="py-1 pr-2">{formatDateTime(version.effective_from)}</td>
                  <td className="py-1 pr-2 text-right tabular-nums">{version.input}</td>
                  <td className="py-1 pr-2 text-right tabular-nums">{version.cached_input}</td>
                  <td className="py-1 pr-2 text-right tabular-nums">{version.output}</td>
                  <td className="py-1 text-right tabular-nums">{version.reasoning}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {model.source === "config" ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Declared in the server's configuration: its prices change there.
        </p>
      ) : (
        <NewPriceForm model={model} onDone={onDone} />
      )}
    </div>
  );
}

function NewPriceForm({ model, onDone }: { model: GatewayModel; onDone: () => void }) {
  const add = useAddPrice(model.id);
  const [values, setValues] = useState<Record<PriceField, string>>({
    input: String(model.prices.input),
    output: String(model.prices.output),
    cached_input: "",
    cache_write: "",
    reasoning: "",
    effectiveFrom: "",
  });
  const [errors, setErrors] = useState<Partial<Record<PriceField, string>>>({});
  const set = (field: PriceField, value: string) => setValues((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Record<PriceField, string>> = {};
    const read = (field: Exclude<PriceField, "effectiveFrom">, required: boolean) => {
      const value = optionalNumber(values[field], { max: 1_000_000 });
      if (value === "invalid") found[field] = "USD per million tokens, 0 or more";
      else if (value === undefined && required) found[field] = "Required";
      return typeof value === "number" ? value : undefined;
    };
    const input = read("input", true);
    const output = read("output", true);
    const cached = read("cached_input", false);
    const cacheWrite = read("cache_write", false);
    const reasoning = read("reasoning", false);
    let effectiveFrom: string | undefined;
    if (values.effectiveFrom) {
      const date = new Date(values.effectiveFrom);
      if (Number.isNaN(date.getTime())) found.effectiveFrom = "Enter a date and time";
      else effectiveFrom = date.toISOString();
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || input === undefined || output === undefined) return;
    const body: CreateGatewayPriceRequest = {
      input,
      output,
      ...(cached !== undefined ? { cached_input: cached } : {}),
      ...(cacheWrite !== undefined ? { cache_write: cacheWrite } : {}),
      ...(reasoning !== undefined ? { reasoning } : {}),
      ...(effectiveFrom ? { effective_from: effectiveFrom } : {}),
    };
    add.mutate(body, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <h3 className="text-sm font-semibold">Add a price version</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          label="Input"
          inputMode="decimal"
          value={values.input}
          onChange={(e) => set("input", e.target.value)}
          error={errors.input}
        />
        <InputField
          label="Output"
          inputMode="decimal"
          value={values.output}
          onChange={(e) => set("output", e.target.value)}
          error={errors.output}
        />
        <InputField
          label="Cached input (optional)"
          inputMode="decimal"
          value={values.cached_input}
          onChange={(e) => set("cached_input", e.target.value)}
          error={errors.cached_input}
          hint="Empty: the input price."
        />
        <InputField
          label="Cache write (optional)"
          inputMode="decimal"
          value={values.cache_write}
          onChange={(e) => set("cache_write", e.target.value)}
          error={errors.cache_write}
          hint="Empty: the input price."
        />
        <InputField
          label="Reasoning (optional)"
          inputMode="decimal"
          value={values.reasoning}
          onChange={(e) => set("reasoning", e.target.value)}
          error={errors.reasoning}
          hint="Empty: the output price."
        />
        <InputField
          label="Effective from (optional)"
          type="datetime-local"
          value={values.effectiveFrom}
          onChange={(e) => set("effectiveFrom", e.target.value)}
          error={errors.effectiveFrom}
          hint="Empty: now. Past moments are refused."
        />
      </div>
      <ErrorMessage error={add.error} title="The price could not be added" />
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onDone} disabled={add.isPending}>
          Close
        </Button>
        <Button type="submit" busy={add.isPending}>
          Add price version
        </Button>
      </div>
    </form>
  );
}
