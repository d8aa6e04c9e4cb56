import { type Dispatcher, errors, util } from "undici";

/** A response read to its end: what a non-stream call needs of it. */
export interface WholeResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/**
 * Sends one request and reads its answer whole, through undici's handler interface. Its
 * `request()` wraps every body in a Node stream, which costs more CPU than the rest of a short
 * JSON call; a call that wants the whole text anyway can skip it. Errors are undici's own, as
 * `request()` would raise them: timeouts, connection errors, and the signal's reason (or
 * `RequestAbortedError`) when the signal aborts.
 */
export function requestWhole(
  dispatcher: Dispatcher,
  options: Dispatcher.DispatchOptions,
  signal?: AbortSignal,
): Promise<WholeResponse> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new errors.RequestAbortedError());
      return;
    }
    let abortRequest: ((reason: Error) => void) | null = null;
    let abortedEarly: Error | null = null;
    const onAbort = () => {
      const reason = signal?.reason ?? new errors.RequestAbortedError();
      if (abortRequest) abortRequest(reason);
      else abortedEarly = reason;
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const settled = () => signal?.removeEventListener("abort", onAbort);

    let statusCode = 0;
    let rawHeaders: Buffer[] = [];
    const chunks: Buffer[] = [];
    const handler: Dispatcher.DispatchHandler = {
      onConnect(abort) {
        if (abortedEarly) abort(abortedEarly);
        else abortRequest = abort;
      },
      onHeaders(status, headers) {
        statusCode = status;
        rawHeaders = headers;
        return true;
      },
      onData(chunk) {
        chunks.push(chunk);
        return true;
      },
      onComplete() {
        settled();
        resolve({
          statusCode,
          headers: util.parseHeaders(rawHeaders),
          text: Buffer.concat(chunks).toString("utf8"),
        });
      },
      onError(error) {
        settled();
        // A refusal whose body broke off still reports its status, as `request()` callers that
        // read the body with `.catch(() => "")` see it; a success must arrive whole.
        if (statusCode >= 300 || (statusCode > 0 && statusCode < 200)) {
          resolve({ statusCode, headers: util.parseHeaders(rawHeaders), text: "" });
        } else reject(error);
      },
    };
    dispatcher.dispatch(options, handler);
  });
}
