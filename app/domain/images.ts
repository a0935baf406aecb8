// Uploaded images are recognised by their first bytes, never by the name or declared type.

export type ImageKind = { ext: "jpg" | "png" | "webp"; contentType: "image/jpeg" | "image/png" | "image/webp" };

export function detectImage(bytes: Uint8Array): ImageKind | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (bytes.length >= 4 && starts([0xff, 0xd8, 0xff])) return { ext: "jpg", contentType: "image/jpeg" };
  if (bytes.length >= 8 && starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ext: "png", contentType: "image/png" };
  if (bytes.length >= 12 && starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return { ext: "webp", contentType: "image/webp" };
  return null;
}

const CONTENT_TYPES: Record<string, ImageKind["contentType"]> = { jpg: "image/jpeg", png: "image/png", webp: "image/webp" };

/** A stored photo's file name as this app writes it; anything else (paths, dots) is refused. */
export function storedPhotoType(name: string): ImageKind["contentType"] | null {
  const match = /^[0-9a-f-]{36}-[0-9a-f]{16}\.(jpg|png|webp)$/.exec(name);
  return match ? CONTENT_TYPES[match[1]!]! : null;
}
