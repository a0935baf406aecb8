import { describe, expect, it } from "vitest";
import {
  bodyAsHtml,
  bodyAsText,
  checkTemplate,
  EMAIL_KINDS,
  messageOfProblem,
  parseTemplate,
  PLACEHOLDERS_OF,
  problemMessage,
  renderMessage,
  type TemplateValues,
} from "~/domain/email-template";
import { escapeHtml } from "~/domain/text";

const LINK = "{{invitation:0b9e1a9c-0a40-4c5c-8f7a-4c0f6e3e5b10}}";
const values: TemplateValues = { nom: "Anne Martin", edition: "Grand Barouf 2016", lien: LINK, date_limite: "8 mai 2016" };

describe("parseTemplate", () => {
  it("splits text and placeholders, in order, names trimmed", () => {
    const parsed = parseTemplate("Bonjour { nom },\n{lien}!", PLACEHOLDERS_OF.invitation.body);
    expect(parsed).toEqual({ ok: true, parts: [{ text: "Bonjour " }, { placeholder: "nom" }, { text: ",\n" }, { placeholder: "lien" }, { text: "!" }] });
  });

  it("keeps lone braces, empty braces and braces across lines as text", () => {
    const source = "a { b\n} {} c } {";
    expect(parseTemplate(source, PLACEHOLDERS_OF.invitation.body)).toEqual({ ok: true, parts: [{ text: source }] });
  });

  it("refuses a placeholder the message does not offer, with its name as written", () => {
    expect(parseTemplate("Bonjour {prenom}", PLACEHOLDERS_OF.invitation.body)).toEqual({ ok: false, problem: { code: "unknown", name: "prenom" } });
    expect(parseTemplate("{changements}", PLACEHOLDERS_OF.invitation.body)).toEqual({ ok: false, problem: { code: "unknown", name: "changements" } });
    expect(parseTemplate("{Nom}", PLACEHOLDERS_OF.invitation.body)).toEqual({ ok: false, problem: { code: "unknown", name: "Nom" } });
    // The outbox's own link marker is not a placeholder organisers may write.
    expect(parseTemplate(`x ${LINK}`, PLACEHOLDERS_OF.invitation.body)).toMatchObject({ ok: false, problem: { code: "unknown" } });
  });
});

describe("checkTemplate", () => {
  it("accepts a body with the personal link", () => {
    for (const kind of EMAIL_KINDS) expect(checkTemplate(kind, { subject: "{edition}", body: "Bonjour {nom},\n\n{lien}" })).toEqual({});
  });

  it("refuses a body without the personal link", () => {
    expect(checkTemplate("invitation", { subject: "Hello", body: "Bonjour {nom}" })).toEqual({ body: { code: "noLink" } });
    expect(checkTemplate("reconfirm", { subject: "Hello", body: "lien" })).toEqual({ body: { code: "noLink" } });
  });

  it("refuses the link or the changes in the subject, and a subject on two lines", () => {
    expect(checkTemplate("invitation", { subject: "Votre {lien}", body: "{lien}" })).toEqual({ subject: { code: "notInSubject", name: "lien" } });
    expect(checkTemplate("reconfirm", { subject: "{changements}", body: "{lien}" })).toEqual({ subject: { code: "notInSubject", name: "changements" } });
    expect(checkTemplate("reconfirm", { subject: "{date_limite}", body: "{lien}" })).toEqual({ subject: { code: "unknown", name: "date_limite" } });
    expect(checkTemplate("reminder", { subject: "a\nb", body: "{lien}" })).toEqual({ subject: { code: "lineBreak" } });
  });

  it("names both problems at once", () => {
    expect(checkTemplate("reminder", { subject: "{x}", body: "{y} {lien}" })).toEqual({ subject: { code: "unknown", name: "x" }, body: { code: "unknown", name: "y" } });
  });

  it("writes problems as messages and reads them back", () => {
    expect(problemMessage({ code: "unknown", name: "prenom" })).toBe("mail.template.unknown:prenom");
    expect(messageOfProblem("mail.template.unknown:prenom")).toEqual({ key: "mail.template.unknown", name: "prenom" });
    expect(messageOfProblem("mail.template.noLink")).toEqual({ key: "mail.template.noLink", name: null });
  });
});

describe("rendering", () => {
  const template = { subject: "{edition} : pour {nom}", body: "Bonjour {nom},\r\n\r\nVotre lien :\n{lien}\n\n{lien}\n\n\n\nValable jusqu’au {date_limite}." };

  it("fills the subject and the text part with the values as they are", () => {
    const { subject, body } = renderMessage("invitation", template, values, "none");
    expect(subject).toBe("Grand Barouf 2016 : pour Anne Martin");
    expect(bodyAsText(body)).toBe(`Bonjour Anne Martin,\n\nVotre lien :\n${LINK}\n\n${LINK}\n\nValable jusqu’au 8 mai 2016.\n`);
  });

  it("keeps a value's markup as text in the text part and escapes it in the HTML part", () => {
    const hostile = { ...values, nom: `<script>alert("x")</script> & Cie`, edition: "L'<b>édition</b>" };
    const { subject, body } = renderMessage("invitation", template, hostile, "none");
    expect(subject).toBe(`L'<b>édition</b> : pour <script>alert("x")</script> & Cie`);
    expect(bodyAsText(body)).toContain(`Bonjour <script>alert("x")</script> & Cie,`);
    const html = bodyAsHtml(body, "Ouvrir <mon> espace");
    expect(html).not.toContain("<script>");
    expect(html).toContain(`<p>Bonjour ${escapeHtml(`<script>alert("x")</script> & Cie`)},</p>`);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Cie");
    // A link inside a paragraph is clickable; a paragraph that is the link alone is a button.
    expect(html).toContain(`<p>Votre lien :<br><a href="${LINK}">${LINK}</a></p>`);
    expect(html).toMatch(new RegExp(`<p><a href="${LINK.replace(/[{}+]/g, "\\$&")}" style="[^"]+">Ouvrir &lt;mon&gt; espace</a></p>`));
  });

  it("keeps a subject on one line whatever the values hold, non-breaking spaces kept", () => {
    const { subject } = renderMessage("invitation", { subject: "{edition}\u00a0: {nom}", body: "{lien}" }, { ...values, nom: "Anne\r\nBcc: x@example.org" }, "none");
    expect(subject).toBe("Grand Barouf 2016\u00a0: Anne Bcc: x@example.org");
  });

  it("without a link, replaces each paragraph holding it by the given sentence", () => {
    const reconfirm = { subject: "{edition}", body: "Bonjour {nom},\n\n{changements}\n\nConfirmez ici :\n{lien}\n\nMerci." };
    const changes = "« Agora »\n– horaire : 10:00 → 11:00";
    const withLink = renderMessage("reconfirm", reconfirm, { ...values, changements: changes }, "Écrivez-nous.");
    expect(bodyAsText(withLink.body)).toBe(`Bonjour Anne Martin,\n\n${changes}\n\nConfirmez ici :\n${LINK}\n\nMerci.\n`);
    const without = renderMessage("reconfirm", reconfirm, { ...values, changements: changes, lien: null }, "Écrivez-nous.");
    expect(bodyAsText(without.body)).toBe(`Bonjour Anne Martin,\n\n${changes}\n\nÉcrivez-nous.\n\nMerci.\n`);
    expect(bodyAsHtml(without.body, "Ouvrir")).not.toContain("<a ");
  });

  it("does not read placeholders inside values (a name that looks like one stays as it is)", () => {
    const { body } = renderMessage("invitation", template, { ...values, nom: "{lien} {edition}" }, "none");
    expect(bodyAsText(body)).toContain("Bonjour {lien} {edition},");
  });
});
