// Uploaded images are recognised by their first bytes, never by the name or declared type
// (a first check before the image library reads them), and stored at a few standard sizes.

export type ImageKind = { ext: "jpg" | "png" | "webp"; contentType: "image/jpeg" | "image/png" | "image/webp" };

export function detectImage(bytes: Uint8Array): ImageKind | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (bytes.length >= 4 && starts([0xff, 0xd8, 0xff])) return { ext: "jpg", contentType: "image/jpeg" };
  if (bytes.length >= 8 && starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ext: "png", contentType: "image/png" };
  if (bytes.length >= 12 && starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return { ext: "webp", contentType: "image/webp" };
  return null;
}

/** The square sizes (pixels) a portrait is stored at: a list's thumbnail, a page's portrait, a schedule app's avatar. */
export const PHOTO_SIZES = [96, 256, 512] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];
/** The size pages show (at half its pixels, for sharp high-density screens). */
export const PAGE_PHOTO_SIZE: PhotoSize = 256;
/** The size the exports point schedule apps at. */
export const EXPORT_PHOTO_SIZE: PhotoSize = 512;

/** `?size=` of a photo URL: one of the stored sizes, the page's by default. */
export function photoSizeOf(value: string | null): PhotoSize | null {
  if (value === null || value === "") return PAGE_PHOTO_SIZE;
  const size = Number(value);
  return (PHOTO_SIZES as readonly number[]).includes(size) ? (size as PhotoSize) : null;
}

/**
 * A consented photo's public address as a snapshot holds it, relative to the edition's public
 * page (the frab `base_url`): `photo/<speaker uuid>?v=<key>`. The key changes with every upload.
 */
export function publicPhotoPath(speakerUuid: string, key: string): string {
  return `photo/${speakerUuid}?v=${key}`;
}

/** The snapshot's photo path at one size, from a base ending in "/" (an origin and path, or a path). */
export function photoUrl(base: string, photo: string, size: PhotoSize): string {
  return `${base}${photo}&size=${size}`;
}

/** Why an upload is refused (message keys); the speaker page is told one by `?photoProblem=`, anything else is ignored. */
export const PHOTO_PROBLEMS = ["speaker.photoMissing", "speaker.photoTooLarge", "speaker.photoType"] as const;
export type PhotoProblemKey = (typeof PHOTO_PROBLEMS)[number];

export function photoProblemOf(value: string | null): PhotoProblemKey | null {
  return (PHOTO_PROBLEMS as readonly string[]).includes(value ?? "") ? (value as PhotoProblemKey) : null;
}
