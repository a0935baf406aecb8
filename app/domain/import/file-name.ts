// The name of an uploaded file as it is shown and stored: whatever the browser (or a script)
// put in the multipart header, it becomes one short line of visible text.

const MAX_LENGTH = 200;

/** Printable, one line, at most 200 characters; `fallback` when nothing is left. */
export function displayFileName(raw: string | undefined, fallback = "schedule"): string {
  const name = (raw ?? "")
    // Browsers write `"`, CR and LF of a file name as %22, %0D and %0A in the part's header.
    .replace(/%22/g, '"')
    .replace(/%0[da]/gi, " ")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const characters = Array.from(name);
  const short = characters.length > MAX_LENGTH ? `${characters.slice(0, MAX_LENGTH - 1).join("")}…` : name;
  return short || fallback;
}
