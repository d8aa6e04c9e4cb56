import { useNavigate, useRouterState } from "@tanstack/react-router";
import type { Space } from "@tributary/contracts";
import { inputClass } from "../ui/field";

export interface SpaceSwitcherProps {
  readonly spaces: readonly Space[];
  readonly currentSpaceId: string;
  readonly onSwitch: (spaceId: string) => void;
}

/** Personal space first, then organizations; picking one keeps the current page in the new space. */
export function SpaceSwitcher({ spaces, currentSpaceId, onSwitch }: SpaceSwitcherProps) {
  const personal = spaces.filter((space) => space.space_type === "personal");
  const organizations = spaces.filter((space) => space.space_type !== "personal");
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Current space</span>
      <select
        className={`${inputClass} max-w-[14rem] py-1.5`}
        value={currentSpaceId}
        onChange={(event) => onSwitch(event.target.value)}
      >
        {personal.length > 0 && (
          <optgroup label="Personal">
            {personal.map((space) => (
              <option key={space.id} value={space.id}>
                {space.name}
              </option>
            ))}
          </optgroup>
        )}
        {organizations.length > 0 && (
          <optgroup label="Organizations">
            {organizations.map((space) => (
              <option key={space.id} value={space.id}>
                {space.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
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
