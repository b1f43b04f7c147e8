import { ApiError } from '../http/api-error';

/**
 * One rule for usernames in every dialect (see README.md in this folder for the choices):
 *  - stored as given after NFC, so "é" typed precomposed or decomposed is one spelling;
 *  - refused (400): control, format (zero-width, bidi overrides, soft hyphen), line/paragraph separators,
 *    default-ignorable, private-use, unassigned and surrogate code points; whitespace other than an inner
 *    ASCII space; leading or trailing space (refused, not trimmed, like Kolibri's no-whitespace rule);
 *    one label mixing Latin, Greek, Cyrillic or Armenian letters (the confusable "аdmin" with a Cyrillic а);
 *  - unique per account by `usernameKey`: NFKC (fullwidth "ａｄｍｉｎ" and ligatures fold to plain letters),
 *    then lower case (RFC 8265 UsernameCaseMapped), then NFKC again so the key is stable.
 * Identifiers (external ids) are not touched by any of this: they stay exact.
 */

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
/** Any white space but the plain ASCII space (tabs, no-break and ideographic spaces look like one). */
const ODD_SPACE = /(?! )\p{White_Space}/u;
/** Scripts whose letters are confusable with each other: one label may use only one of them. */
const CONFUSABLE_SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Armenian', /\p{Script=Armenian}/u],
];
/** Labels are the parts between the separators usernames commonly use. */
const LABEL_SEPARATORS = /[ .@_+\-]/u;

/** The uniqueness (and login lookup) key of a username; the migration that backfilled it uses the same steps. */
export function usernameKey(username: string): string {
  return username.normalize('NFC').normalize('NFKC').toLowerCase().normalize('NFKC');
}

function describe(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What is wrong with the characters of `value`, or null; shared by usernames and emails. */
function invisibleProblem(value: string, noun: string): string | null {
  const bad = INVISIBLE.exec(value);
  if (bad) return `${noun} may not contain control, invisible or bidirectional-override characters (${describe(bad[0])}).`;
  const space = ODD_SPACE.exec(value);
  if (space) return `${noun} may not contain line breaks, tabs or special spaces (${describe(space[0])}).`;
  return null;
}

function mixedScriptLabel(username: string): string | null {
  for (const label of username.split(LABEL_SEPARATORS)) {
    const scripts = new Set<string>();
    for (const ch of label) for (const [name, re] of CONFUSABLE_SCRIPTS) if (re.test(ch)) scripts.add(name);
    if (scripts.size > 1) return `"${label}" mixes ${[...scripts].join(' and ')} letters, which look alike; use one script per part.`;
  }
  return null;
}

/** Checks a username and returns the form to store (NFC); 400 naming `field` otherwise. */
export function normalizeUsername(raw: string, field = 'username'): string {
  if (typeof raw !== 'string' || raw === '') throw ApiError.required(field);
  const problem = invisibleProblem(raw, 'A username');
  if (problem) throw ApiError.badRequest(problem, field);
  const username = raw.normalize('NFC');
  if (username.trim() !== username) throw ApiError.badRequest('A username may not start or end with a space.', field);
  const mixed = mixedScriptLabel(username);
  if (mixed) throw ApiError.badRequest(`A username part ${mixed}`, field);
  return username;
}

/** Emails keep their case-insensitive uniqueness (lower(email) index); they may not hide characters either. */
export function checkEmail(email: string, field = 'email'): void {
  const problem = invisibleProblem(email, 'An email address');
  if (problem) throw ApiError.badRequest(problem, field);
  if (/\s/u.test(email)) throw ApiError.badRequest('An email address may not contain spaces.', field);
}
