// End-to-end scenarios of the console in headless Chromium against a running service:
//   node e2e/run.mjs <baseUrl> <artefactDir>
// with CONSOLE_E2E holding the fixture the caller prepared through the API (ConsoleBrowserTest):
// {tenant, admin: {username, oneTimePassword, newPassword}, viewer: {username, password},
//  station: {name}, worker: {name}, otherTenantStationId}.
// Each scenario runs in a fresh browser profile, fails on any console error, uncaught exception
// or failed request, and leaves a screenshot of every page it visits in artefactDir.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [baseUrl, artefacts = 'target/console-screenshots'] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node e2e/run.mjs <baseUrl> <artefactDir>');
  process.exit(2);
}
const fixture = JSON.parse(process.env.CONSOLE_E2E ?? '{}');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`FAIL no Chromium at ${executablePath} (apt-get install chromium)`);
  process.exit(3);
}
mkdirSync(artefacts, { recursive: true });
const console_ = `${baseUrl}/console`;
const TIMEOUT = 20_000;

class Failure extends Error {}
function check(condition, message) {
  if (!condition) throw new Failure(message);
}

// CONSOLE_E2E_ONLY=name[,name] runs those scenarios alone, when working on one
const only = process.env.CONSOLE_E2E_ONLY?.split(',');

async function withBrowser(name, viewport, body) {
  if (only && !only.includes(name)) return true;
  const profile = mkdtempSync(join(tmpdir(), 'console-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport,
    locale: 'zh-CN',
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const problems = [];
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(TIMEOUT);
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  const what = (r) => `${r.method()} ${r.url()}${r.postData()?.startsWith('{') ? ` ${JSON.parse(r.postData()).operationName ?? ''}` : ''}`;
  page.on('requestfailed', (r) => problems.push(`request failed: ${what(r)} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${what(r.request())}`); });
  const started = Date.now();
  try {
    await body(page);
    check(problems.length === 0, problems.join('\n'));
    console.log(`PASS ${name} (${Date.now() - started} ms)`);
    return true;
  } catch (e) {
    await page.screenshot({ path: join(artefacts, `FAILED-${name}.png`), fullPage: true }).catch(() => {});
    console.log(`FAIL ${name}: ${e instanceof Failure ? e.message : e.stack ?? e}`);
    if (problems.length) console.log(`  also: ${problems.join('\n  ')}`);
    return false;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function shot(page, file) {
  // let charts finish their entry animation and fonts settle
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(artefacts, `${file}.png`), fullPage: true });
}

// A new address once the page is quiet: leaving with a request in flight would cut it off, and
// that would read as a failed request.
async function go(page, path) {
  await page.waitForLoadState('networkidle');
  await page.goto(`${console_}${path}`);
}

async function signIn(page, tenant, username, password) {
  await page.goto(`${console_}/`);
  await page.getByLabel('租户代码').fill(tenant);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

async function signedIn(page, tenant, username, password) {
  await signIn(page, tenant, username, password);
  await page.getByRole('heading', { name: '概览' }).waitFor();
}

const laptop = { width: 1366, height: 860 };
const tablet = { width: 820, height: 1180 };
const { tenant, admin, viewer } = fixture;
const results = [];

// 1. The first sign-in with a one-time password asks for a new one, and signing out ends the session.
results.push(await withBrowser('sign-in-with-one-time-password', laptop, async (page) => {
  await page.goto(`${console_}/`);
  await page.getByLabel('租户代码').waitFor();
  await shot(page, 'sign-in');
  await signIn(page, tenant, admin.username, admin.oneTimePassword);
  await page.getByLabel('新密码', { exact: true }).fill(admin.newPassword);
  await page.getByLabel('确认新密码').fill(admin.newPassword);
  await shot(page, 'choose-password');
  await page.getByRole('button', { name: '设置新密码并登录' }).click();
  await page.getByRole('heading', { name: '概览' }).waitFor();
  const url = page.url();
  check(!/token|password/i.test(url), `a secret in the URL: ${url}`);
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor();
  // the new password holds, the one-time one no longer does
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await page.getByRole('button', { name: '退出登录' }).click();
}));

// 2. From the overview to a non-compliant station and why; a post makes a finding go.
results.push(await withBrowser('overview-to-finding-and-fix', laptop, async (page) => {
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await page.getByText('问题最多的站点').waitFor();
  await page.getByRole('img', { name: '站点状态分布图' }).waitFor();
  await shot(page, 'overview');
  await page.getByRole('link', { name: fixture.station.name }).click();
  await page.getByRole('heading', { name: fixture.station.name, exact: true, level: 2 }).waitFor();
  const findings = page.getByTestId('finding');
  await findings.first().waitFor();
  const before = await findings.allInnerTexts();
  const fixable = before.find((f) => f.includes(fixture.station.fixableFinding));
  check(fixable, `no finding mentioning ${fixture.station.fixableFinding} among:\n${before.join('\n---\n')}`);
  check(/依据/.test(fixable) && /原文/.test(fixable), `the finding shows no source or wording: ${fixable}`);
  await shot(page, 'station');
  await page.getByRole('button', { name: '安排社工' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('社工').click();
  await page.keyboard.type(fixture.worker.name);
  await page.locator('.ant-select-item-option', { hasText: fixture.worker.name }).first().click();
  await dialog.getByLabel('岗位').click();
  await page.locator('.ant-select-item-option', { hasText: fixture.worker.role }).first().click();
  await shot(page, 'assign-worker');
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('link', { name: fixture.worker.name }).first().waitFor();
  await page.waitForFunction(
    (text) => ![...document.querySelectorAll('[data-testid=finding]')].some((f) => f.textContent.includes(text)),
    fixture.station.fixableFinding,
  );
  const after = await findings.allInnerTexts();
  check(after.length < before.length, `findings did not drop: ${before.length} → ${after.length}`);
  await shot(page, 'station-after-post');
  // the worker's page: qualification per rule
  await page.getByRole('link', { name: fixture.worker.name }).first().click();
  await page.getByRole('heading', { name: fixture.worker.name, exact: true, level: 2 }).waitFor();
  await page.getByText('任职资格').waitFor();
  await shot(page, 'worker');
}));

// 3. Lists, filters, users and the Excel page render for an administrator, on a tablet too.
results.push(await withBrowser('lists-and-pages', laptop, async (page) => {
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await go(page, `/stations?status=OPERATING`);
  await page.getByRole('link', { name: fixture.station.name }).waitFor();
  await shot(page, 'stations');
  // a new station: the API's refusal lands on the field it names, then the station is created
  await page.getByRole('button', { name: '新建站点' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('代码').fill('hunanlu');
  await form.getByLabel('站点类型').click();
  await page.locator('.ant-select-item-option', { hasText: '街道社会工作站' }).first().click();
  await form.getByLabel('名称').fill('控制台新建的社工站');
  await form.getByLabel('区划').click();
  await page.locator('.ant-select-item-option', { hasText: '宁海路街道' }).first().click();
  await form.getByRole('button', { name: '保存' }).click();
  await form.locator('.ant-form-item-explain-error', { hasText: 'already exists' }).waitFor();
  await shot(page, 'station-form-error');
  await form.getByLabel('代码').fill('console-new');
  await form.getByRole('button', { name: '保存' }).click();
  await page.getByRole('heading', { name: '控制台新建的社工站', exact: true, level: 2 }).waitFor();
  await go(page, `/stations?status=OPERATING`);
  await page.getByLabel('搜索站点').fill('不存在的站点');
  await page.getByLabel('搜索站点').press('Enter');
  await page.getByText('没有符合条件的站点').waitFor();
  await go(page, `/workers`);
  await page.getByRole('link', { name: fixture.worker.name }).waitFor();
  await shot(page, 'workers');
  await go(page, `/users`);
  await page.getByRole('cell', { name: viewer.username, exact: true }).waitFor();
  await shot(page, 'users');
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(`e2e.${Date.now()}`);
  await dialog.getByLabel('姓名').fill('测试用户');
  await dialog.getByRole('button', { name: '创建' }).click();
  const otp = await page.getByTestId('one-time-password').innerText();
  check(otp.length >= 12, `one-time password shown: ${otp}`);
  await page.getByRole('button', { name: /知道了|OK/ }).click();
  // disable, enable and reset the new user: each answered in place, the reset with a new one-time password
  const row = page.getByRole('row', { name: /测试用户/ });
  await row.getByRole('button', { name: '停用' }).click();
  await row.getByText('已停用').waitFor();
  await row.getByRole('button', { name: '启用' }).click();
  await row.getByText('启用', { exact: true }).first().waitFor();
  await row.getByRole('button', { name: '重置密码' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '重置' }).click();
  await page.getByTestId('one-time-password').waitFor();
  await page.getByRole('button', { name: /知道了|OK/ }).click();
  await go(page, `/excel`);
  await page.getByText('下载模板').waitFor();
  await shot(page, 'excel');
  await page.setViewportSize(tablet);
  await go(page, `/`);
  await page.getByText('问题最多的站点').waitFor();
  await shot(page, 'overview-tablet');
  await page.getByRole('button', { name: 'EN' }).or(page.getByText('EN', { exact: true })).first().click();
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
}));

// 4. A draft profile: a fault shown at its path, then saved, previewed and published.
results.push(await withBrowser('policy-draft-what-if-publish', laptop, async (page) => {
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await go(page, `/policy`);
  await page.getByRole('button', { name: '基于生效版本新建草稿' }).click();
  const editor = page.getByLabel('草稿文档（JSON）');
  await editor.waitFor();
  const original = JSON.parse(await editor.inputValue());
  const broken = structuredClone(original);
  delete broken.staffingRules[0].wording;
  await editor.fill(JSON.stringify(broken, null, 2));
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByTestId('draft-errors').getByText('staffingRules[0].wording').waitFor();
  await shot(page, 'policy-error');
  // a head now needs a senior certificate: the worker posted as head in scenario 2 would no longer qualify
  const edited = structuredClone(original);
  const headRule = edited.qualificationRules.find((r) => r.code === fixture.whatIf.rule);
  check(headRule, `no qualification rule ${fixture.whatIf.rule} in the draft`);
  headRule.alternatives[0].conditions[0].expression = 'certificateRank >= 3';
  await editor.fill(JSON.stringify(edited, null, 2));
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByText('草稿已保存').waitFor();
  await page.getByRole('button', { name: '预览影响' }).click();
  await page.getByTestId('what-if').getByRole('row', { name: new RegExp(`${fixture.worker.name}.*符合.*不符合`) }).waitFor();
  await shot(page, 'policy-what-if');
  await page.getByLabel('生效日期').fill(fixture.publishOn);
  await page.getByRole('button', { name: '发布草稿' }).click();
  await page.getByText('已发布', { exact: true }).first().waitFor();
  await page.getByText('当前没有草稿。').waitFor();
  await shot(page, 'policy');
}));

// 5. A viewer reads and is offered no edits.
results.push(await withBrowser('viewer-sees-no-edit-controls', laptop, async (page) => {
  await signedIn(page, tenant, viewer.username, viewer.password);
  check(!(await page.getByRole('menuitem', { name: '用户' }).count()), 'a viewer is offered the users page');
  await page.getByRole('link', { name: fixture.station.name }).click();
  await page.getByRole('heading', { name: fixture.station.name, exact: true, level: 2 }).waitFor();
  await page.getByTestId('compliance').waitFor();
  for (const label of ['编辑', '安排社工']) {
    check((await page.getByRole('button', { name: label }).count()) === 0, `a viewer sees "${label}"`);
  }
  await shot(page, 'viewer-station');
  await go(page, `/stations`);
  await page.getByRole('link', { name: fixture.station.name }).waitFor();
  check((await page.getByRole('button', { name: '新建站点' }).count()) === 0, 'a viewer sees "新建站点"');
  await go(page, `/policy`);
  await page.getByText('版本').first().waitFor();
  check((await page.getByRole('button', { name: /保存草稿|新建草稿|发布/ }).count()) === 0, 'a viewer sees policy edits');
  await go(page, `/excel`);
  check((await page.getByRole('button', { name: /^导\s?入$/ }).count()) === 0, 'a viewer sees the import');
}));

// 6. Another bureau's station, by a deep link: not found, as if it did not exist; and a session
// the service ends sends the user back to sign in.
results.push(await withBrowser('other-tenants-station-not-found', laptop, async (page) => {
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await go(page, `/stations/${encodeURIComponent(fixture.otherTenantStationId)}`);
  await page.getByTestId('not-found').waitFor();
  await shot(page, 'not-found');
  // a token the service no longer takes: the console asks to sign in again, saying why
  await page.evaluate(() => {
    const s = JSON.parse(sessionStorage.getItem('shegong.session'));
    sessionStorage.setItem('shegong.session', JSON.stringify({ ...s, token: `${s.token}x` }));
  });
  await go(page, `/stations`);
  await page.getByText('登录已失效，请重新登录。').waitFor();
  await page.getByLabel('租户代码').waitFor();
}));

// 7. A spreadsheet with one bad row: the dry run shows the row and writes nothing; fixed, it is
// imported whole; the compliance report exports as a workbook.
results.push(await withBrowser('excel-import-dry-run-fix-import-export', laptop, async (page) => {
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await go(page, `/excel`);
  const divisions = async (code) => page.evaluate(async (c) => {
    const { token } = JSON.parse(sessionStorage.getItem('shegong.session'));
    const r = await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'query($t:String){divisions(first:5,filter:{text:$t}){totalCount}}', variables: { t: c } }) });
    return (await r.json()).data.divisions.totalCount;
  }, code);
  // antd draws the select's options apart from its accessible list: pick the drawn one
  await page.getByRole('combobox', { name: '导入内容' }).click({ force: true });
  await page.locator('.ant-select-item-option[title="区划"]').click();
  const csv = (level) => Buffer.from(`code,level,nameZh\ne2e_xinjie,DISTRICT,新街区\ne2e_jiuqiao,${level},旧桥区\n`, 'utf8');
  const input = page.locator('input[type=file]');
  await input.setInputFiles({ name: 'divisions.csv', mimeType: 'text/csv', buffer: csv('PLANET') });
  await page.getByRole('button', { name: '检查（不写入）' }).click();
  await page.getByText('检查了 2 行，1 个错误').waitFor();
  await page.getByRole('cell', { name: 'PLANET', exact: true }).waitFor();
  check(await page.getByTestId('import-run').isDisabled(), 'import offered despite an error');
  check((await divisions('e2e_xinjie')) === 0, 'the dry run wrote a division');
  await shot(page, 'excel-dry-run');
  await input.setInputFiles({ name: 'divisions.csv', mimeType: 'text/csv', buffer: csv('DISTRICT') });
  await page.getByRole('button', { name: '检查（不写入）' }).click();
  await page.getByText('检查了 2 行，0 个错误').waitFor();
  // by its test id: antd spaces a two-character label (导 入) and marks it loading, so its name
  // changes; a closing overlay (the kind picker's, the check's message) may still lie over it
  const importButton = page.getByTestId('import-run');
  for (let i = 0; i < 50 && (await importButton.isDisabled()); i++) await page.waitForTimeout(100);
  await importButton.click({ force: true });
  await page.getByText('已导入 2 行').waitFor();
  check((await divisions('e2e_xinjie')) === 1 && (await divisions('e2e_jiuqiao')) === 1, 'the import did not write both rows');
  const [file] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: '合规报告' }).click({ force: true })]);
  const saved = join(artefacts, 'compliance-report.xlsx');
  await file.saveAs(saved);
  const bytes = readFileSync(saved);
  check(bytes.subarray(0, 2).toString() === 'PK' && bytes.includes('xl/workbook.xml'), 'the report is not a workbook');
  await shot(page, 'excel-imported');
}));

// 8. The monthly brief: an administrator opens the bureau's from the menu and sees the month's
// figures against the last; printed, the page leaves the menu out; a station's brief opens from
// the station's page.
results.push(await withBrowser('monthly-brief', laptop, async (page) => {
  const { brief } = fixture;
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await page.getByRole('menuitem', { name: '月度简报' }).click();
  await page.getByTestId('brief-title').waitFor();
  const figure = async (id) => (await page.getByTestId(id).locator('.ant-statistic-content-value').textContent()).trim();
  const title = await page.getByTestId('brief-title').textContent();
  check(title.includes(brief.month), `the brief's title: ${title}`);
  check((await figure('brief-records')) === brief.records, `records: ${await figure('brief-records')}`);
  check((await figure('brief-served')) === brief.served, `served: ${await figure('brief-served')}`);
  check((await page.getByTestId('brief-served').textContent()).includes(`上月 ${brief.previousServed}`), 'no comparison with last month');
  await page.getByTestId('brief-compliance').getByText('检查站点').waitFor();
  await page.getByTestId('brief-due').waitFor();
  await shot(page, 'brief');
  await page.emulateMedia({ media: 'print' });
  check(!(await page.getByRole('menuitem', { name: '月度简报' }).isVisible()), 'the menu is printed');
  check(!(await page.getByTestId('brief-print').isVisible()), 'the print button is printed');
  await shot(page, 'brief-print');
  await page.emulateMedia({ media: 'screen' });
  await go(page, '/stations');
  await page.getByRole('link', { name: brief.station }).click();
  await page.getByTestId('station-brief').click();
  await page.getByTestId('brief-title').getByText(brief.station).waitFor();
  check((await figure('brief-served')) === brief.served, `the station's served: ${await figure('brief-served')}`);
  await shot(page, 'brief-station');
}));

const failed = results.filter((r) => !r).length;
console.log(failed ? `${failed} of ${results.length} scenarios failed` : `all ${results.length} scenarios passed`);
process.exit(failed ? 1 : 0);
