export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Reads a server-sent-events response in the background and hands each event to `onEvent`.
 * Returns once the stream is open; `close()` aborts it.
 */
export async function openEventStream(
  url: string,
  headers: Record<string, string>,
  onEvent: (event: SseEvent) => void,
): Promise<{ close(): void }> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  if (response.status !== 200 || !response.body) throw new Error(`event stream: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = "message";
          const data: string[] = [];
          for (const line of block.split("\n")) {
            if (line.startsWith("event:")) event = line.slice(6).trim();
            else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
          }
          if (data.length > 0) onEvent({ event, data: data.join("\n") });
          end = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return { close: () => controller.abort() };
}
