import { describe, expect, it } from "vitest";
import { detectImage, photoSizeOf } from "~/domain/images";
import { audienceOf, invitationState, isInAudience, isInvitationUsable, linkStatus, placementChanges } from "~/domain/invitations";
import { localDate, localTime, localToEpoch } from "~/domain/time";
import { nestFormValues } from "~/utils/forms";

const NOW = Date.UTC(2016, 1, 1);
const live = { expiresAt: NOW + 1000, revokedAt: null, lastOpenedAt: null };

describe("invitation links", () => {
  it("are usable until, not at, their expiry, and never once revoked", () => {
    expect(isInvitationUsable(live, NOW)).toBe(true);
    expect(isInvitationUsable(live, NOW + 999)).toBe(true);
    expect(isInvitationUsable(live, NOW + 1000)).toBe(false);
    expect(isInvitationUsable({ ...live, revokedAt: NOW - 1 }, NOW)).toBe(false);
    expect(linkStatus(null, NOW)).toBe("none");
    expect(linkStatus(live, NOW)).toBe("active");
    expect(linkStatus(live, NOW + 1000)).toBe("expired");
    expect(linkStatus({ ...live, revokedAt: NOW }, NOW)).toBe("revoked");
  });
});

describe("a speaker's invitation state", () => {
  it("follows the link when nothing is answered yet", () => {
    expect(invitationState(null, [], NOW)).toBe("not_invited");
    expect(invitationState(live, ["pending"], NOW)).toBe("invited");
    expect(invitationState({ ...live, lastOpenedAt: NOW - 5 }, ["pending"], NOW)).toBe("opened");
    expect(invitationState({ ...live, revokedAt: NOW - 1, lastOpenedAt: NOW - 5 }, ["pending"], NOW)).toBe("not_invited");
    expect(invitationState(live, ["pending"], NOW + 1000)).toBe("not_invited");
  });

  it("puts answers first: must re-confirm, then declined, then all confirmed", () => {
    expect(invitationState(live, ["confirmed", "confirmed"], NOW)).toBe("all_confirmed");
    expect(invitationState(live, ["confirmed", "pending"], NOW)).toBe("invited");
    expect(invitationState(live, ["confirmed", "declined"], NOW)).toBe("some_declined");
    expect(invitationState(live, ["declined", "must_reconfirm"], NOW)).toBe("must_reconfirm");
    expect(invitationState(null, ["confirmed"], NOW)).toBe("all_confirmed");
  });
});

describe("what a move changed", () => {
  const zone = "Europe/Paris";
  const show = { date: (e: number) => localDate(e, zone), time: (e: number) => localTime(e, zone) };
  const at = (d: string, t: string) => localToEpoch(d, t, zone);

  it("names the day, time and room that changed, in the edition's zone", () => {
    const before = { startsAt: at("2016-03-09", "14:00"), endsAt: at("2016-03-09", "15:00"), roomName: "Agora" };
    expect(placementChanges(before, { ...before, roomName: "Salle Vauban" }, show)).toEqual([{ field: "room", before: "Agora", after: "Salle Vauban" }]);
    expect(placementChanges(before, { ...before, startsAt: at("2016-03-10", "14:00"), endsAt: at("2016-03-10", "15:00") }, show)).toEqual([
      { field: "day", before: "2016-03-09", after: "2016-03-10" },
    ]);
    expect(placementChanges(before, { startsAt: at("2016-03-09", "23:30"), endsAt: at("2016-03-10", "00:30"), roomName: "Agora" }, show)).toEqual([
      { field: "time", before: "14:00–15:00", after: "23:30–00:30" },
    ]);
    expect(placementChanges(before, { startsAt: null, endsAt: null, roomName: null }, show)).toEqual([
      { field: "day", before: "2016-03-09", after: null },
      { field: "time", before: "14:00–15:00", after: null },
      { field: "room", before: "Agora", after: null },
    ]);
    expect(placementChanges(before, before, show)).toEqual([]);
  });
});

describe("who a message to a list goes to", () => {
  const row = { state: "not_invited" as const, email: "a@example.org", sessions: 1, contactedAt: null };
  it("sorts states into audiences; answered speakers are in none", () => {
    expect(audienceOf("not_invited")).toBe("not_invited");
    expect(audienceOf("invited")).toBe("not_answered");
    expect(audienceOf("opened")).toBe("not_answered");
    expect(audienceOf("must_reconfirm")).toBe("must_reconfirm");
    expect(audienceOf("all_confirmed")).toBeNull();
    expect(audienceOf("some_declined")).toBeNull();
  });
  it("needs a chosen audience, an email, a session unless asked, and no message since the date", () => {
    const choice = { audiences: ["not_invited"] as const, withoutSession: false };
    expect(isInAudience(row, choice)).toBe(true);
    expect(isInAudience(row, { ...choice, audiences: ["not_answered"] })).toBe(false);
    expect(isInAudience({ ...row, email: null }, choice)).toBe(false);
    expect(isInAudience({ ...row, sessions: 0 }, choice)).toBe(false);
    expect(isInAudience({ ...row, sessions: 0 }, { ...choice, withoutSession: true })).toBe(true);
    expect(isInAudience({ ...row, state: "all_confirmed" }, { audiences: ["not_invited", "not_answered", "must_reconfirm"], withoutSession: true })).toBe(false);
    const invited = { ...row, state: "invited" as const, contactedAt: NOW };
    const remind = { audiences: ["not_answered"] as const, withoutSession: false };
    expect(isInAudience(invited, { ...remind, notContactedSince: NOW + 1 })).toBe(true);
    expect(isInAudience(invited, { ...remind, notContactedSince: NOW })).toBe(false);
    expect(isInAudience({ ...invited, contactedAt: null }, { ...remind, notContactedSince: NOW })).toBe(true);
  });
});

describe("uploaded photos", () => {
  it("are recognised by their first bytes only", () => {
    expect(detectImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))?.contentType).toBe("image/jpeg");
    expect(detectImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))?.ext).toBe("png");
    expect(detectImage(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))?.ext).toBe("webp");
    expect(detectImage(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(detectImage(new TextEncoder().encode("GIF89a"))).toBeNull();
    expect(detectImage(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });

  it("are asked for at a stored size only", () => {
    expect(photoSizeOf(null)).toBe(256);
    expect(photoSizeOf("96")).toBe(96);
    expect(photoSizeOf("512")).toBe(512);
    expect(photoSizeOf("100")).toBeNull();
    expect(photoSizeOf("../512")).toBeNull();
  });
});

describe("dotted form names", () => {
  it("become the nested values the schema reads", () => {
    expect(nestFormValues({ intent: "profile", "links.0.url": "https://a", "links.1.label": "B", "days.0.mode": "none" })).toEqual({
      intent: "profile",
      links: [{ url: "https://a" }, { label: "B" }],
      days: [{ mode: "none" }],
    });
  });
});
