export { type ContentAccess, type ContentCaller, canSeeNotebook, requireContentAccess } from "./access.js";
export { type ContentModule, type ContentModuleOptions, createContentModule } from "./content-module.js";
export {
  countUploadingDocuments,
  findDuplicateDocument,
  getDocument,
  spaceStorageBytes,
} from "./documents/document-lookups.js";
export { type DocumentRow, toDocumentResponse } from "./documents/document-row.js";
export { canTransition } from "./documents/document-status-machine.js";
export { type InsertDocumentInput, insertDocument } from "./documents/insert-document.js";
export { loadVisibleDocument } from "./documents/load-document.js";
export { requireMayAddDocuments } from "./documents/require-may-add-documents.js";
export {
  type ProcessingResultFields,
  transitionDocumentStatus,
} from "./documents/transition-document-status.js";
export { findNotebookForUpload, type UploadNotebook } from "./notebooks/find-notebook-for-upload.js";
export { softDeleteSpaceContent } from "./notebooks/soft-delete-space-content.js";
export { liveDocumentIds, visibleNotebookIds } from "./notebooks/visible-notebook-ids.js";
export { sanitizeFileName } from "./sanitize-file-name.js";
