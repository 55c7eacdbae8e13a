import type { Page } from '@playwright/test';

/**
 * Records every text the elements matching `selector` show, as they change (a MutationObserver
 * on the page), so a test can tell a reply that streamed in from one that appeared whole.
 */
export async function recordTexts(page: Page, selector: string): Promise<() => Promise<string[]>> {
  await page.evaluate((watched) => {
    const seen: string[] = [];
    (window as unknown as { __texts: string[] }).__texts = seen;
    const note = () => {
      for (const element of document.querySelectorAll(watched)) {
        const text = element.textContent;
        if (seen.at(-1) !== text) seen.push(text);
      }
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, selector);
  return () => page.evaluate(() => [...(window as unknown as { __texts: string[] }).__texts]);
}

/** Whether the texts grew: several distinct non-empty texts, each extending the one before. */
export function grewInSteps(texts: readonly string[]): boolean {
  const shown = texts.filter((text) => text !== '');
  if (shown.length < 3) return false;
  return shown.every((text, index) => index === 0 || text.startsWith(shown[index - 1] ?? '') || text.startsWith('…'));
}
