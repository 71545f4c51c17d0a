/**
 * A name or address embedded in right-to-left text, isolated (FSI … PDI): it keeps its
 * own direction, and the punctuation around it stays on the right side.
 */
export const iso = (text: string | number) => `\u2068${text}\u2069`
