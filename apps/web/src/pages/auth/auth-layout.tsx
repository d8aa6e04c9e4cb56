import type { ReactNode } from "react";
import { ThemeToggle } from "../../layout/theme-toggle";
import { cx } from "../../lib/cx";
import { useInstance } from "./use-instance";

/** The frame of the signed-out pages: a centred card under the instance's name. */
export function AuthLayout({
  title,
  children,
  wide = false,
}: {
  title: string;
  children: ReactNode;
  /** For longer forms (first-run setup). */
  wide?: boolean;
}) {
  const brand = useInstance().data?.name ?? "Tributary";
  return (
    <div className="flex min-h-screen flex-col items-center justify-center bg-slate-50 px-4 py-10 dark:bg-slate-950">
      <div className="absolute right-3 top-3">
        <ThemeToggle />
      </div>
      <main className={cx("w-full", wide ? "max-w-lg" : "max-w-sm")}>
        <p className="mb-2 text-center text-sm font-semibold tracking-wide text-blue-700 dark:text-blue-300">
          {brand}
        </p>
        <h1 className="mb-6 text-center text-2xl font-semibold">{title}</h1>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-700 dark:bg-slate-900">
          {children}
        </div>
      </main>
    </div>
  );
}
