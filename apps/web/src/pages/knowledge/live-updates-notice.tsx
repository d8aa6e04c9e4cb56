import { errorMessage } from "../../api/api-error";
import type { EventStreamStatus } from "../../api/use-event-stream";
import { Notice } from "../../ui/feedback";

/** Says when statuses stop updating live, and why; silent while the stream is (re)connecting normally. */
export function LiveUpdatesNotice({ status }: { status: EventStreamStatus }) {
  if (status.state === "reconnecting" && status.error) {
    return (
      <Notice tone="warning">
        Live status updates are paused ({errorMessage(status.error)}); reconnecting. Statuses catch up once
        the connection is back.
      </Notice>
    );
  }
  if (status.state === "closed" && status.error) {
    return (
      <Notice tone="warning">
        Live status updates stopped: {errorMessage(status.error)}. Reload the page to see the latest statuses.
      </Notice>
    );
  }
  return null;
}
