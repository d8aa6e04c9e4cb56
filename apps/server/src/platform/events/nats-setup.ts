import {
  AckPolicy,
  type ConsumerConfig,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
} from "@nats-io/jetstream";
import { nanos } from "@nats-io/transport-node";
import type { EventSubjects } from "./nats-wire.js";

/** Window in which JetStream drops a republished message with the same id (the event id). */
const duplicateWindowMs = 120_000;
const streamNameInUse = 10058;

/** Creates the event stream when it is missing: file storage, limits retention, dedupe by event id. */
export async function ensureStream(
  jsm: JetStreamManager,
  stream: string,
  subjects: EventSubjects,
  retentionDays: number,
): Promise<void> {
  try {
    await jsm.streams.info(stream);
    return;
  } catch (error) {
    if (!isApiError(error, JetStreamApiCodes.StreamNotFound)) throw error;
  }
  try {
    await jsm.streams.add({
      name: stream,
      subjects: [subjects.all],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      max_age: nanos(retentionDays * 86_400_000),
      duplicate_window: nanos(duplicateWindowMs),
    });
  } catch (error) {
    // Another node created it between our two calls.
    if (!isApiError(error, streamNameInUse)) throw error;
  }
}

/**
 * The filter a consumer gets. Servers before 2.10 take one filter subject only; a consumer of several
 * types then reads every event and the bus acks the ones it does not want.
 */
export function consumerFilter(
  subjects: EventSubjects,
  types: readonly string[],
  serverVersion: string | undefined,
): Pick<ConsumerConfig, "filter_subject" | "filter_subjects"> {
  const wanted = subjects.filters(types);
  const [only] = wanted;
  if (only !== undefined && wanted.length === 1) return { filter_subject: only };
  return supportsMultipleFilters(serverVersion)
    ? { filter_subjects: wanted }
    : { filter_subject: subjects.all };
}

/** A durable pull consumer per bus consumer; created on first start, its filter kept up to date. */
export async function ensureDurableConsumer(
  jsm: JetStreamManager,
  stream: string,
  name: string,
  filter: Pick<ConsumerConfig, "filter_subject" | "filter_subjects">,
  ackWaitMs: number,
): Promise<void> {
  try {
    const info = await jsm.consumers.info(stream, name);
    const same =
      info.config.filter_subject === filter.filter_subject &&
      (info.config.filter_subjects ?? []).join(" ") === (filter.filter_subjects ?? []).join(" ");
    if (!same) await jsm.consumers.update(stream, name, filter);
    return;
  } catch (error) {
    if (!isApiError(error, JetStreamApiCodes.ConsumerNotFound)) throw error;
  }
  await jsm.consumers.add(stream, {
    durable_name: name,
    ack_policy: AckPolicy.Explicit,
    // A consumer added later starts with what is published from then on; `replay` fills in history.
    deliver_policy: DeliverPolicy.New,
    ack_wait: nanos(ackWaitMs),
    // The bus dead-letters after maxDeliveries itself, keeping the error; the server must not drop silently.
    max_deliver: -1,
    ...filter,
  });
}

function supportsMultipleFilters(version: string | undefined): boolean {
  const [major = 0, minor = 0] = (version ?? "").split(".").map(Number);
  return major > 2 || (major === 2 && minor >= 10);
}

function isApiError(error: unknown, code: number): boolean {
  return error instanceof JetStreamApiError && error.code === code;
}
