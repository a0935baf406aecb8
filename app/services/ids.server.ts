import { createHash } from "node:crypto";

/** The namespace of Barouf's name-based UUIDs (itself a v5 UUID of "barouf" in the URL namespace). */
export const BAROUF_NAMESPACE = "5a3c3e0e-7b1e-5b4e-9a52-1f3b8f0c2d61";

/** RFC 9562 UUIDv5: the same name gives the same id on every install and in every version. */
export function uuidv5(name: string, namespace = BAROUF_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(ns).update(name, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
