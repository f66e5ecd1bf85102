// The README's picture of the console: a demo bureau's overview, from a development run
// (./mvnw mn:run, which loads the demo bureaus):  node e2e/readme-shot.mjs http://localhost:8080 ../docs/overview.png
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [baseUrl = 'http://localhost:8080', out = '../docs/overview.png', tenant = 'wuhan'] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'console-shot-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1366, height: 900 },
  locale: 'zh-CN',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${baseUrl}/console/`);
  await page.getByLabel('租户代码').fill(tenant);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill('shegong-demo');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('问题最多的站点').waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
