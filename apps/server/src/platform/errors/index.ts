export { AppError, assertNever, type ErrorCode, errorCodes, httpStatusOf, isAppError } from "./app-error.js";
