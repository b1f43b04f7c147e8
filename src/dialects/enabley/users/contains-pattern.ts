/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped (case folded by the caller). */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
