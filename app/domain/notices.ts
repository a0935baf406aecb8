// The notices a public body's site must show (issue 17 points 5 and 6): the privacy notice
// (RGPD articles 13 and 14) and the accessibility statement (RGAA, article 47 of the law of
// 11 February 2005). Each organisation may write its own, in French and English; these are the
// defaults. Texts are plain: blocks separated by a blank line, "# " starts a heading, "- " a
// list item; {organisation}, {edition}, {retention}, {contact} and {conformity} are filled in
// when shown, so the retention figure always follows the organisation's setting. Pure.
import type { AccessibilityConformity } from "./vocabulary";

export const NOTICE_KINDS = ["privacy", "accessibility"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export type NoticeLocale = "fr" | "en";

/** The longest notice an organisation may write (characters). */
export const NOTICE_MAX_LENGTH = 20_000;

export const DEFAULT_NOTICES: Record<NoticeKind, Record<NoticeLocale, string>> = {
  privacy: {
    fr: `# Qui traite vos données ?
{organisation} organise {edition} et traite, avec le logiciel Barouf, les données des personnes qui interviennent dans son programme : intervenantes et intervenants, modératrices et modérateurs, expertes et experts, animatrices et animateurs, artistes. {organisation} est responsable de ce traitement.

# Pourquoi ?
Vos données servent à vous inviter, à construire et publier le programme, à organiser votre venue (salles, horaires, accessibilité) et à conserver l'archive publique du festival.

# Sur quelle base légale ?
- Le programme et son organisation : l'exécution d'une mission d'intérêt public lorsque l'organisateur est une personne publique (article 6-1-e du RGPD), son intérêt légitime dans les autres cas (article 6-1-f).
- Vos besoins d'accessibilité, qui sont des données de santé : votre consentement explicite (article 9-2-a). Vous pouvez les modifier ou les effacer vous-même à tout moment.
- La publication de votre biographie, des photos et des enregistrements : votre consentement, que vous donnez ou retirez sur votre page personnelle.

# Quelles données ?
Votre nom public, votre organisation, votre fonction, votre biographie, votre photo et vos liens, publiés avec le programme ; votre adresse électronique, votre téléphone et votre langue ; vos disponibilités ; vos réponses aux invitations ; vos besoins d'accessibilité et vos remarques pratiques ; les messages qui vous sont envoyés ; l'historique des modifications.

# Qui y a accès ?
Les organisatrices et organisateurs de l'édition. Seuls les éditeurs et les administrateurs voient vos besoins d'accessibilité ; ils ne figurent jamais dans les messages ni dans l'historique des modifications. Le public ne voit que ce qui est publié avec le programme. Vos données ne sont ni vendues ni transmises à des tiers.

# Combien de temps ?
Vos données privées et sensibles sont effacées {retention} mois après la fin de l'édition, sauf si vous participez à une édition suivante. Votre nom, votre organisation et le programme publié restent dans l'archive du festival.

# Vos droits
Vous pouvez accéder à vos données, les rectifier, les télécharger et demander leur effacement depuis votre page personnelle, ou en écrivant à {contact}. Vous pouvez aussi vous opposer au traitement, en demander la limitation et retirer à tout moment les consentements que vous avez donnés.

# Réclamation
Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale de l'informatique et des libertés (CNIL), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr/fr/plaintes.`,
    en: `# Who processes your data?
{organisation} runs {edition} and processes, with the Barouf software, the data of the people who take part in its programme: speakers, moderators, experts, facilitators and artists. {organisation} is the controller of this processing.

# Why?
Your data is used to invite you, to build and publish the programme, to organise your visit (rooms, times, accessibility) and to keep the festival's public archive.

# On what legal basis?
- The programme and its organisation: a task carried out in the public interest when the organiser is a public body (article 6(1)(e) of the GDPR), its legitimate interest otherwise (article 6(1)(f)).
- Your accessibility needs, which are health data: your explicit consent (article 9(2)(a)). You may change or erase them yourself at any time.
- Publishing your bio, photos and recordings: your consent, which you give or withdraw on your personal page.

# What data?
Your public name, organisation, job title, bio, photo and links, published with the programme; your email address, phone and language; your availability; your answers to invitations; your accessibility needs and practical notes; the messages sent to you; the history of changes.

# Who sees it?
The organisers of the edition. Only editors and administrators see your accessibility needs; they never appear in messages or in the history of changes. The public sees only what is published with the programme. Your data is neither sold nor passed on to third parties.

# For how long?
Your private and sensitive data is erased {retention} months after the edition ends, unless you take part in a later edition. Your name, your organisation and the published programme stay in the festival's archive.

# Your rights
You may access your data, correct it, download it and ask for its erasure from your personal page, or by writing to {contact}. You may also object to the processing, ask for it to be restricted, and withdraw the consents you gave at any time.

# Complaints
If you consider that your rights are not respected, you may lodge a complaint with the French data protection authority, the Commission nationale de l'informatique et des libertés (CNIL), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, France, www.cnil.fr/en/contact-cnil.`,
  },
  accessibility: {
    fr: `# Déclaration d'accessibilité
{organisation} s'engage à rendre son site internet accessible conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration d'accessibilité s'applique au programme public de {edition}, publié avec Barouf.

# État de conformité
Le programme public de {edition} est {conformity} avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1.2. L'état de conformité est établi par un audit ; tant qu'aucun audit n'a été réalisé, le site est déclaré non conforme.

# Contenus non accessibles
- Non-conformités : celles que relève l'audit, lorsqu'il a été réalisé.
- Dérogations pour charge disproportionnée : aucune.
- Contenus non soumis à l'obligation d'accessibilité : les fichiers de données proposés au téléchargement pour la réutilisation du programme (iCalendar, JSON, XML, CSV) ; leur contenu est aussi présenté sur la page du programme.

# Établissement de cette déclaration
Technologies utilisées : HTML, CSS et JavaScript. Le programme se lit et se filtre aussi sans JavaScript.

# Retour d'information et contact
Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez écrire à {contact} pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.

# Voies de recours
Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable du site internet un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un des services du portail et vous n'avez pas obtenu de réponse satisfaisante.
- Écrire un message au Défenseur des droits (formulaire.defenseurdesdroits.fr).
- Contacter le délégué du Défenseur des droits dans votre région (www.defenseurdesdroits.fr/saisir/delegues).
- Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.`,
    en: `# Accessibility statement
{organisation} is committed to making its website accessible in accordance with article 47 of French law no. 2005-102 of 11 February 2005. This accessibility statement applies to the public programme of {edition}, published with Barouf.

# Compliance status
The public programme of {edition} is {conformity} with the French accessibility framework (RGAA, référentiel général d'amélioration de l'accessibilité), version 4.1.2. The compliance status is established by an audit; until an audit has been carried out, the site is declared non-compliant.

# Non-accessible content
- Non-compliance: as found by the audit, once it has been carried out.
- Exemptions for disproportionate burden: none.
- Content outside the scope of the obligation: the data files offered for download so that the programme can be reused (iCalendar, JSON, XML, CSV); their content is also shown on the programme page.

# How this statement was drawn up
Technologies used: HTML, CSS and JavaScript. The programme can also be read and filtered without JavaScript.

# Feedback and contact
If you cannot access a piece of content or a service, you may write to {contact} to be directed to an accessible alternative or to obtain the content in another form.

# Remedies
Use this procedure if you have reported an accessibility problem to the person responsible for the website that prevents you from accessing content or one of the site's services, and you have not received a satisfactory answer.
- Write to the Défenseur des droits, the French rights ombudsman (formulaire.defenseurdesdroits.fr).
- Contact the Défenseur des droits' delegate in your region (www.defenseurdesdroits.fr/saisir/delegues).
- Send a letter by post (free of charge, no stamp needed): Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07, France.`,
  },
};

const CONFORMITY: Record<AccessibilityConformity, Record<NoticeLocale, string>> = {
  full: { fr: "totalement conforme", en: "fully compliant" },
  partial: { fr: "partiellement conforme", en: "partially compliant" },
  none: { fr: "non conforme", en: "non-compliant" },
};

const ORGANISERS: Record<NoticeLocale, string> = { fr: "l'équipe organisatrice de {organisation}", en: "the organising team of {organisation}" };

export type NoticeContext = {
  organisation: string;
  edition: string;
  retentionMonths: number;
  contact: string | null;
  conformity: AccessibilityConformity;
};

/** The organisation's text, or the default one when it wrote none (or only blanks). */
export function noticeTemplate(kind: NoticeKind, locale: NoticeLocale, own: string | null): string {
  return own && own.trim() !== "" ? own : DEFAULT_NOTICES[kind][locale];
}

/** What an organisation stores for a submitted text: null when it is the default (so the default can improve). */
export function storedNoticeText(kind: NoticeKind, locale: NoticeLocale, submitted: string | null): string | null {
  const text = submitted?.replace(/\r\n?/g, "\n").trim() ?? "";
  return text === "" || text === DEFAULT_NOTICES[kind][locale] ? null : text;
}

/** The text with its placeholders filled in (unknown ones are left as written). */
export function fillNotice(template: string, locale: NoticeLocale, context: NoticeContext): string {
  const contact = context.contact?.trim() || ORGANISERS[locale].replace("{organisation}", context.organisation);
  const values: Record<string, string> = {
    organisation: context.organisation,
    edition: context.edition,
    retention: String(context.retentionMonths),
    contact,
    conformity: CONFORMITY[context.conformity][locale],
  };
  return template.replace(/\{(organisation|edition|retention|contact|conformity)\}/g, (_, name: string) => values[name]!);
}

export type NoticeBlock = { type: "heading"; text: string } | { type: "paragraph"; text: string } | { type: "list"; items: string[] };

/** The text's blocks: "# " headings, "- " list items, paragraphs between blank lines. */
export function noticeBlocks(text: string): NoticeBlock[] {
  const blocks: NoticeBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ type: "paragraph", text: paragraph.join("\n") });
    paragraph = [];
  };
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    if (line === "") {
      flush();
    } else if (line.startsWith("# ")) {
      flush();
      blocks.push({ type: "heading", text: line.slice(2).trim() });
    } else if (line.startsWith("- ")) {
      flush();
      const last = blocks.at(-1);
      if (last?.type === "list") last.items.push(line.slice(2).trim());
      else blocks.push({ type: "list", items: [line.slice(2).trim()] });
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
