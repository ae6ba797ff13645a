import { expect, test } from '@playwright/test'
import { startHost } from './support/host'

test('the browser host serves the app and refuses API calls without the token', async ({ page, request }) => {
  const host = await startHost()
  try {
    await page.goto(host.url)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const res = await request.post(`${host.origin}/api/setup.status`, { data: {} })
    expect(res.status()).toBe(401)
  } finally {
    await host.stop()
  }
})
