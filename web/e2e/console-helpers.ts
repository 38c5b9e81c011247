import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type ConsoleKey, consoleEn, consoleFr } from '../src/console/texts.ts';
import { accessibilityProblems, screenshot } from './browser.ts';

export type Lang = 'en' | 'fr';

/** The console's own texts, so the test reads what a French or English admin reads. */
export function textsFor(lang: Lang) {
  return (key: ConsoleKey, params: Record<string, string | number> = {}) =>
    (lang === 'fr' ? consoleFr : consoleEn)[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

/**
 * One screen, checked the way the issue asks: screenshots at 1280 and 400 px wide, nothing wider
 * than a 400 px phone, no serious axe-core violation, and (in French) none of the English texts.
 */
export async function checkScreen(page: Page, lang: Lang, name: string): Promise<void> {
  for (const width of [1280, 400]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `console-${name}-${lang}-${width}`);
    if (width === 400) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow, `${name} overflows at 400 px`).toBeLessThanOrEqual(400);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await accessibilityProblems(page), name).toEqual([]);
  if (lang === 'fr') expect(await englishOnPage(page), name).toEqual([]);
}

/** English console texts visible on a French page (only those that differ from their French version). */
async function englishOnPage(page: Page): Promise<string[]> {
  const body = (await page.locator('body').textContent()) ?? '';
  // "English" is the language switch's label on a French page: it names the other language in itself.
  const french = new Set<string>([...Object.values(consoleFr), 'English']);
  return Object.values(consoleEn)
    .filter((text: string) => !text.includes('{') && text.length > 6 && !french.has(text))
    .filter((text) => body.includes(text));
}
