import { ApiError } from '../http/api-error';
import { COMMON_PASSWORDS } from './common-passwords';
import { usernameKey } from './username-rules';

/**
 * NIST SP 800-63B §5.1.1.2 for every dialect: at least 8 characters, no composition rules, no common
 * password, not the account's own name. Lengths count Unicode code points after NFC, so "é" is one
 * character however it was typed. The upper bound (256) is far above NIST's "at least 64" and only
 * keeps argon2's input (and the request) bounded; dialect DTOs may cap lower but never below 64.
 * The password is hashed as given: existing hashes keep verifying.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

export interface PasswordContext {
  username?: string | null;
  email?: string | null;
}

/** Why `password` is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  if (typeof password !== 'string') return 'The password must be a string.';
  const nfc = password.normalize('NFC');
  const length = [...nfc].length;
  if (length < PASSWORD_MIN_LENGTH) return `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`;
  if (length > PASSWORD_MAX_LENGTH) return `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`;
  if (COMMON_PASSWORDS.has(nfc.toLowerCase())) return 'This password is too common; choose a less predictable one.';
  if (context.username && usernameKey(nfc) === usernameKey(context.username)) return 'The password may not be the username.';
  if (context.email && nfc.toLowerCase() === context.email.normalize('NFC').toLowerCase()) return 'The password may not be the email address.';
  return null;
}

/** 400 naming `field` (each dialect's password field is called `password`) when the policy refuses it. */
export function checkPassword(password: string, context: PasswordContext = {}, field = 'password'): void {
  const problem = passwordProblem(password, context);
  if (problem) throw ApiError.badRequest(problem, field);
}
