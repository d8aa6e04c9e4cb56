import { Link, type LinkProps, Outlet, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useAuth } from "../auth/auth-context";
import { cx } from "../lib/cx";
import { ErrorMessage } from "../ui/feedback";
import { SpaceSwitcher, useSwitchSpace } from "./space-switcher";
import { ThemeToggle } from "./theme-toggle";
import { useSpaceId, useSpaces } from "./use-space";

interface NavItem {
  readonly to: LinkProps["to"];
  readonly label: string;
}

const workspaceNav: readonly NavItem[] = [
  { to: "/s/$spaceId/knowledge", label: "Knowledge" },
  { to: "/s/$spaceId/search", label: "Search" },
  { to: "/s/$spaceId/assistant", label: "Assistant" },
];
const developerNav: readonly NavItem[] = [
  { to: "/s/$spaceId/api-keys", label: "API keys" },
  { to: "/s/$spaceId/playground", label: "Playground" },
  { to: "/s/$spaceId/usage", label: "Usage" },
  { to: "/s/$spaceId/budgets", label: "Budgets" },
  { to: "/s/$spaceId/datasets", label: "Vector datasets" },
];
const accountNav: readonly NavItem[] = [
  { to: "/s/$spaceId/settings", label: "Space settings" },
  { to: "/s/$spaceId/organization", label: "Organization" },
  { to: "/s/$spaceId/profile", label: "Your profile" },
];
const adminNav: readonly NavItem[] = [
  { to: "/s/$spaceId/admin/providers", label: "Providers & models" },
  { to: "/s/$spaceId/admin/users", label: "Users" },
  { to: "/s/$spaceId/admin/tenants", label: "Tenants" },
];

/** The frame of every page inside a space: navigation, space switcher, theme, account. */
export function AppShell() {
  const spaceId = useSpaceId();
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const spaces = useSpaces();
  const switchSpace = useSwitchSpace();
  const [navOpen, setNavOpen] = useState(false);
  const isAdmin = user?.platform_role === "admin";

  return (
    <div className="min-h-screen md:grid md:grid-cols-[15rem_1fr]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 dark:focus:bg-slate-900"
      >
        Skip to content
      </a>
      <header className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2 md:hidden dark:border-slate-800">
        <span className="font-semibold">Tributary</span>
        <button
          type="button"
          aria-expanded={navOpen}
          aria-controls="primary-nav"
          onClick={() => setNavOpen((open) => !open)}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600"
        >
          Menu
        </button>
      </header>
      <nav
        id="primary-nav"
        aria-label="Primary"
        className={cx(
          "border-b border-slate-200 bg-slate-50 p-3 md:block md:min-h-screen md:border-b-0 md:border-r dark:border-slate-800 dark:bg-slate-900",
          navOpen ? "block" : "hidden",
        )}
      >
        <Link to="/" className="mb-4 hidden px-2 text-lg font-semibold md:block">
          Tributary
        </Link>
        <NavSection
          title="Workspace"
          items={workspaceNav}
          spaceId={spaceId}
          onNavigate={() => setNavOpen(false)}
        />
        <NavSection
          title="Developer"
          items={developerNav}
          spaceId={spaceId}
          onNavigate={() => setNavOpen(false)}
        />
        <NavSection
          title="Account"
          items={accountNav}
          spaceId={spaceId}
          onNavigate={() => setNavOpen(false)}
        />
        {isAdmin && (
          <NavSection
            title="Administration"
            items={adminNav}
            spaceId={spaceId}
            onNavigate={() => setNavOpen(false)}
          />
        )}
      </nav>
      <div className="min-w-0">
        <section
          aria-label="Space and account"
          className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-2 dark:border-slate-800"
        >
          {spaces.data ? (
            <SpaceSwitcher spaces={spaces.data} currentSpaceId={spaceId} onSwitch={switchSpace} />
          ) : (
            <span className="text-sm text-slate-500">{spaces.isPending ? "Loading spaces…" : ""}</span>
          )}
          <div className="flex items-center gap-2">
            <Link
              to="/spaces"
              className="rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              All spaces
            </Link>
            <ThemeToggle />
            <span className="hidden text-sm text-slate-600 sm:inline dark:text-slate-300">
              {user?.full_name}
            </span>
            <button
              type="button"
              onClick={async () => {
                await signOut();
                await navigate({ to: "/sign-in", search: {} });
              }}
              className="rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              Sign out
            </button>
          </div>
        </section>
        {spaces.error && (
          <div className="p-4">
            <ErrorMessage error={spaces.error} title="Your spaces could not be loaded" />
          </div>
        )}
        <main id="main" className="mx-auto max-w-6xl p-4 md:p-6">
          <Outlet />
        </main>
      </div>
    </div>
  );
}

function NavSection({
  title,
  items,
  spaceId,
  onNavigate,
}: {
  title: string;
  items: readonly NavItem[];
  spaceId: string;
  onNavigate: () => void;
}) {
  return (
    <div className="mb-4">
      <h2 className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {title}
      </h2>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              // The items' paths differ, so the params cannot be typed per item; every one takes spaceId.
              params={{ spaceId } as never}
              onClick={onNavigate}
              className="block rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-800"
              activeProps={{
                className: "bg-slate-200 font-medium dark:bg-slate-800",
                "aria-current": "page",
              }}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
