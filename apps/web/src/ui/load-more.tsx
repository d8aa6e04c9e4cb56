import { Button } from "./button";

/** Loads the next page of a cursor-paged list; hidden once every page is loaded. */
export function LoadMore({
  hasMore,
  loading,
  onLoadMore,
  label = "Load more",
}: {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  label?: string;
}) {
  if (!hasMore) return null;
  return (
    <div className="mt-4 flex justify-center">
      <Button variant="secondary" busy={loading} onClick={onLoadMore}>
        {loading ? "Loading…" : label}
      </Button>
    </div>
  );
}
