// Runs axe-core on the page as it is now (WCAG 2.0/2.1 A and AA) and fails the
// test on any violation, listing each rule, why it matters and where.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

export async function expectAccessible(page: Page, label = ''): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const report = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`,
  )
  expect(report, `accessibility violations${label ? ` on ${label}` : ''}`).toEqual([])
}
