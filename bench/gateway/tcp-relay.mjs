// A floor of bench/gateway below the bare proxy: the least any Node process in the path can add.
// Each client connection gets its own upstream connection and the bytes are piped both ways; no
// HTTP is parsed, nothing is read or decided. What it adds over calling the upstream directly is
// the cost of one more process and its event loop on this machine (two more wakeups per call).
import net from "node:net";

const upstream = new URL(process.env.RELAY_UPSTREAM ?? "http://127.0.0.1:8000");
const server = net.createServer((client) => {
  const toUpstream = net.connect({ port: Number(upstream.port), host: upstream.hostname, noDelay: true });
  client.setNoDelay(true);
  client.pipe(toUpstream).pipe(client);
  client.on("error", () => toUpstream.destroy());
  toUpstream.on("error", () => client.destroy());
  client.on("close", () => toUpstream.destroy());
  toUpstream.on("close", () => client.destroy());
});
server.listen(Number(process.env.PORT), "127.0.0.1");
process.once("SIGTERM", () => {
  server.close();
  process.exit(0);
});
