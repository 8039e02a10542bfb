/**
 * CSV / formula injection (OWASP "CSV Injection"): a spreadsheet treats a text cell that begins
 * with = + - @ (or a tab or carriage return before one of them) as a formula when the file is
 * opened or re-imported. Every text cell of every export goes through this one function, for
 * CSV and Excel alike: such text gets a leading apostrophe, so it shows as the text it is and
 * never runs. Numbers are not text and are never touched: numeric columns stay numbers.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

export function needsNeutralising(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text[0]!);
}

export function neutralise(text: string): string {
  return needsNeutralising(text) ? `'${text}` : text;
}

/** A cell value of an export: text is neutralised, numbers and empty cells pass unchanged. */
export function neutraliseCell<T extends string | number | null | undefined>(value: T): T {
  return (typeof value === 'string' ? neutralise(value) : value) as T;
}
