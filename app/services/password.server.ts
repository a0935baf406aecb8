import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt with the OWASP parameters: N=2^17, r=8, p=1 (128 MiB of memory per hash).
const N_LOG2 = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, nLog2: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** nLog2, r, p, maxmem: 256 * 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>`: parameters travel with the hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, N_LOG2, R, P);
  return ["scrypt", N_LOG2, R, P, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, nLog2, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !nLog2 || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await scrypt(password, Buffer.from(salt, "base64"), Number(nLog2), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let dummyHash: Promise<string> | null = null;

/** Spends the same work as a real check, so an unknown email answers as slowly as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(12).toString("base64"));
  await verifyPassword(password, await dummyHash);
}

/** A readable random password for the first admin. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * A new account's password: the one the admin typed, or a generated one (returned so that the
 * answer shows it once), and its hash to store.
 */
export async function newAccountPassword(typed: string | undefined | null): Promise<{ generatedPassword: string | null; passwordHash: string }> {
  const generatedPassword = typed ? null : generatePassword();
  return { generatedPassword, passwordHash: await hashPassword(typed || generatedPassword!) };
}
