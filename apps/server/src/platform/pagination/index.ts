export { decodeCursor, encodeCursor, type KeyPart, type Page, toPage, uuidKey } from "./keyset-cursor.js";
