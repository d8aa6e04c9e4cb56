import { Link, useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useAuth } from "../../auth/auth-context";
import { ThemeToggle } from "../../layout/theme-toggle";

const headerButton =
  "rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800";

/** The frame of signed-in pages outside any space (the space list): brand, theme, account. */
export function SpacesFrame({ children }: { children: ReactNode }) {
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  return (
    <div className="min-h-screen">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <Link to="/" className="text-lg font-semibold">
          Tributary
        </Link>
        <div className="flex items-center gap-2">
          <ThemeToggle />
          <span className="hidden text-sm text-slate-600 sm:inline dark:text-slate-300">
            {user?.full_name}
          </span>
          <button
            type="button"
            className={headerButton}
            onClick={async () => {
              await signOut();
              await navigate({ to: "/sign-in", search: {} });
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl p-4 md:p-6">
        {children}
      </main>
    </div>
  );
}
