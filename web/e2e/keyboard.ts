import type { Frame, Page } from 'playwright-core';

/**
 * Presses Tab until focus comes back around and returns the enabled controls it never reached,
 * described by their label: every control must be reachable without a mouse.
 */
export async function unreachableByKeyboard(page: Page, scope: Page | Frame = page): Promise<string[]> {
  await scope.evaluate(() => {
    let n = 0;
    for (const el of document.querySelectorAll<HTMLElement>(
      'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href]',
    ))
      el.dataset.kbd = String(n++);
    (document.activeElement as HTMLElement | null)?.blur();
  });
  const total = await scope.evaluate(() => document.querySelectorAll('[data-kbd]').length);
  if (total === 0) throw new Error('No controls on this screen: nothing to reach by keyboard');
  const seen = new Set<string>();
  for (let i = 0; i < total + 5; i++) {
    await page.keyboard.press('Tab');
    const id = await scope.evaluate(
      () => (document.activeElement as HTMLElement | null)?.dataset.kbd ?? null,
    );
    if (id !== null) seen.add(id);
  }
  return scope.evaluate(
    (reached) =>
      [...document.querySelectorAll<HTMLElement>('[data-kbd]')]
        .filter((el) => !reached.includes(el.dataset.kbd ?? ''))
        .map((el) => el.getAttribute('aria-label') ?? el.textContent ?? el.id ?? el.tagName),
    [...seen],
  );
}
