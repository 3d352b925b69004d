/**
 * Passwords: argon2id (OWASP's minimum: 19 MiB, 2 passes), PHC strings in the database. A login for
 * an address that does not exist still verifies against a dummy hash, so the answer takes as long
 * and says nothing about which addresses exist.
 */
import argon2 from 'argon2';

const OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

let dummy: Promise<string> | undefined;

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  dummy ??= argon2.hash('no such user, no such password', OPTIONS);
  try {
    return await argon2.verify(hash ?? (await dummy), password);
  } catch {
    return false;
  }
}
