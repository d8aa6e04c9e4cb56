// A PostgreSQL wire-protocol server for one PGlite instance that is safe for several connections.
// PGlite is a single backend, so statements from different connections must never interleave:
// each connection's messages are grouped up to the next Sync/Query (one protocol round trip) and
// run as one exclusive unit, and while a connection holds an open transaction only its units run.
// (pglite-socket's multiplexer schedules single messages, which lets one client's Parse land
// between another's Parse and Bind; this server exists to avoid that.)
import { createServer } from "node:net";

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
// Messages after which the client waits for the server: the end of a round trip.
const ROUND_TRIP_END = new Set(["S", "Q", "c", "f", "H"]);

export function startWireServer(db, { host = "127.0.0.1", port = 0 } = {}) {
  let owner = null; // connection id holding an open transaction
  const waiting = []; // { connectionId, run, resolve, reject }
  let draining = false;
  let nextConnectionId = 1;
  const sockets = new Set();

  async function drain() {
    if (draining) return;
    draining = true;
    try {
      while (waiting.length > 0) {
        const index = owner === null ? 0 : waiting.findIndex((unit) => unit.connectionId === owner);
        if (index === -1) break; // the transaction's owner has not sent its next unit yet
        const [unit] = waiting.splice(index, 1);
        try {
          await db.runExclusive(unit.run);
          unit.resolve();
        } catch (error) {
          unit.reject(error);
        }
        owner = db.isInTransaction() ? unit.connectionId : null;
      }
    } finally {
      draining = false;
    }
  }

  function schedule(connectionId, run) {
    return new Promise((resolve, reject) => {
      waiting.push({ connectionId, run, resolve, reject });
      void drain();
    });
  }

  async function release(connectionId) {
    for (let i = waiting.length - 1; i >= 0; i--) {
      if (waiting[i].connectionId === connectionId)
        waiting.splice(i, 1)[0].reject(new Error("connection closed"));
    }
    if (owner === connectionId) {
      await db.runExclusive(() => db.exec("ROLLBACK")).catch(() => {});
      owner = null;
      void drain();
    }
  }

  const server = createServer((socket) => {
    const connectionId = nextConnectionId++;
    sockets.add(socket);
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    // A large message (a bulk insert's parameters: megabytes) arrives in many chunks; they are
    // joined once it is complete, not on every chunk (which copied it over and over).
    let parts = [];
    let partsLength = 0;
    let needed = 0;
    let started = false;
    let batch = [];
    let chain = Promise.resolve();

    const send = (data) => {
      if (data.length > 0 && socket.writable) socket.write(Buffer.from(data));
    };
    const execute = (messages) => async () => {
      for (const message of messages) {
        await db.execProtocolRawStream(new Uint8Array(message), { onRawData: send });
      }
    };

    socket.on("data", (chunk) => {
      parts.push(chunk);
      partsLength += chunk.length;
      if (buffer.length + partsLength < needed) return;
      buffer = Buffer.concat([buffer, ...parts]);
      parts = [];
      partsLength = 0;
      needed = 0;
      const units = [];
      for (;;) {
        if (!started) {
          if (buffer.length < 8) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) {
            needed = length;
            break;
          }
          const code = buffer.readInt32BE(4);
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST) socket.write("N");
          else if (code === CANCEL_REQUEST) socket.end();
          else {
            started = true;
            units.push([message]);
          }
          continue;
        }
        if (buffer.length < 5) break;
        const length = 1 + buffer.readInt32BE(1);
        if (buffer.length < length) {
          needed = length;
          break;
        }
        const type = String.fromCharCode(buffer[0]);
        const message = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        if (type === "X") {
          socket.end();
          break;
        }
        batch.push(message);
        if (ROUND_TRIP_END.has(type)) {
          units.push(batch);
          batch = [];
        }
      }
      for (const unit of units) {
        chain = chain.then(() => schedule(connectionId, execute(unit))).catch(() => socket.destroy());
      }
    });
    const close = () => {
      if (!sockets.delete(socket)) return;
      void chain.finally(() => release(connectionId));
    };
    socket.on("close", close);
    socket.on("error", close);
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      resolve({
        port: server.address().port,
        stop: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
