import { useNavigate, useRouterState } from "@tanstack/react-router";
import type { Space } from "@tributary/contracts";
import { type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
import { cx } from "../lib/cx";
import { CreateSpaceDialog } from "../pages/spaces/create-space-dialog";
import { sortSpaces } from "./use-space";

export interface SpaceSwitcherProps {
  readonly spaces: readonly Space[];
  readonly currentSpaceId: string;
  readonly onSwitch: (spaceId: string) => void;
}

/**
 * The current space, and a list to switch to another: the personal space first, then
 * organizations, then "Create space…". A disclosure (button + list of buttons) rather than a
 * <select>: a select switches spaces as soon as an arrow key moves through it.
 */
export function SpaceSwitcher({ spaces, currentSpaceId, onSwitch }: SpaceSwitcherProps) {
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const sorted = sortSpaces(spaces);
  const personal = sorted.filter((space) => space.space_type === "personal");
  const organizations = sorted.filter((space) => space.space_type !== "personal");
  const current = spaces.find((space) => space.id === currentSpaceId);

  useDismissOutside(open, rootRef, setOpen);
  const onItemKey = (event: KeyboardEvent<HTMLElement>) => moveFocus(event, panelRef.current, close);
  useEffect(() => {
    // Opening moves focus to the current space, so arrow keys start from where the user is.
    if (!open) return;
    const root = rootRef.current;
    (
      root?.querySelector<HTMLElement>("[aria-current='true']") ??
      root?.querySelector<HTMLElement>("[data-switcher-item]")
    )?.focus();
  }, [open]);

  function close() {
    setOpen(false);
    toggleRef.current?.focus();
  }
  function pick(spaceId: string) {
    close();
    if (spaceId !== currentSpaceId) onSwitch(spaceId);
  }

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={toggleRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === "Escape" && open) setOpen(false);
        }}
        data-testid="space-switcher"
        className="flex max-w-[16rem] items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-left text-sm text-slate-900 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
      >
        <span className="sr-only">Current space: </span>
        <span className="truncate font-medium">{current?.name ?? "Choose a space"}</span>
        <span aria-hidden="true" className="text-xs text-slate-600 dark:text-slate-300">
          {open ? "▲" : "▼"}
        </span>
      </button>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          className="absolute left-0 top-full z-30 mt-1 max-h-[70vh] w-72 max-w-[calc(100vw-2rem)] overflow-y-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <SpaceGroup
            title="Personal"
            spaces={personal}
            currentSpaceId={currentSpaceId}
            onPick={pick}
            onKey={onItemKey}
          />
          <SpaceGroup
            title="Organizations"
            spaces={organizations}
            currentSpaceId={currentSpaceId}
            onPick={pick}
            onKey={onItemKey}
          />
          <div className="mt-1 border-t border-slate-200 pt-1 dark:border-slate-700">
            <button
              type="button"
              data-switcher-item
              data-testid="space-switcher-create"
              onKeyDown={onItemKey}
              onClick={() => {
                setOpen(false);
                setCreating(true);
              }}
              className={itemClass}
            >
              Create space…
            </button>
          </div>
        </div>
      )}
      <CreateSpaceDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(spaceId) => {
          setCreating(false);
          onSwitch(spaceId);
        }}
      />
    </div>
  );
}

const itemClass =
  "flex w-full items-center justify-between gap-2 rounded px-2 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-800";

function SpaceGroup({
  title,
  spaces,
  currentSpaceId,
  onPick,
  onKey,
}: {
  title: string;
  spaces: readonly Space[];
  currentSpaceId: string;
  onPick: (spaceId: string) => void;
  onKey: (event: KeyboardEvent<HTMLElement>) => void;
}) {
  const headingId = useId();
  if (spaces.length === 0) return null;
  return (
    <div className="py-1">
      <p
        id={headingId}
        className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300"
      >
        {title}
      </p>
      <ul aria-labelledby={headingId}>
        {spaces.map((space) => {
          const isCurrent = space.id === currentSpaceId;
          return (
            <li key={space.id}>
              <button
                type="button"
                data-switcher-item
                data-testid="space-switcher-option"
                data-space-id={space.id}
                aria-current={isCurrent ? "true" : undefined}
                onClick={() => onPick(space.id)}
                onKeyDown={onKey}
                className={cx(itemClass, isCurrent && "font-semibold")}
              >
                <span className="truncate">{space.name}</span>
                {isCurrent && (
                  <span aria-hidden="true" className="text-blue-700 dark:text-blue-300">
                    ✓
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Up/Down/Home/End move between the items; Escape closes and returns focus to the toggle. */
function moveFocus(event: KeyboardEvent<HTMLElement>, panel: HTMLElement | null, close: () => void) {
  if (event.key === "Escape") {
    event.preventDefault();
    close();
    return;
  }
  const items = [...(panel?.querySelectorAll<HTMLElement>("[data-switcher-item]") ?? [])];
  const index = items.indexOf(event.currentTarget);
  const target =
    event.key === "ArrowDown"
      ? items[(index + 1) % items.length]
      : event.key === "ArrowUp"
        ? items[(index - 1 + items.length) % items.length]
        : event.key === "Home"
          ? items[0]
          : event.key === "End"
            ? items[items.length - 1]
            : undefined;
  if (!target) return;
  event.preventDefault();
  target.focus();
}

/** Clicking elsewhere, or tabbing out of the switcher, closes the list. */
function useDismissOutside(
  open: boolean,
  root: RefObject<HTMLElement | null>,
  setOpen: (open: boolean) => void,
) {
  useEffect(() => {
    const element = root.current;
    if (!open || !element) return;
    const outside = (target: EventTarget | null) => !(target instanceof Node && element.contains(target));
    const onPointer = (event: PointerEvent) => {
      if (outside(event.target)) setOpen(false);
    };
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget !== null && outside(event.relatedTarget)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    element.addEventListener("focusout", onFocusOut);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      element.removeEventListener("focusout", onFocusOut);
    };
  }, [open, root, setOpen]);
}

/** The switcher wired to the router: the section of the page is kept, its space-specific ids are not. */
export function useSwitchSpace(): (spaceId: string) => void {
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (spaceId) => {
    const section = pathname.split("/")[3] ?? "knowledge";
    const keep = ["knowledge", "search", "assistant", "settings", "api-keys", "playground", "usage", "admin"];
    const target = keep.includes(section) ? section : "knowledge";
    const rest = target === "admin" ? pathname.split("/").slice(3).join("/") : target;
    void navigate({ to: `/s/${spaceId}/${rest}` });
  };
}
