import type { Page } from '@playwright/test'

/**
 * Every visible select narrower than its widest option needs, as "name: width / needed". The
 * needed width is Chromium's own: a hidden copy of the select at its natural width.
 */
export async function crampedSelects(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cramped: string[] = []
    for (const select of Array.from(document.querySelectorAll('select'))) {
      const box = select.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      const copy = select.cloneNode(true) as HTMLSelectElement
      copy.removeAttribute('id')
      copy.removeAttribute('data-testid')
      copy.style.cssText = 'position:absolute;visibility:hidden;width:auto;min-width:0;max-width:none;flex:none'
      select.parentElement!.appendChild(copy)
      const needed = copy.getBoundingClientRect().width
      copy.remove()
      if (box.width + 0.5 < needed) cramped.push(`${select.dataset.testid ?? select.id}: ${box.width.toFixed(1)} / ${needed.toFixed(1)}`)
    }
    return cramped
  })
}
