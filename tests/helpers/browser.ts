// Real Chromium through playwright-core: Debian's /usr/bin/chromium when installed
// (.ci/run installs it), otherwise the one @sparticuz/chromium ships inside npm.
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchBrowser(): Promise<Browser> {
  const system = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => existsSync(file));
  if (system) return chromium.launch({ executablePath: system, args: FLAGS });
  const packaged = (await import("@sparticuz/chromium")).default;
  return chromium.launch({ executablePath: await packaged.executablePath(), args: [...packaged.args, ...FLAGS] });
}

/**
 * A page that records what the browser complains about: console errors and uncaught
 * exceptions fail the test (see expectNoBrowserErrors).
 */
export async function newPage(context: BrowserContext): Promise<Page & { browserErrors: string[] }> {
  const page = (await context.newPage()) as Page & { browserErrors: string[] };
  page.browserErrors = [];
  page.on("console", (message) => {
    if (message.type() === "error") page.browserErrors.push(message.text());
  });
  page.on("pageerror", (error) => page.browserErrors.push(String(error)));
  return page;
}

export function expectNoBrowserErrors(page: { browserErrors: string[] }, allowed: RegExp[] = []) {
  const unexpected = page.browserErrors.filter((text) => !allowed.some((pattern) => pattern.test(text)));
  if (unexpected.length > 0) throw new Error(`Browser errors:\n${unexpected.join("\n")}`);
}

/** Signs in through the real login form. */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/login")), page.getByRole("button", { name: "Se connecter" }).click()]);
}
