import { cx } from "../../lib/cx";

const steps = ["Instance and administrator", "Model provider (optional)"] as const;

/** Where the user is in first-run setup. */
export function SetupSteps({ current }: { current: 1 | 2 }) {
  return (
    <ol aria-label="Setup steps" className="mb-6 grid grid-cols-2 gap-2 text-xs">
      {steps.map((label, index) => {
        const step = index + 1;
        const state = step < current ? "done" : step === current ? "current" : "next";
        return (
          <li
            key={label}
            aria-current={state === "current" ? "step" : undefined}
            className={cx(
              "rounded-md border-t-4 pt-2",
              state === "next"
                ? "border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-300"
                : "border-blue-600 font-medium text-slate-900 dark:border-blue-400 dark:text-slate-100",
            )}
          >
            <span className="block">
              Step {step} of {steps.length}
              {state === "done" ? " (done)" : ""}
            </span>
            {label}
          </li>
        );
      })}
    </ol>
  );
}
