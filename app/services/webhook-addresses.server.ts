// Where webhooks may go: http(s) URLs whose host resolves to public addresses only (no
// loopback, private, link-local, shared, multicast or reserved ranges), unless
// WEBHOOKS_ALLOW_PRIVATE says otherwise. The rule is checked when an endpoint is saved AND
// again when each connection is made (the agent's own `lookup`), so a name that resolved to a
// public address when saved and to 127.0.0.1 later (DNS rebinding) still reaches nothing.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

const refused = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  refused.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  refused.addSubnet(network, prefix, "ipv6");
}

/** Whether a webhook may connect to this IP address (IPv4-mapped IPv6 is judged as its IPv4). */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]!);
  const family = isIP(address);
  if (family === 0) return false;
  return !refused.check(address, family === 4 ? "ipv4" : "ipv6");
}

export type UrlProblem = "webhooks.url.invalid" | "webhooks.url.scheme" | "webhooks.url.credentials" | "webhooks.url.unresolved" | "webhooks.url.private";

export class AddressRefusedError extends Error {
  constructor(address: string) {
    super(`Refused to connect to the non-public address ${address}`);
    this.name = "AddressRefusedError";
  }
}

/** The URL's host without IPv6 brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));
}

/** Checks a URL an organiser gives: null when acceptable, otherwise the problem (an i18n key). */
export async function checkWebhookUrl(raw: string, { allowPrivate }: { allowPrivate: boolean }): Promise<UrlProblem | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "webhooks.url.invalid";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "webhooks.url.scheme";
  if (url.username || url.password) return "webhooks.url.credentials";
  const host = hostOf(url);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await resolveAll(host)).map((a) => a.address);
    } catch {
      return "webhooks.url.unresolved";
    }
  }
  if (addresses.length === 0) return "webhooks.url.unresolved";
  if (!allowPrivate && addresses.some((address) => !isPublicAddress(address))) return "webhooks.url.private";
  return null;
}

/**
 * A `lookup` for http(s) requests that refuses non-public answers: the address checked is the
 * address connected to. (Node calls it for host names; IP literals are checked by `checkLiteral`.)
 */
export function guardedLookup({ allowPrivate }: { allowPrivate: boolean }): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as LookupAddress[];
      const bad = allowPrivate ? undefined : list.find((a) => !isPublicAddress(a.address));
      if (bad) return callback(Object.assign(new AddressRefusedError(bad.address), { code: "EADDRREFUSED" }), "", 0);
      if (list.length === 0) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: "ENOTFOUND" }), "", 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** For URLs whose host is an IP address (no lookup happens): refuses a non-public one. */
export function checkLiteral(url: URL, { allowPrivate }: { allowPrivate: boolean }): void {
  const host = hostOf(url);
  if (isIP(host) && !allowPrivate && !isPublicAddress(host)) throw new AddressRefusedError(host);
}
