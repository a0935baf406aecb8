// Speakers' photos: the organisers' upload (real sharp, real images made by sharp here), the
// checks on what is uploaded, replace and remove, and publication only with the speaker's consent
// (public route, public page, Barouf JSON and schedule.json validated by their schemas).
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { editions, speakerPhotos, speakers } from "~/db/schema";
import { draftProgramme } from "~/services/publishing.server";
import { db, ORIGIN, request, SEED_EDITION, signIn } from "../helpers/app";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";
import { assertBaroufJson, assertScheduleJson } from "../helpers/validators";
import { makeLink, openLink } from "./invitations-fixtures";

let editor: string;
let viewer: string;
let editionId: number;
/** Two speakers of the published programme: one will consent, the other never does. */
let consenting: { id: number; uuid: string; name: string };
let refusing: { id: number; uuid: string; name: string };

const photoRoute = (uuid: string) => `/editions/${SEED_EDITION}/speaker-photos/${uuid}`;

/** A real JPEG with EXIF (a GPS-like note and a camera name) that must not survive the upload. */
async function jpegWithExif(width = 900, height = 600) {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: "#3366cc" } })
      .jpeg()
      .withExif({ IFD0: { Make: "SecretCam", ImageDescription: "GPS 50.6292N 3.0573E" } })
      .toBuffer(),
  );
}

function upload(uuid: string, bytes: Uint8Array<ArrayBuffer>, name: string, type: string, cookie = editor) {
  const form = new FormData();
  form.append("intent", "upload");
  form.append("photo", new Blob([bytes], { type }), name);
  return request(photoRoute(uuid), { cookie, method: "POST", body: form });
}

async function rowsOf(speakerId: number) {
  return (await db()).select().from(speakerPhotos).where(eq(speakerPhotos.speakerId, speakerId)).orderBy(speakerPhotos.size).all();
}

beforeAll(async () => {
  editor = (await signIn("editor", { organisation: "Métropole Européenne de Lille" })).cookie;
  viewer = (await signIn("viewer", { organisation: "Métropole Européenne de Lille" })).cookie;
  const database = await db();
  editionId = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!.id;
  const programme = await draftProgramme(database, { editionId });
  const [a, b] = programme.speakers;
  const idOf = async (uuid: string) => (await database.select({ id: speakers.id }).from(speakers).where(eq(speakers.uuid, uuid)).get())!.id;
  consenting = { id: await idOf(a!.id), uuid: a!.id, name: a!.name };
  refusing = { id: await idOf(b!.id), uuid: b!.id, name: b!.name };
});

describe("the organisers' upload", () => {
  it("resizes a JPEG into square WebP sizes without its metadata, and the speaker page shows it", async () => {
    const answer = await upload(consenting.uuid, await jpegWithExif(), "portrait.jpg", "image/jpeg");
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/editions/${SEED_EDITION}/speakers/${consenting.uuid}?done=speakers.photoSaved#photo`);
    const rows = await rowsOf(consenting.id);
    expect(rows.map((r) => r.size)).toEqual([96, 256, 512]);
    for (const row of rows) {
      const meta = await sharp(row.bytes).metadata();
      expect(meta).toMatchObject({ format: "webp", width: row.size, height: row.size });
      expect(meta.exif).toBeUndefined();
      expect(row.bytes.includes("SecretCam")).toBe(false);
      expect(row.bytes.includes("GPS 50.6292N")).toBe(false);
    }
    const small = await request(`${photoRoute(consenting.uuid)}?size=96`, { cookie: viewer });
    expect(small.status).toBe(200);
    expect(small.headers.get("Content-Type")).toBe("image/webp");
    expect(small.headers.get("Cache-Control")).toBe("private, no-store");
    expect((await sharp(Buffer.from(await small.arrayBuffer())).metadata()).width).toBe(96);
    expect((await request(`${photoRoute(consenting.uuid)}?size=100`, { cookie: viewer })).status).toBe(404);

    const page = await (await request(`/editions/${SEED_EDITION}/speakers/${consenting.uuid}`, { cookie: viewer })).text();
    expect(page).toContain(`src="${photoRoute(consenting.uuid)}?v=${rows[0]!.key}"`);
    expect(page).toContain(`alt="Photo de ${consenting.name}"`);
    expect(page).toContain("n’a pas accepté la publication de sa photo");
  });

  it("checks the real type (never the name), refuses a file too large, and keeps the photo it had", async () => {
    const before = await rowsOf(consenting.id);
    const problem = async (answer: Response) => {
      expect(answer.status).toBe(302);
      return new URL(answer.headers.get("Location")!, ORIGIN).searchParams.get("photoProblem");
    };
    expect(await problem(await upload(consenting.uuid, new TextEncoder().encode("<svg onload=alert(1)>"), "x.png", "image/png"))).toBe("speaker.photoType");
    const gif = new Uint8Array(await sharp({ create: { width: 20, height: 20, channels: 3, background: "#000" } }).gif().toBuffer());
    expect(await problem(await upload(consenting.uuid, gif, "x.jpg", "image/jpeg"))).toBe("speaker.photoType");
    // A PNG's first bytes followed by garbage: sharp cannot read it.
    const truncated = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 1, 2, 3, 4]);
    expect(await problem(await upload(consenting.uuid, truncated, "x.png", "image/png"))).toBe("speaker.photoType");
    const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0xff);
    expect(await problem(await upload(consenting.uuid, big, "big.jpg", "image/jpeg"))).toBe("speaker.photoTooLarge");
    expect(await problem(await upload(consenting.uuid, new Uint8Array(0), "none.jpg", "image/jpeg"))).toBe("speaker.photoMissing");
    expect((await rowsOf(consenting.id)).map((r) => r.key)).toEqual(before.map((r) => r.key));
    // The page names the problem on the file field.
    const page = await (await request(`/editions/${SEED_EDITION}/speakers/${consenting.uuid}?photoProblem=speaker.photoType`, { cookie: editor })).text();
    expect(page).toContain("Seules les images JPEG, PNG ou WebP sont acceptées.");
  });

  it("replaces the photo (a PNG named .jpg is still a PNG), removes it only when confirmed, and refuses viewers naming the right", async () => {
    const before = (await rowsOf(refusing.id)).length;
    expect(before).toBe(0);
    const png = new Uint8Array(await sharp({ create: { width: 200, height: 400, channels: 4, background: "#22aa66" } }).png().toBuffer());
    expect((await upload(refusing.uuid, png, "named-wrong.jpg", "image/jpeg")).status).toBe(302);
    const first = (await rowsOf(refusing.id))[0]!.key;
    const webp = new Uint8Array(await sharp({ create: { width: 300, height: 300, channels: 3, background: "#aa2266" } }).webp().toBuffer());
    expect((await upload(refusing.uuid, webp, "again.webp", "image/webp")).status).toBe(302);
    const replaced = await rowsOf(refusing.id);
    expect(replaced).toHaveLength(3);
    expect(new Set(replaced.map((r) => r.key))).toEqual(new Set([replaced[0]!.key]));
    expect(replaced[0]!.key).not.toBe(first);

    const refused = await upload(refusing.uuid, webp, "again.webp", "image/webp", viewer);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ right: "write", where: "edition" });

    const unconfirmed = await request(photoRoute(refusing.uuid), { cookie: editor, form: { intent: "remove" } });
    expect(unconfirmed.status).toBe(400);
    expect(await rowsOf(refusing.id)).toHaveLength(3);
    const removed = await request(photoRoute(refusing.uuid), { cookie: editor, form: { intent: "remove", confirm: "yes" } });
    expect(removed.status).toBe(302);
    expect(removed.headers.get("Location")).toContain("done=speakers.photoRemoved");
    expect(await rowsOf(refusing.id)).toHaveLength(0);
    expect((await request(photoRoute(refusing.uuid), { cookie: viewer })).status).toBe(404);
    // Put one back: the refusing speaker has a photo but never consents.
    expect((await upload(refusing.uuid, webp, "again.webp", "image/webp")).status).toBe(302);
  });
});

describe("publication, only with the speaker's consent", () => {
  const publicPhoto = (uuid: string, query = "") => `/programme/${SEED_EDITION}/photo/${uuid}${query}`;

  /** Through the app's own handler, so its caches of the latest version move on too. */
  async function publish() {
    await acknowledgeBlockingConflicts(await db(), editionId);
    expect((await request(`/editions/${SEED_EDITION}/versions`, { cookie: editor, form: { intent: "publish", note: "" } })).status).toBe(302);
  }

  async function exportsNow() {
    const barouf = assertBaroufJson(await (await request(`/programme/${SEED_EDITION}/programme.json`)).text());
    const frab = assertScheduleJson(await (await request(`/programme/${SEED_EDITION}/schedule.json`)).text());
    const persons = frab.schedule.conference.days.flatMap((d: { rooms: Record<string, { persons: Record<string, unknown>[] }[]> }) =>
      Object.values(d.rooms).flatMap((events) => events.flatMap((e) => e.persons)),
    ) as { guid: string; avatar?: string }[];
    return { speakers: barouf.speakers as { id: string; photo?: string }[], persons };
  }

  it("shows no photo anywhere before the speaker consents", async () => {
    await publish();
    expect((await request(publicPhoto(consenting.uuid))).status).toBe(404);
    expect((await request(publicPhoto(refusing.uuid))).status).toBe(404);
    const { speakers: list, persons } = await exportsNow();
    expect(list.filter((s) => "photo" in s)).toEqual([]);
    expect(persons.filter((p) => "avatar" in p)).toEqual([]);
    expect(await (await request(`/programme/${SEED_EDITION}/speaker/${consenting.uuid}`)).text()).not.toContain("public-speaker-photo");
  });

  it("publishes the photo once the speaker consents on their own page: public route, page, Barouf JSON and schedule.json", async () => {
    const cookie = await openLink(await makeLink(editor, consenting.uuid));
    const version = (await (await db()).select({ version: speakers.version }).from(speakers).where(eq(speakers.id, consenting.id)).get())!.version;
    const consent = await request("/speaker", {
      cookie,
      form: { intent: "practical", version: String(version), consentPublicPhoto: "on", accessibilityNeeds: "", practicalNotes: "", preferredLocale: "fr" },
    });
    expect(consent.status).toBe(200);
    const organiserPage = await (await request(`/editions/${SEED_EDITION}/speakers/${consenting.uuid}`, { cookie: viewer })).text();
    expect(organiserPage).toContain("accepte la publication de sa photo");

    const key = (await rowsOf(consenting.id))[0]!.key;
    const served = await request(publicPhoto(consenting.uuid, `?v=${key}&size=512`));
    expect(served.status).toBe(200);
    expect(served.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(512);
    const again = await request(publicPhoto(consenting.uuid, `?v=${key}&size=512`), { headers: { "If-None-Match": served.headers.get("ETag")! } });
    expect(again.status).toBe(304);
    expect((await request(publicPhoto(refusing.uuid))).status).toBe(404);

    await publish();
    const { speakers: list, persons } = await exportsNow();
    const url = `${ORIGIN}/programme/${SEED_EDITION}/photo/${consenting.uuid}?v=${key}&size=512`;
    expect(list.filter((s) => "photo" in s)).toEqual([expect.objectContaining({ id: consenting.uuid, photo: url })]);
    const avatars = persons.filter((p) => "avatar" in p);
    expect(avatars.length).toBeGreaterThan(0);
    expect(new Set(avatars.map((p) => `${p.guid} ${p.avatar}`))).toEqual(new Set([`${consenting.uuid} ${url}`]));

    const page = await (await request(`/programme/${SEED_EDITION}/speaker/${consenting.uuid}`)).text();
    expect(page).toContain(`src="/programme/${SEED_EDITION}/photo/${consenting.uuid}?v=${key}&amp;size=256"`);
    expect(page).toContain(`alt="Portrait de ${consenting.name}"`);
    expect(await (await request(`/programme/${SEED_EDITION}/speaker/${refusing.uuid}`)).text()).not.toContain("public-speaker-photo");
  });
});
