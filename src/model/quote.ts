/**
 * The passage invariant: a source's `quote` is exactly `text.slice(start, end)` of the
 * article's cleaned text, with `0 ≤ start < end ≤ text.length` (JavaScript string
 * indices, so astral characters count as two).
 */

export type Span = { start: number; end: number };

/** Why a source does not satisfy the invariant against `text`, or undefined when it does. */
export function quoteProblem(text: string, source: Span & { quote: string }): string | undefined {
  const { start, end, quote } = source;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end || end > text.length)
    return `expected 0 ≤ start < end ≤ ${text.length}, got start ${start}, end ${end}`;
  const actual = text.slice(start, end);
  if (actual !== quote) return `expected quote ${JSON.stringify(actual)}, got ${JSON.stringify(quote)}`;
  return undefined;
}

/** Builds the quote of a span of `text`, trimmed of surrounding white space. */
export function quoteOf(text: string, span: Span): Span & { quote: string } {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end, quote: text.slice(start, end) };
}
