import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";

/** A test instance serving the content routes (start-tributary registers the content module). */
export async function startContentTestInstance(): Promise<TestInstance> {
  return startTestInstance();
}
