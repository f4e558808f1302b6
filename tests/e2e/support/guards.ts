/**
 * Watchers for a page under hostile data or a strict policy: Content-Security-Policy
 * violations (reported in the page by `securitypolicyviolation` and on the console),
 * dialogs, page errors and every request the page makes. Install before `goto`.
 */
import type { Page } from '@playwright/test';

export type Guard = {
  /** Violations as `<directive> blocked <uri>` (from the event) or the console text, across navigations. */
  violations: string[];
  dialogs: string[];
  pageErrors: string[];
  requests: string[];
};

declare global {
  interface Window {
    __reportViolation?: (text: string) => void;
  }
}

/** Starts recording on `page`; read the results after the flow. */
export async function guardPage(page: Page): Promise<Guard> {
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const requests: string[] = [];
  const violations: string[] = [];
  // Exposed through the DevTools protocol, so the page's own policy cannot block the report.
  await page.exposeFunction('__reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__reportViolation?.(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return {
    dialogs,
    pageErrors,
    requests,
    violations,
  };
}
