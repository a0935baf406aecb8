import { describe, expect, it } from "vitest";
import { DONE_MESSAGES, doneOf, withDone } from "~/utils/done";
import { en, fr } from "~/i18n/catalogue";

describe("the message a page says after a save", () => {
  it("goes in the query, before the fragment, next to a query already there", () => {
    expect(withDone("/editions/e/slots#templates", "saved.template")).toBe("/editions/e/slots?done=saved.template#templates");
    expect(withDone("/editions/e/sessions/x?person=a", "sessions.savedReconfirm", 2)).toBe("/editions/e/sessions/x?person=a&done=sessions.savedReconfirm&count=2");
  });

  it("is read back only when it is one of ours", () => {
    expect(doneOf(new URLSearchParams("done=saved.room"))).toEqual({ message: "saved.room", count: 0 });
    expect(doneOf(new URLSearchParams("done=sessions.savedReconfirm&count=3"))).toEqual({ message: "sessions.savedReconfirm", count: 3 });
    expect(doneOf(new URLSearchParams("done=auth.signedInAs"))).toBeNull();
    expect(doneOf(new URLSearchParams("done=saved.room&count=1e400"))).toEqual({ message: "saved.room", count: 0 });
    expect(doneOf(new URLSearchParams(""))).toBeNull();
  });

  it("has its text in both languages", () => {
    for (const key of DONE_MESSAGES) {
      expect(fr[key], key).toBeTruthy();
      expect(en[key], key).toBeTruthy();
    }
  });
});
