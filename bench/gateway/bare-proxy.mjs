// The floor of bench/gateway: the least a gateway written in Node can do, in a process of its own.
// node:http in, undici out (as Tributary), the request body read and parsed (any gateway must read
// the model), the upstream's answer piped back untouched. No auth, limits, routing or metering: what
// it adds over calling the upstream directly is what this machine charges any Node proxy.
import { createServer } from "node:http";
import { Pool } from "undici";

const upstream = new URL(process.env.BARE_PROXY_UPSTREAM ?? "http://127.0.0.1:8000");
const pool = new Pool(upstream.origin, { connections: 256 });

const server = createServer((req, res) => {
  if (req.method === "GET") {
    res.end("ok");
    return;
  }
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", async () => {
    try {
      const body = Buffer.concat(chunks);
      JSON.parse(body.toString("utf8"));
      const answer = await pool.request({
        method: "POST",
        path: req.url ?? "/",
        headers: { "content-type": "application/json", authorization: req.headers.authorization ?? "" },
        body,
      });
      res.writeHead(answer.statusCode, { "content-type": String(answer.headers["content-type"] ?? "") });
      for await (const chunk of answer.body) res.write(chunk);
      res.end();
    } catch (error) {
      res.writeHead(502).end(String(error));
    }
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1");
process.once("SIGTERM", () => {
  server.close();
  void pool.close().finally(() => process.exit(0));
});
