import type { SqlTx } from "../../../platform/sql/index.js";

/**
 * Vectors as one `vector[]` parameter in PostgreSQL's binary format, for bulk writes. The text
 * form (`[0.0123…,…]`, about 20 characters a dimension) made a document's vectors ten megabytes
 * to escape, send and parse float by float; the binary form is four bytes a dimension, read as is
 * by pgvector's `vector_recv`. `pg` sends a Buffer parameter in binary, so the statement declares
 * it with `$n::vector[]`.
 */
export function encodeVectorArray(vectorTypeOid: number, vectors: readonly (readonly number[])[]): Buffer {
  let size = 20; // ndim, flags, element type, then one dimension's length and lower bound
  for (const vector of vectors) size += 8 + 4 * vector.length; // length, dim and unused, floats
  const buffer = Buffer.allocUnsafe(size);
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let at = buffer.writeInt32BE(1, 0);
  at = buffer.writeInt32BE(0, at); // no nulls
  at = buffer.writeUInt32BE(vectorTypeOid, at);
  at = buffer.writeInt32BE(vectors.length, at);
  at = buffer.writeInt32BE(1, at);
  for (const vector of vectors) {
    at = buffer.writeInt32BE(4 + 4 * vector.length, at);
    at = buffer.writeInt16BE(vector.length, at);
    at = buffer.writeInt16BE(0, at);
    for (const value of vector) {
      view.setFloat32(at, value);
      at += 4;
    }
  }
  return buffer;
}

/**
 * The `vector` type's oid in the connected database (the binary array format names its element
 * type). Extensions get their oids at creation, so it is asked for, not assumed; the answer is one
 * catalogue look-up.
 */
export async function vectorTypeOid(tx: SqlTx): Promise<number> {
  const [row] = await tx.query<{ oid: number }>("SELECT 'vector'::regtype::oid AS oid");
  if (!row) throw new Error("the vector type is not installed");
  return Number(row.oid);
}
