/**
 * A non-negative 32-bit integer as the spec writes it (ids, counts, page numbers, seconds): typed, with the
 * format and bounds Spectral's OWASP rules ask for, so a generated client neither takes it for a float nor
 * accepts a value no server column can hold. Spread it first, so a field's own bounds win.
 */
export const INT32 = { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 } as const;
