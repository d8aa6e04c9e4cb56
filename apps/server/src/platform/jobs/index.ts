export { type CreateJobQueueOptions, createJobQueue } from "./create-job-queue.js";
export { type InterruptionReason, JobInterruptedError } from "./job-interruption.js";
export {
  type EnqueuedJob,
  type EnqueueInput,
  type Job,
  type JobContext,
  type JobHandler,
  type JobPriority,
  type JobQueue,
  type JobStatus,
  jobPriorities,
  jobStatuses,
  type StopOptions,
  type TenantConcurrencyResolver,
  type WorkOptions,
} from "./port.js";
export { type RetryPolicy, retryDelayMs } from "./retry-policy.js";
