/**
 * Stage `clean`: an article body as scraped → the text a reader should see. Until the
 * boilerplate rules land this only trims blank lines at both ends; whatever it keeps,
 * offsets of the cleaned text are what every source points into.
 */

/** Returns the cleaned text of an article body. */
export function cleanText(body: string): string {
  return body.replace(/^\s*\n/, '').replace(/\s+$/, '');
}
