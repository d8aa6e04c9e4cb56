// The fake LLM upstream of bench/gateway in a process of its own (run with `node --import tsx`).
import { startFakeLlm } from "@tributary/fake-llm";

const fake = await startFakeLlm({ port: Number(process.env.PORT), recordRequests: false });
process.once("SIGTERM", () => {
  void fake.close().finally(() => process.exit(0));
});
