export { createIdentityModule, type IdentityModule, type IdentityModuleOptions } from "./identity-module.js";
export { personalSpaceOf } from "./personal-space.js";
export { type TenantQuotas, tenantQuotasOf } from "./tenant-quotas.js";
export { type LabelledUsageGroup, usageGroupLabels } from "./usage-group-labels.js";
