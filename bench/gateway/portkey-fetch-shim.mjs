// Preloaded into Portkey's gateway process (`node --import`). @hono/node-server replaces the global
// Response with a lightweight class that keeps the Headers of a Response passed as `init` as they
// are; Portkey builds its streamed reply with `new Response(stream, upstreamResponse)` and then
// appends headers, which throws "immutable" on a fetch() response's headers, so every streamed call
// fails with 500 (Portkey's own install runs patch-package, which npm blocked here). Copying each
// upstream response into a native Response with mutable headers is the smallest fix; it costs one
// Response object per upstream call.
const NativeResponse = globalThis.Response;
const nativeFetch = globalThis.fetch;

globalThis.fetch = async (input, init) => {
  const response = await nativeFetch(input, init);
  return new NativeResponse(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: new Headers(response.headers),
  });
};
