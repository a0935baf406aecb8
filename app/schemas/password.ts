import { textField } from "./fields";

// The most common passwords of public breach lists (and the festival's own words):
// refused whatever their length, as the OWASP cheat sheet advises.
const COMMON = `123456 123456789 12345678 password qwerty123 qwerty1 111111 12345 1234567 123123
1234567890 000000 password1 iloveyou abc12345 qwertyuiop 123321 654321 1q2w3e4r 1qaz2wsx
qwerty12345 azerty azertyuiop azerty123 motdepasse motdepasse1 soleil123 bonjour123 doudou123
marseille chouchou loulou123 password123 passw0rd p@ssw0rd p@ssword welcome1 welcome123 letmein1
admin123 administrator changeme changeme1 sunshine princess football baseball dragon123 monkey123
superman trustno1 starwars whatever 11111111 22222222 88888888 99999999 12341234 87654321
abcd1234 a1b2c3d4 zaq12wsx 1q2w3e4r5t qazwsxedc barouf2016 grandbarouf barouf123 lille2016
lille59000 festival festival2016 ouishare metropole`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(COMMON.split(/\s+/).filter(Boolean));

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** A new password: 8 to 128 characters, not a common one. Error messages are i18n keys. */
export const newPasswordSchema = textField()
  .min(PASSWORD_MIN, { message: "password.tooShort" })
  .max(PASSWORD_MAX, { message: "password.tooLong" })
  .refine((value) => !COMMON_PASSWORDS.has(value.toLowerCase()), { message: "password.common" });
