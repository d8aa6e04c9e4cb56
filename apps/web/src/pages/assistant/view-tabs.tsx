import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from "react";
import { cx } from "../../lib/cx";

export interface ViewTab<K extends string> {
  readonly key: K;
  readonly label: string;
}

/**
 * Tabs after the WAI-ARIA pattern: one tab stop, arrow keys (and Home/End) move between tabs,
 * the selected tab's panel shows. A panel is rendered when first selected and then kept (hidden),
 * so leaving a tab does not lose its state (an answer streaming in, a scroll position).
 */
export function ViewTabs<K extends string>({
  label,
  tabs,
  selected,
  onSelect,
  panels,
}: {
  label: string;
  tabs: readonly ViewTab<K>[];
  selected: K;
  onSelect: (key: K) => void;
  panels: Record<K, ReactNode>;
}) {
  const id = useId();
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const [visited, setVisited] = useState<ReadonlySet<K>>(() => new Set([selected]));
  if (!visited.has(selected)) setVisited(new Set([...visited, selected]));

  function onKeyDown(event: KeyboardEvent) {
    const at = tabs.findIndex((tab) => tab.key === selected);
    const next =
      event.key === "ArrowRight"
        ? (at + 1) % tabs.length
        : event.key === "ArrowLeft"
          ? (at - 1 + tabs.length) % tabs.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? tabs.length - 1
              : -1;
    const tab = tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.key);
    refs.current.get(tab.key)?.focus();
  }

  return (
    <div>
      <div
        role="tablist"
        aria-label={label}
        className="mb-4 flex gap-1 border-b border-slate-200 dark:border-slate-700"
      >
        {tabs.map((tab) => {
          const isSelected = tab.key === selected;
          return (
            <button
              key={tab.key}
              ref={(element) => {
                if (element) refs.current.set(tab.key, element);
                else refs.current.delete(tab.key);
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${tab.key}`}
              aria-selected={isSelected}
              aria-controls={`${id}-panel-${tab.key}`}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => onSelect(tab.key)}
              onKeyDown={onKeyDown}
              className={cx(
                "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
                isSelected
                  ? "border-blue-600 text-blue-700 dark:border-blue-400 dark:text-blue-300"
                  : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white",
              )}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${id}-panel-${tab.key}`}
          aria-labelledby={`${id}-tab-${tab.key}`}
          hidden={tab.key !== selected}
        >
          {visited.has(tab.key) && panels[tab.key]}
        </div>
      ))}
    </div>
  );
}
