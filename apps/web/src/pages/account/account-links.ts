import { cx } from "../../lib/cx";

const tones = {
  primary: "bg-blue-600 text-white hover:bg-blue-700",
  secondary:
    "border border-slate-300 text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800",
};

/** A link that looks like a button: the next step after an emailed link has done its work. */
export function buttonLinkClass(tone: keyof typeof tones = "primary"): string {
  return cx(
    "block rounded-md px-3 py-2 text-center text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2",
    tones[tone],
  );
}

/** An inline text link in the signed-out pages' style. */
export const textLinkClass = "font-medium text-blue-700 underline dark:text-blue-300";
