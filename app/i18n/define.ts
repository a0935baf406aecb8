/** A feature's messages: French keys are the source, English must give every one of them. */
export function defineMessages<const F extends Record<string, string>>(messages: { fr: F; en: { [K in keyof F]: string } }) {
  return messages;
}
