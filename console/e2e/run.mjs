// End-to-end scenarios of the console in headless Chromium against a running service:
//   node e2e/run.mjs <baseUrl> <artefactDir>
// with CONSOLE_E2E holding the fixture the caller prepared through the API (ConsoleBrowserTest):
// {tenant, admin: {username, oneTimePassword, newPassword}, viewer: {username, password},
//  station: {name}, worker: {name}, otherTenantStationId,
//  operator: {username, password, station, worker, trainedOn}, platform: {username, password},
//  lifecycle: {station, worker, tooEarly, operatingOn}}.
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
  // requests still running: a page's later queries (the overview's targets) outlive its load state
  const inflight = new Set();
  page.on('request', (r) => inflight.add(r));
  page.on('requestfinished', (r) => inflight.delete(r));
  page.on('requestfailed', (r) => inflight.delete(r));
  page.settled = async () => {
    for (let waited = 0; inflight.size > 0 && waited < TIMEOUT; waited += 50) await page.waitForTimeout(50);
  };
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
  await page.settled();
  await page.goto(`${console_}${path}`);
}

/**
 * Chooses the option `text` of the antd select `field` (its labelled input), typing `type` first
 * to search, and checks that the choice took. A list still being searched can re-render under the
 * pointer on a loaded machine, so a click that landed on nothing is tried again. `exact` matches
 * the option's whole name (its title) rather than a part of it. The lists closed before stay in
 * the page, hidden: only the open one's options count.
 */
async function choose(page, field, text, { type, exact = false } = {}) {
  const select = field.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  // what the select shows as chosen: a single select's value, a multiple one's tags
  const chosen = select.locator('.ant-select-content', { hasText: text });
  for (let attempt = 1; ; attempt++) {
    // a retry finds the list open or shut; Escape is no way back, since in a dialog it closes the dialog
    if (attempt === 1 || !(await page.locator('.ant-select-item-option:visible').count())) await field.click();
    if (type && attempt === 1) await page.keyboard.type(type);
    else if (type) await field.fill(type);
    await page.settled();
    const options = exact
      ? page.locator(`.ant-select-item-option[title="${text}"]:visible`)
      : page.locator('.ant-select-item-option:visible', { hasText: text });
    await options.first().click();
    try {
      await chosen.first().waitFor({ timeout: 3000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

// Signing out once the page is quiet: a request the sign-out cut off would read as a failed one.
async function signOut(page) {
  await page.settled();
  await page.getByRole('button', { name: '退出登录' }).click();
}

// A dialog once its opening zoom is over: a click on its button while it zooms in can go nowhere.
async function opened(page) {
  await page.waitForFunction(() => !document.querySelector('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter'));
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
  await page.getByTestId('targets').waitFor();
  await page.settled();
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
  await signOut(page);
  await page.getByRole('button', { name: '登录' }).waitFor();
  // the new password holds, the one-time one no longer does
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await signOut(page);
}));

// 2. From the overview to a non-compliant station and why; a post makes a finding go.
results.push(await withBrowser('overview-to-finding-and-fix', laptop, async (page) => {
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await page.getByText('问题最多的站点').waitFor();
  await page.getByRole('img', { name: '站点状态分布图' }).waitFor();
  // a target's gap: the school no station serves yet
  const target = page.getByTestId('targets').getByRole('row', { name: new RegExp(fixture.target.label) });
  await target.getByTestId('target-gap').getByText(fixture.target.lacking).waitFor();
  // the year's service by division: the fixture's two records at the Hunanlu station, 12 and 4 served
  const served = page.getByTestId('activity-summary').getByRole('row', { name: /湖南路街道/ });
  await served.getByRole('cell', { name: '16', exact: true }).waitFor();
  await page.getByRole('img', { name: '各月服务开展图' }).waitFor();
  // a district bureau's compliance by street: its stations lie in one district
  const areas = page.getByTestId('compliance-by-area');
  await areas.getByText('各街道（乡镇）合规情况').waitFor();
  await areas.getByRole('row', { name: /宁海路街道/ }).waitFor();
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
  await choose(page, dialog.getByLabel('社工'), fixture.worker.name, { type: fixture.worker.name });
  await choose(page, dialog.getByLabel('岗位'), fixture.worker.role);
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
  await choose(page, form.getByLabel('站点类型'), '街道社会工作站');
  await form.getByLabel('名称').fill('控制台新建的社工站');
  await choose(page, form.getByLabel('区划'), '宁海路街道');
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

// 9. An operator registers a worker, posts it at the station granted to it and sees the findings
// change, then records the worker's training; another station shows it nothing to edit. Training
// comes after the post: an operator edits the workers posted at its stations, and no other.
results.push(await withBrowser('operator-registers-posts-and-trains', laptop, async (page) => {
  const { operator } = fixture;
  await signedIn(page, tenant, operator.username, operator.password);
  await go(page, `/workers`);
  await page.getByRole('button', { name: '登记社工' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('姓名').fill(operator.worker);
  check((await form.getByLabel('出生日期').count()) === 0, 'an operator is offered personal fields');
  await choose(page, form.getByLabel('证书等级'), '社工师', { exact: true });
  await form.getByLabel('取证日期').fill('2021-06-01');
  await shot(page, 'worker-register');
  await form.getByRole('button', { name: '保存' }).click();
  await page.getByRole('heading', { name: operator.worker, exact: true, level: 2 }).waitFor();
  // not yet posted at its station: the operator may not edit the worker's record
  check((await page.getByRole('button', { name: '添加培训记录' }).count()) === 0, 'training offered for a worker of no station of the operator');

  await go(page, `/stations`);
  await page.getByRole('link', { name: operator.station }).click();
  await page.getByRole('heading', { name: operator.station, exact: true, level: 2 }).waitFor();
  const findings = page.getByTestId('finding');
  await page.getByTestId('compliance').waitFor();
  await page.waitForLoadState('networkidle');
  const before = (await findings.allInnerTexts()).join('\n');
  await page.getByRole('button', { name: '安排社工' }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, dialog.getByLabel('社工'), operator.worker, { type: operator.worker });
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('link', { name: operator.worker }).first().waitFor();
  await page.waitForFunction(
    (text) => [...document.querySelectorAll('[data-testid=finding]')].map((f) => f.innerText).join('\n') !== text,
    before,
  );
  await shot(page, 'operator-station-after-post');
  check((await page.getByRole('button', { name: '关闭站点' }).count()) === 0, 'an operator is offered to close a station');
  await page.getByRole('button', { name: '变更状态' }).waitFor();

  await page.getByRole('link', { name: operator.worker }).first().click();
  await page.getByRole('heading', { name: operator.worker, exact: true, level: 2 }).waitFor();
  await page.getByRole('button', { name: '添加培训记录' }).click();
  const training = page.getByRole('dialog');
  await training.getByLabel('培训主题').fill('社区矫正个案工作');
  await training.getByLabel('培训机构').fill('鼓楼区社会工作协会');
  await training.getByLabel('学时').fill('16');
  await training.getByLabel('完成日期').fill(operator.trainedOn);
  await training.getByRole('button', { name: '保存' }).click();
  await page.getByRole('cell', { name: '社区矫正个案工作' }).waitFor();
  await page.getByText('培训记录（共 16 学时）').waitFor();
  await shot(page, 'operator-worker-trained');

  // a station not granted to it: read only
  await go(page, `/stations`);
  await page.getByRole('link', { name: fixture.station.name }).click();
  await page.getByRole('heading', { name: fixture.station.name, exact: true, level: 2 }).waitFor();
  await page.getByTestId('compliance').waitFor();
  for (const label of ['编辑', '安排社工', '变更状态', '关闭站点', '结束岗位']) {
    check((await page.getByRole('button', { name: label }).count()) === 0, `an operator sees "${label}" on a station not granted to it`);
  }
}));

// 10. Conditions checked while the administrator types, before any save; and the compliance report
// as a page that prints without the console's navigation.
results.push(await withBrowser('policy-conditions-checked-while-typing-and-printable-report', laptop, async (page) => {
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await go(page, `/policy`);
  await page.getByRole('button', { name: '基于生效版本新建草稿' }).click();
  const editor = page.getByLabel('草稿文档（JSON）');
  await editor.waitFor();
  await page.getByTestId('conditions-ok').waitFor();
  const doc = JSON.parse(await editor.inputValue());
  doc.qualificationRules[0].alternatives[0].conditions[0].expression = 'certificateRank >= ';
  await editor.fill(JSON.stringify(doc, null, 2));
  const errors = page.getByTestId('condition-errors');
  await errors.getByText('qualificationRules[0].alternatives[0].conditions[0].expression').waitFor();
  await errors.getByText(/表达式不完整/).waitFor();
  await shot(page, 'policy-condition-error');
  doc.qualificationRules[0].alternatives[0].conditions[0].expression = 'certificateRank >= 2';
  await editor.fill(JSON.stringify(doc, null, 2));
  await page.getByTestId('conditions-ok').waitFor();
  check((await errors.count()) === 0, 'a fixed condition still marked');

  await go(page, `/`);
  await page.getByRole('link', { name: '合规报告（可打印）' }).click();
  await page.getByTestId('compliance-report').waitFor();
  await page.getByTestId('report-division').first().waitFor();
  await page.getByText(fixture.station.name).first().waitFor();
  await shot(page, 'compliance-report');
  await page.emulateMedia({ media: 'print' });
  check(!(await page.getByRole('menuitem', { name: '站点' }).isVisible()), 'the menu prints');
  await shot(page, 'compliance-report-print');
  await page.emulateMedia({ media: 'screen' });
}));

// 11. A platform administrator signs in without a tenant, lands on the tenants, creates a bureau
// (its administrator's one-time password shown once) and deactivates it.
results.push(await withBrowser('platform-admin-creates-and-deactivates-a-tenant', laptop, async (page) => {
  const { platform } = fixture;
  await signIn(page, '', platform.username, platform.password);
  await page.getByRole('heading', { name: '租户', level: 2 }).waitFor();
  check(new URL(page.url()).pathname.endsWith('/tenants'), `not on the tenants page: ${page.url()}`);
  check((await page.getByRole('menuitem', { name: '概览' }).count()) === 0, 'a platform administrator is offered the overview');
  await shot(page, 'tenants');
  // tenants list by code, a page of 100, and the test database keeps every run's: a code that
  // falls as time goes on puts this run's first
  const code = `a-e2e-${(2 ** 41 - Date.now()).toString(36)}`;
  await page.getByRole('button', { name: '新建租户' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('租户代码').fill(code);
  await form.getByLabel('中文名称').fill('端到端测试民政局');
  await form.getByLabel('英文名称').fill('End-to-end Test Civil Affairs Bureau');
  await form.getByLabel('地区').fill('江苏省南京市');
  await form.getByLabel('管理员用户名').fill('li.na');
  await form.getByLabel('管理员姓名').fill('李娜');
  await form.getByRole('button', { name: '保存' }).click();
  const otp = await page.getByTestId('one-time-password').innerText();
  check(otp.length >= 12, `one-time password shown: ${otp}`);
  await shot(page, 'tenant-created');
  await page.getByRole('button', { name: /知道了|OK/ }).click();
  const row = page.getByRole('row', { name: new RegExp(code) });
  await row.getByText('启用', { exact: true }).waitFor();
  await row.getByRole('button', { name: '停用' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '停用' }).click();
  await row.getByText('已停用').waitFor();
  await shot(page, 'tenant-deactivated');
  await row.getByRole('button', { name: '重新启用' }).click();
  await row.getByText('启用', { exact: true }).waitFor();
}));

// 12. An administrator moves a signed station into operation (a date before its status's is refused
// on the field), records a supervision visit, ends a post and closes the station.
results.push(await withBrowser('admin-moves-a-station-through-its-life-cycle', laptop, async (page) => {
  const { lifecycle } = fixture;
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await go(page, `/stations`);
  await page.getByRole('link', { name: lifecycle.station }).click();
  await page.getByRole('heading', { name: lifecycle.station, exact: true, level: 2 }).waitFor();
  await page.getByRole('button', { name: '变更状态' }).click();
  const status = page.getByTestId('status-form');
  await status.getByLabel('生效日期').fill(lifecycle.tooEarly);
  await page.getByTestId('status-form-ok').click();
  await status.locator('.ant-form-item-explain-error').first().waitFor();
  await shot(page, 'station-status-error');
  await status.getByLabel('生效日期').fill(lifecycle.operatingOn);
  await status.getByLabel('说明').fill('完成签约，开始运营');
  await page.getByTestId('status-form-ok').click();
  await status.waitFor({ state: 'hidden' });
  await page.getByText('完成签约，开始运营').waitFor();

  await page.getByRole('button', { name: '记录督导' }).click();
  const visit = page.getByTestId('visit-form');
  await visit.getByLabel('督导人').fill('周督导');
  await visit.getByLabel('督导发现').fill('台账齐全，个案记录需补充评估');
  await page.getByTestId('visit-form-ok').click();
  await page.getByTestId('visit').filter({ hasText: '台账齐全' }).waitFor();

  await page.getByRole('button', { name: `结束 ${lifecycle.worker} 的岗位` }).click();
  await opened(page);
  await page.getByTestId('end-post-form-ok').click();
  await page.getByTestId('end-post-form').waitFor({ state: 'hidden' });
  await page.getByRole('row', { name: new RegExp(`${lifecycle.worker}.*– \\d{4}-\\d{2}-\\d{2}`) }).waitFor();
  await shot(page, 'station-lifecycle');

  await page.getByRole('button', { name: '关闭站点' }).click();
  await page.getByTestId('close-form').getByLabel('说明').fill('合并至湖南路街道社工站');
  await page.getByTestId('close-form-ok').click();
  await page.getByTestId('close-form').waitFor({ state: 'hidden' });
  await page.getByText('合并至湖南路街道社工站').waitFor();
  for (const label of ['编辑', '变更状态', '安排社工', '关闭站点']) {
    check((await page.getByRole('button', { name: label }).count()) === 0, `a closed station still offers "${label}"`);
  }
  await shot(page, 'station-closed');
}));

// 13. An operator records an activity (the API's refusal of zero hours shown on the field),
// closes an overdue due item with evidence, then reopens it, adds a project to the station's plan
// and starts a project the plan holds.
results.push(await withBrowser('operator-records-activity-and-closes-due-item', laptop, async (page) => {
  const operator = fixture.yearOperator;
  await signedIn(page, tenant, operator.username, operator.password);
  await go(page, `/stations`);
  await page.getByRole('link', { name: fixture.station.name }).click();
  await page.getByRole('heading', { name: fixture.station.name, exact: true, level: 2 }).waitFor();
  await page.getByTestId('activity-totals').waitFor();
  await page.getByTestId('activity-record').click();
  const dialog = page.getByRole('dialog');
  await choose(page, dialog.getByLabel('服务类型'), '小组');
  await dialog.getByLabel('服务内容').fill('长者健康讲座');
  await dialog.getByLabel('时长（小时）', { exact: true }).fill('0');
  await choose(page, dialog.getByLabel('类别 1'), '老年人');
  await dialog.getByLabel('人数 1').fill('18');
  await dialog.getByLabel('志愿者人数').fill('3');
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.locator('.ant-form-item', { has: page.getByLabel('时长（小时）', { exact: true }) }).locator('.ant-form-item-explain-error').waitFor();
  await shot(page, 'activity-error');
  await dialog.getByLabel('时长（小时）', { exact: true }).fill('2');
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('cell', { name: '长者健康讲座' }).waitFor();
  const totals = await page.getByTestId('activity-totals').innerText();
  check(/服务人次\s*18/.test(totals) && /服务时长（小时）\s*2/.test(totals), `totals after the record: ${totals}`);
  await shot(page, 'station-activities');
  await page.getByRole('tab', { name: '时间节点' }).click();
  const item = page.getByTestId('due-item').filter({ hasText: fixture.dueItem });
  await item.getByText('已逾期').waitFor();
  await item.getByTestId('due-complete').click();
  const done = page.getByRole('dialog');
  await done.getByLabel('完成材料').fill('已报街道办，文号 宁社〔2026〕12号');
  await done.getByRole('button', { name: '保存' }).click();
  await done.waitFor({ state: 'hidden' });
  await item.getByText('已完成').waitFor();
  await item.getByText('宁社〔2026〕12号').waitFor();
  await shot(page, 'station-due-items');
  await item.getByTestId('due-reopen').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '重新打开' }).click();
  await item.getByText('已逾期').waitFor();
  // the year's plan: the model's slots with what each holds; a cluster project added row by row
  await page.getByRole('tab', { name: '年度计划' }).click();
  const slots = page.getByTestId('plan-slots');
  await slots.getByRole('row', { name: /1个核心项目/ }).getByText(fixture.project).waitFor();
  const cluster = slots.getByRole('row', { name: /3个组团项目/ });
  await cluster.getByText('不足（0）').waitFor();
  await page.getByTestId('plan-edit').click();
  const planning = page.getByRole('dialog');
  await planning.getByTestId('add-projects').click();
  await choose(page, planning.getByLabel('项目2栏目'), '3个组团项目');
  await planning.getByLabel('项目2名称').fill('一老一小关爱组团');
  await planning.getByTestId('plan-form-ok').click();
  await planning.waitFor({ state: 'hidden' });
  await cluster.getByText('一老一小关爱组团').waitFor();
  await cluster.getByText('不足（1）').waitFor();
  await shot(page, 'station-plan');
  // a project started in the slot its plan holds, then moved on to planning
  await page.getByRole('tab', { name: '服务项目' }).click();
  await page.getByTestId('project-start').click();
  const start = page.getByRole('dialog');
  await choose(page, start.getByLabel('计划中的项目'), fixture.project);
  await start.getByLabel('开始日期').fill('2026-09-01');
  await start.getByRole('button', { name: '保存' }).click();
  await start.waitFor({ state: 'hidden' });
  const project = page.getByRole('row', { name: new RegExp(fixture.project) });
  await project.getByTestId('project-advance').click();
  const advance = page.getByRole('dialog');
  await opened(page);
  await advance.getByRole('button', { name: '保存' }).click();
  await advance.waitFor({ state: 'hidden' });
  await project.getByText('2026-11-25').waitFor();
  await shot(page, 'station-projects');
}));

// 14. A supervisor records a visit and a finding with a deadline (one before the visit refused on
// its field); the operator reports the rectification; the supervisor re-inspects and closes it.
// A viewer sees the loop and none of its controls.
results.push(await withBrowser('supervisor-finding-rectified-and-reinspected', laptop, async (page) => {
  const { supervisor } = fixture;
  const operator = fixture.yearOperator;
  await signedIn(page, tenant, supervisor.username, supervisor.password);
  await page.getByRole('menuitem', { name: '督导整改' }).click();
  await page.getByTestId('supervision-counts').waitFor();
  // the fixture's year, whatever the machine's clock says
  await page.getByLabel('起始日期').fill('2026-01-01');
  await page.getByLabel('截止日期').fill('2026-12-31');
  await choose(page, page.getByLabel('选择站点'), fixture.station.name, { type: '宁海路' });
  // other scenarios record visits in the same bureau: the count is read before this one
  const onSite = async () => Number(/实地督导\s*(\d+)/.exec(await page.getByTestId('supervision-counts').innerText())?.[1] ?? 0);
  await page.waitForLoadState('networkidle');
  const visitsBefore = await onSite();
  await page.getByTestId('visit-record').click();
  const visit = page.getByRole('dialog');
  await visit.getByLabel('督导概况').fill('查看台账与功能室，访谈站点社工');
  await visit.getByRole('button', { name: '保存' }).click();
  await visit.waitFor({ state: 'hidden' });
  await page.getByTestId('visit').first().waitFor();
  // the counts follow the new visit
  await page.waitForFunction((n) => new RegExp(`实地督导\\s*${n}`).test(document.querySelector('[data-testid=supervision-counts]')?.innerText ?? ''),
    visitsBefore + 1);
  await page.getByTestId('finding-add').first().click();
  const finding = page.getByRole('dialog');
  await finding.getByLabel('发现的问题').fill('服务档案未按月归档');
  const deadline = finding.getByLabel('整改期限（不填则无需整改）');
  await deadline.fill('2026-11-01');
  await finding.getByRole('button', { name: '保存' }).click();
  await finding.locator('.ant-form-item', { has: page.getByLabel('整改期限（不填则无需整改）') }).locator('.ant-form-item-explain-error').waitFor();
  await shot(page, 'supervision-finding-error');
  await deadline.fill('2026-12-15');
  await finding.getByRole('button', { name: '保存' }).click();
  await finding.waitFor({ state: 'hidden' });
  const card = page.getByTestId('supervision-finding').filter({ hasText: '服务档案未按月归档' });
  await card.getByText('待整改').waitFor();
  check(!(await card.getByTestId('rectification-report').count()), 'a supervisor is offered to report the rectification');
  await shot(page, 'supervision-finding');
  const loop = new URL(page.url());
  const path = `/supervision${loop.search}`;
  await signOut(page);

  await signedIn(page, tenant, operator.username, operator.password);
  await go(page, path);
  check(!(await page.getByTestId('visit-record').count()), 'an operator is offered to record a visit');
  await card.getByTestId('rectification-report').click();
  const report = page.getByRole('dialog');
  await report.getByLabel('整改情况').fill('已按月整理归档，补齐 9—11 月档案');
  await report.getByRole('button', { name: '提交' }).click();
  await report.waitFor({ state: 'hidden' });
  await card.getByText('已报整改，待复查').waitFor();
  await signOut(page);

  await signedIn(page, tenant, supervisor.username, supervisor.password);
  await go(page, path);
  await card.getByTestId('reinspect').click();
  const reinspect = page.getByRole('dialog');
  await opened(page);
  await reinspect.getByRole('button', { name: '保存' }).click();
  await reinspect.waitFor({ state: 'hidden' });
  await card.getByText('已整改').waitFor();
  await shot(page, 'supervision-closed');
  await signOut(page);

  await signedIn(page, tenant, viewer.username, viewer.password);
  await go(page, path);
  await card.getByText('已整改').waitFor();
  for (const id of ['visit-record', 'finding-add', 'rectification-report', 'reinspect']) {
    check(!(await page.getByTestId(id).count()), `a viewer is offered ${id}`);
  }
}));

// 15. An administrator accepts the featured case the station submitted, and reads the bureau's
// calendar: who is late, linking to the station.
results.push(await withBrowser('admin-accepts-featured-case', laptop, async (page) => {
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await go(page, `/calendar`);
  const late = page.getByTestId('late');
  await late.getByRole('link', { name: fixture.station.name }).waitFor();
  await page.getByRole('cell', { name: fixture.dueItem }).first().waitFor();
  await shot(page, 'calendar');
  await late.getByRole('link', { name: fixture.station.name }).click();
  await page.getByRole('heading', { name: fixture.station.name, exact: true, level: 2 }).waitFor();
  await page.getByRole('tab', { name: '典型案例' }).click();
  const item = page.getByTestId('featured-case').filter({ hasText: fixture.featuredCase });
  await item.getByText('待审核').waitFor();
  await item.getByTestId('case-accept').click();
  await item.getByText('已采纳').waitFor();
  check(!(await item.getByTestId('case-accept').count()), 'an accepted case still offers acceptance');
  await shot(page, 'station-featured-cases');
}));

// 16. An administrator registers an operator (a wrong credit code is refused on its field) and a
// contract: a term longer than three years is refused on its end date, naming the profile's
// three-year rule, and the three-year term is drafted; the ledger reads.
results.push(await withBrowser('admin-registers-operator-and-contract', laptop, async (page) => {
  const { contract } = fixture;
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await go(page, '/operators');
  await page.getByRole('heading', { name: '承接主体', level: 2 }).waitFor();
  await page.getByTestId('operators').getByText(contract.operator).click();
  await page.getByTestId('operator').getByRole('link', { name: contract.title, exact: true }).waitFor();
  await page.getByTestId('operator-register').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('名称').fill('鼓楼区宁海路社会工作服务中心');
  const code = dialog.getByLabel('统一社会信用代码');
  await code.fill(contract.wrongCreditCode);
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.locator('.ant-form-item', { has: page.getByLabel('统一社会信用代码') }).locator('.ant-form-item-explain-error').waitFor();
  await shot(page, 'operator-credit-code-error');
  await code.fill(contract.creditCode);
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByTestId('operators').getByText('鼓楼区宁海路社会工作服务中心').waitFor();
  await shot(page, 'operators');

  await go(page, '/contracts');
  await page.getByRole('link', { name: contract.title, exact: true }).waitFor();
  await page.getByTestId('contract-create').click();
  const form = page.getByRole('dialog');
  await form.getByLabel('项目名称').fill('宁海路街道社工站三年运营项目');
  const pick = (label, text) => choose(page, form.getByLabel(label), text, { type: text, exact: true });
  await pick('承接主体', '鼓楼区宁海路社会工作服务中心');
  await pick('购买方', contract.district);
  await pick('项目落地方（街道/镇）', contract.street);
  await pick('服务站点', contract.station);
  await form.locator('.ant-modal-title').click(); // closes the stations' list over the dates
  await form.getByLabel('起始日期').fill('2026-01-01');
  await form.getByLabel('截止日期').fill('2029-12-31');
  await form.getByLabel('合同金额（元）').fill('600000');
  await form.getByRole('button', { name: '保存' }).click();
  const refusal = form.locator('.ant-form-item', { has: page.getByLabel('截止日期') }).locator('.ant-form-item-explain-error');
  await refusal.waitFor();
  const words = await refusal.innerText();
  check(/超过3年/.test(words) && /最长不超过3年/.test(words) && /控制台测试/.test(words) && /2028-12-31/.test(words),
    `the three-year refusal names no rule, source or latest end: ${words}`);
  await shot(page, 'contract-too-long');
  await form.getByLabel('截止日期').fill('2028-12-31');
  await form.getByRole('button', { name: '保存' }).click();
  await form.waitFor({ state: 'hidden' });
  await page.getByRole('heading', { name: '宁海路街道社工站三年运营项目', level: 2 }).waitFor();
  check(!(await page.getByTestId('contract-finding').filter({ hasText: '超过3年' }).count()), 'a three-year term is found too long');

  await go(page, '/funding');
  await page.getByRole('heading', { name: '资金台账', level: 2 }).waitFor();
  await page.getByTestId('funding-findings').waitFor();
  await page.getByTestId('funding-record').waitFor();
  // the fiscal year is the bureau's, whatever year the browser's clock says
  check((await page.getByLabel('财政年度').inputValue()) === '2026', `the funding page opens on ${await page.getByLabel('财政年度').inputValue()}`);
  // the fixture contract's first tranche, due 1 March and never paid
  await page.getByTestId('tranches-due').getByRole('row', { name: new RegExp(`${fixture.contract.title} 第1期`) }).getByText('已逾期').waitFor();
  await shot(page, 'funding');
}));

// 17. The operator's staff (a STATION_OPERATOR granted the contract's station) submits a monthly
// brief; the contract's price and payments stay hidden from them.
results.push(await withBrowser('operator-staff-submits-monthly-brief', laptop, async (page) => {
  const { operator, contract } = fixture;
  await signedIn(page, tenant, operator.username, operator.password);
  await go(page, '/contracts');
  await page.getByRole('link', { name: contract.title, exact: true }).click();
  await page.getByRole('heading', { name: contract.title, exact: true, level: 2 }).waitFor();
  await page.getByTestId('contract-reports').waitFor();
  check(!(await page.getByTestId('tranches').count()), 'an operator is shown the payment schedule');
  check(!(await page.getByText('合同金额').count()), 'an operator is shown the price');
  check(!(await page.getByTestId('evaluation-record').count()), 'an operator is offered to record an evaluation');
  await page.getByTestId('report-submit').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('期间起').fill('2026-10-01');
  await dialog.getByLabel('期间止').fill('2026-10-31');
  await dialog.getByLabel('报告内容').fill('10月开展困境儿童个案服务1次，服务4人次');
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const row = page.getByTestId('contract-reports').getByRole('row', { name: /月度工作简报/ });
  await row.getByText('待验收').waitFor();
  check(!(await page.getByTestId('report-accept').count()), 'an operator is offered to accept a report');
  await shot(page, 'contract-report-submitted');
}));

// 18. A supervisor records a failing annual evaluation; the contract shows the rule's consequence:
// the day it should end by.
results.push(await withBrowser('supervisor-fails-contract-evaluation', laptop, async (page) => {
  const { supervisor, contract } = fixture;
  await signedIn(page, tenant, supervisor.username, supervisor.password);
  await go(page, '/contracts');
  await page.getByRole('link', { name: contract.title, exact: true }).click();
  await page.getByRole('heading', { name: contract.title, exact: true, level: 2 }).waitFor();
  await page.getByTestId('tranches').waitFor();
  await page.getByTestId('evaluation-record').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('评估方').fill('南京市社会工作评估中心');
  await dialog.getByLabel('评估日期').fill('2026-11-20');
  await dialog.getByLabel('得分').fill('52');
  await choose(page, dialog.getByLabel('等级'), '不合格');
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByTestId('contract-evaluations').getByText('不合格').waitFor();
  const end = page.getByTestId('proposed-end');
  await end.waitFor();
  const words = await end.innerText();
  check(words.includes('2026-12-31'), `the failed evaluation's consequence reads: ${words}`);
  await shot(page, 'contract-failed-evaluation');
}));

// 19. An administrator drafts a contract with its schedule row by row (a wrong amount refused on
// its own row, in Chinese), signs it, sets and clears its takeover plan, records a payment on a
// tranche and sees it paid, ends the contract early, and takes the payment out of the ledger again.
results.push(await withBrowser('admin-signs-pays-and-terminates-a-contract', laptop, async (page) => {
  const { contract } = fixture;
  const title = '湖南路街道社工站2026-2027年度运营项目';
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await go(page, '/contracts');
  await page.getByRole('link', { name: contract.title, exact: true }).waitFor();
  await page.getByTestId('contract-create').click();
  const form = page.getByRole('dialog');
  await form.getByLabel('项目名称').fill(title);
  const pick = (label, text) => choose(page, form.getByLabel(label), text, { type: text, exact: true });
  await pick('承接主体', contract.operator);
  await pick('购买方', contract.district);
  await pick('项目落地方（街道/镇）', contract.street);
  await pick('服务站点', contract.station);
  await form.locator('.ant-modal-title').click();
  await form.getByLabel('起始日期').fill('2026-01-01');
  await form.getByLabel('截止日期').fill('2027-12-31');
  await form.getByLabel('合同金额（元）').fill('200000');
  await form.getByTestId('add-tranches').click();
  await form.getByTestId('add-tranches').click();
  await form.getByLabel('第1期应付日期').fill('2026-03-01');
  await form.getByLabel('第1期金额（元）').fill('100000.00');
  await form.getByLabel('第1期付款条件').fill('合同签订后支付');
  await form.getByLabel('第2期应付日期').fill('2027-03-01');
  await form.getByLabel('第2期金额（元）').fill('0.125');
  await form.getByTestId('add-deliverables').click();
  await form.getByLabel('服务内容1', { exact: true }).fill('个案服务');
  await form.getByLabel('服务内容1数量').fill('20');
  await form.getByLabel('服务内容1单位').fill('个');
  await form.getByLabel('服务内容1质量标准').fill('结案率不低于80%');
  await form.getByTestId('add-documents').click();
  await form.getByLabel('文件1').fill('鼓民〔2026〕12号');
  await form.getByTestId('contract-form-ok').click();
  // the service's path ["input", "tranches[1]", "amount"] lands on the second row's amount, in Chinese
  const amount = form.locator('.ant-form-item', { has: page.getByLabel('第2期金额（元）') });
  const refused = await amount.locator('.ant-form-item-explain-error').innerText();
  check(refused.includes('最多两位小数'), `the second tranche's amount is refused as: ${refused}`);
  await shot(page, 'contract-tranche-refused');
  await form.getByLabel('第2期金额（元）').fill('100000.00');
  await form.getByTestId('contract-form-ok').click();
  await form.waitFor({ state: 'hidden' });
  await page.getByRole('heading', { name: title, level: 2 }).waitFor();
  await page.getByText('结案率不低于80%').waitFor();

  // the draft is changed before signing: its rows come back filled, a deliverable's quantity changes
  await page.getByTestId('contract-edit').click();
  const editing = page.getByRole('dialog');
  check(await editing.getByLabel('第2期金额（元）').inputValue() === '100000.00', 'the draft form shows the draft\'s second tranche');
  await editing.getByLabel('服务内容1数量').fill('24');
  await editing.getByTestId('contract-form-ok').click();
  await editing.waitFor({ state: 'hidden' });
  await page.getByRole('cell', { name: '24 个' }).waitFor();

  await page.getByTestId('contract-sign').click();
  const signing = page.getByRole('dialog');
  await signing.getByLabel('签订日期').fill('2026-01-05');
  await signing.getByTestId('sign-form-ok').click();
  await signing.waitFor({ state: 'hidden' });
  await page.getByTestId('contract-terms').getByText('2026-01-05').waitFor();
  check(!(await page.getByTestId('contract-sign').count()), 'a signed contract is offered to be signed again');

  // a takeover plan is set, then cleared
  await page.getByTestId('contract-takeover').click();
  const plan = page.getByRole('dialog');
  await plan.getByLabel('预案文件编号或名称').fill('鼓民〔2026〕13号 临时接管预案');
  await plan.getByTestId('takeover-form-ok').click();
  await plan.waitFor({ state: 'hidden' });
  await page.getByTestId('takeover-plan').getByText('鼓民〔2026〕13号 临时接管预案').waitFor();
  await page.getByTestId('takeover-clear').click();
  await page.getByTestId('takeover-clear-confirm').click();
  await page.getByTestId('takeover-plan').getByText('—').waitFor();

  const first = page.getByTestId('tranches').getByRole('row', { name: /合同签订后支付/ });
  await first.getByTestId('tranche-pay').click();
  const paying = page.getByRole('dialog');
  const prefilled = await paying.getByLabel('金额（元）').inputValue();
  check(prefilled === '100000.00', `the payment's amount is prefilled as ${prefilled}`);
  await paying.getByLabel('付款日期').fill('2026-03-02');
  await paying.getByLabel('资金来源').click();
  await page.locator('.ant-select-item-option:visible').first().click();
  await paying.getByTestId('payment-form-ok').click();
  await paying.waitFor({ state: 'hidden' });
  await first.getByText('已付清').waitFor();
  check(!(await first.getByTestId('tranche-pay').count()), 'a paid tranche is offered another payment');
  await shot(page, 'contract-tranche-paid');

  await page.getByTestId('contract-end').click();
  const ending = page.getByRole('dialog');
  await ending.getByLabel('结束日期').fill('2026-11-20');
  await ending.getByLabel('说明').fill('承接主体撤出本街道');
  await ending.getByTestId('end-form-ok').click();
  await ending.waitFor({ state: 'hidden' });
  await page.getByTestId('contract-terms').getByText(/提前终止 2026-11-20/).waitFor();
  check(!(await page.getByTestId('contract-end').count()), 'an ended contract is offered to be ended again');
  await shot(page, 'contract-terminated');

  // the payment was entered in error: the ledger takes it out, after a confirmation
  await go(page, '/funding?year=2026');
  const entry = page.getByTestId('funding-entries').getByRole('row', { name: new RegExp(title) });
  await entry.getByTestId('funding-remove').click();
  await page.getByTestId('funding-remove-confirm').click();
  await entry.waitFor({ state: 'detached' });
}));

// 20. An administrator records which operator employs a worker, the record the no-subcontracting
// rule reads, and clears it again.
results.push(await withBrowser('admin-sets-worker-employer', laptop, async (page) => {
  const { contract, worker } = fixture;
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await go(page, '/workers');
  await page.getByRole('link', { name: worker.name }).first().click();
  await page.getByRole('heading', { name: worker.name, exact: true, level: 2 }).waitFor();
  const employer = page.getByTestId('worker-employer');
  await employer.getByText('未登记').waitFor();
  await page.getByTestId('worker-employer-set').click();
  const dialog = page.getByRole('dialog');
  await choose(page, dialog.getByLabel('承接主体'), contract.operator, { type: contract.operator, exact: true });
  await dialog.getByTestId('employer-form-ok').click();
  await dialog.waitFor({ state: 'hidden' });
  await employer.getByRole('link', { name: contract.operator }).waitFor();
  await shot(page, 'worker-employer');
  await page.getByTestId('worker-employer-set').click();
  // the clear icon shows on hover; a forced click during the dialog's opening animation could land
  // on the mask and close the dialog, so the click waits for a settled dialog and a hovered select
  await dialog.getByTestId('employer-form-ok').waitFor();
  await dialog.locator('.ant-select').hover();
  await dialog.locator('.ant-select-clear').click();
  await dialog.getByTestId('employer-form-ok').click();
  await dialog.waitFor({ state: 'hidden' });
  await employer.getByText('未登记').waitFor();
}));

// 21. An administrator adds a street to the bureau's divisions (a code already taken refused on its
// field, in Chinese) and corrects its community count, which drives the staffing brackets; the
// audit log shows the change and the refused attempt.
results.push(await withBrowser('admin-keeps-divisions', laptop, async (page) => {
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await page.getByRole('menuitem', { name: '行政区划' }).click();
  const list = page.getByTestId('division-list');
  await list.getByRole('row', { name: /湖南路街道/ }).getByText('8', { exact: true }).waitFor();
  await page.getByTestId('division-create').click();
  const form = page.getByRole('dialog');
  await choose(page, form.getByLabel('上级区划'), '鼓楼区', { exact: true });
  await form.getByLabel('代码').fill('hunanlu');
  await form.getByLabel('中文名称').fill('华侨路街道');
  await form.getByLabel('社区数').fill('6');
  await form.getByTestId('division-form-ok').click();
  await form.getByText('区划代码“hunanlu”已被使用，请换一个').waitFor();
  await form.getByLabel('代码').fill('huaqiaolu');
  await form.getByTestId('division-form-ok').click();
  await form.waitFor({ state: 'hidden' });
  await page.getByLabel('搜索区划').fill('华侨路');
  await page.getByLabel('搜索区划').press('Enter');
  const added = list.getByRole('row', { name: /华侨路街道/ });
  await added.getByText('鼓楼区').waitFor();
  await added.getByTestId('division-edit').click();
  const edit = page.getByRole('dialog');
  await edit.getByLabel('社区数', { exact: true }).fill('9');
  await edit.getByLabel('英文名称').fill('Huaqiaolu Street');
  await edit.getByTestId('division-edit-form-ok').click();
  await edit.waitFor({ state: 'hidden' });
  await added.getByText('9', { exact: true }).waitFor();
  await shot(page, 'divisions');
  // the audit log holds the change with its fields before and after, and the refused attempt
  // (each filter by its address: a list refetched under a new filter shows the old rows meanwhile)
  await page.getByRole('menuitem', { name: '操作日志' }).click();
  const log = page.getByTestId('audit-log');
  await log.getByRole('row', { name: /updateDivision/ }).first().waitFor();
  await go(page, '/audit?entity=Division');
  await page.getByLabel('记录类型').locator('xpath=..').getByText('区划').waitFor();
  await log.getByRole('row', { name: /updateDivision/ }).filter({ hasText: '6 → 9' }).waitFor();
  check(!(await log.getByRole('row', { name: /updateOperator|createUser/ }).count()), 'the log filtered by division lists other records');
  await shot(page, 'audit-log');
  // a refused attempt names no record when it would have created one
  await go(page, '/audit?outcome=REFUSED');
  await log.getByRole('row', { name: /createDivision/ }).filter({ hasText: '被拒绝 CONFLICT' }).waitFor();
}));

// 22. An administrator suspends an operator and reactivates it, corrects its registration (a
// mistyped credit code refused on its field), renames a station operator and grants it a station,
// is refused removing their own administrator role, and withdraws a revision published for a later day.
results.push(await withBrowser('admin-edits-operator-user-and-withdraws-a-revision', laptop, async (page) => {
  const { edits } = fixture;
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await go(page, '/operators');
  await page.getByTestId('operators').getByText(edits.operator).click();
  const card = page.getByTestId('operator');
  const status = card.getByTestId('operator-status');
  await status.getByText('正常').waitFor();
  await card.getByTestId('operator-suspend').click();
  await opened(page);
  await page.getByTestId('operator-status-ok').click();
  await status.getByText('暂停').waitFor();
  await page.getByTestId('operators').getByRole('row', { name: new RegExp(edits.operator) }).getByText('暂停').waitFor();
  await shot(page, 'operator-suspended');
  await card.getByTestId('operator-reactivate').click();
  await opened(page);
  await page.getByTestId('operator-status-ok').click();
  await status.getByText('正常').waitFor();

  await card.getByTestId('operator-edit').click();
  const dialog = page.getByRole('dialog');
  const code = dialog.getByLabel('统一社会信用代码');
  check((await code.inputValue()) === edits.creditCode, `the form does not hold the operator's credit code: ${await code.inputValue()}`);
  await code.fill(edits.wrongCreditCode);
  await dialog.getByLabel('联系人').fill(edits.contactPerson);
  await dialog.getByTestId('operator-edit-form-ok').click();
  const refusal = dialog.locator('.ant-form-item', { has: page.getByLabel('统一社会信用代码') }).locator('.ant-form-item-explain-error');
  await refusal.getByText(/校验码应为/).waitFor();
  await shot(page, 'operator-edit-credit-code-error');
  await code.fill(edits.creditCode);
  await dialog.getByTestId('operator-edit-form-ok').click();
  await dialog.waitFor({ state: 'hidden' });
  await card.getByText(edits.contactPerson).waitFor();

  await go(page, '/users');
  const row = page.getByRole('row', { name: new RegExp(edits.user) });
  await row.waitFor();
  await row.getByTestId(`user-edit-${edits.user}`).click();
  const userForm = page.getByRole('dialog');
  await userForm.getByLabel('姓名').fill(edits.renamed);
  await choose(page, userForm.getByLabel('可编辑的站点'), edits.station, { type: edits.station, exact: true });
  await userForm.locator('.ant-modal-title').click(); // closes the stations' list
  await userForm.getByTestId('user-edit-form-ok').click();
  await userForm.waitFor({ state: 'hidden' });
  const renamed = page.getByRole('row', { name: new RegExp(edits.renamed) });
  await renamed.getByText(edits.station).waitFor();
  await shot(page, 'user-edited');
  // the administrator's own role stays: the refusal is said in words on the roles
  await page.getByTestId(`user-edit-${admin.username}`).click();
  const own = page.getByRole('dialog');
  await own.getByTestId('user-edit-form-ok').waitFor();
  await own.locator('.ant-select-selection-item[title="管理员"] .ant-select-selection-item-remove').click();
  await choose(page, own.getByLabel('角色'), '只读', { exact: true });
  await own.locator('.ant-modal-title').click();
  await own.getByTestId('user-edit-form-ok').click();
  await own.locator('.ant-form-item', { has: page.getByLabel('角色') }).getByText(/不能移除自己的管理员角色/).waitFor();
  await shot(page, 'user-own-role-refused');
  await own.getByRole('button', { name: /取\s*消/ }).click();
  await own.waitFor({ state: 'hidden' });

  // a revision published for a later day (the open draft, or a new one from the revision in force)
  // is taken back: it is the draft again and the revision in force stays
  await go(page, '/policy');
  const editor = page.getByLabel('草稿文档（JSON）');
  const newDraft = page.getByRole('button', { name: '基于生效版本新建草稿' });
  await editor.or(newDraft).first().waitFor();
  if (await newDraft.isVisible()) await newDraft.click();
  await editor.waitFor();
  await page.getByLabel('生效日期').fill(edits.withdrawOn);
  await page.getByRole('button', { name: '发布草稿' }).click();
  await page.getByText('当前没有草稿。').waitFor();
  const published = page.getByRole('row', { name: new RegExp(edits.withdrawOn) });
  await published.getByText('待生效').waitFor();
  check((await page.getByRole('row', { name: /生效中/ }).getByRole('button', { name: '撤回发布' }).count()) === 0,
    'the revision in force is offered to be withdrawn');
  await shot(page, 'policy-pending');
  await published.getByRole('button', { name: '撤回发布' }).click();
  await opened(page);
  await page.getByTestId('withdraw-ok').click();
  await page.getByTestId('withdraw-ok').waitFor({ state: 'hidden' });
  await editor.waitFor();
  await page.getByText(/已撤回为草稿/).waitFor();
  check((await page.getByRole('row').getByRole('button', { name: '撤回发布' }).count()) === 0,
    'a revision offered to be withdrawn while a draft is open');
  await shot(page, 'policy-withdrawn');
}));

// 23. An administrator designates a worker a leading talent and ends it, names the station a
// demonstration one, and registers a school the station serves: the overview's 一校一社工 gap
// then names only the fixture's school, which no station serves.
results.push(await withBrowser('admin-designates-and-serves-a-school', laptop, async (page) => {
  const { worker, station, target } = fixture;
  const school = '南京市鼓楼区宁海路实验小学';
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await go(page, '/workers');
  await page.getByRole('link', { name: worker.name }).first().click();
  await page.getByRole('heading', { name: worker.name, exact: true, level: 2 }).waitFor();
  const designations = page.getByTestId('designations');
  // the fixture's city supervisor
  await designations.getByRole('row', { name: /督导.*市级.*2024-03-01/ }).waitFor();
  await designations.getByTestId('designate').click();
  const designating = page.getByRole('dialog');
  await choose(page, designating.getByLabel('类别'), '领军人才', { exact: true });
  await choose(page, designating.getByLabel('级别'), '省级', { exact: true });
  await designating.getByLabel('命名名称').fill('江苏省社会工作领军人才');
  await designating.getByLabel('认定文件').fill('苏民〔2025〕8号');
  // a day after the bureau's today is refused on its field
  await designating.getByLabel('认定日期').fill('2026-12-01');
  await designating.getByTestId('designate-form-ok').click();
  await designating.locator('.ant-form-item', { has: page.getByLabel('认定日期') }).locator('.ant-form-item-explain-error').waitFor();
  await designating.getByLabel('认定日期').fill('2025-06-01');
  await designating.getByTestId('designate-form-ok').click();
  await designating.waitFor({ state: 'hidden' });
  const talent = designations.getByRole('row', { name: /领军人才.*苏民〔2025〕8号.*省级.*2025-06-01.*有效/ });
  await talent.waitFor();
  await shot(page, 'worker-designations');
  await talent.getByTestId('designation-end').click();
  const ending = page.getByRole('dialog');
  await ending.getByLabel('结束日期').fill('2026-11-20');
  await ending.getByTestId('end-designation-form-ok').click();
  await ending.waitFor({ state: 'hidden' });
  const ended = designations.getByRole('row', { name: /领军人才.*2026-11-20.*已结束/ });
  await ended.waitFor();
  check(!(await ended.getByTestId('designation-end').count()), 'an ended designation is offered to be ended again');

  await go(page, '/stations');
  await page.getByRole('link', { name: station.name, exact: true }).click();
  await page.getByRole('heading', { name: station.name, exact: true, level: 2 }).waitFor();
  const stationTitles = page.getByTestId('designations');
  await stationTitles.getByText('没有示范命名').waitFor();
  await stationTitles.getByTestId('designate').click();
  const naming = page.getByRole('dialog');
  await naming.getByLabel('认定日期').fill('2026-06-01');
  await naming.getByTestId('designate-form-ok').click();
  await naming.waitFor({ state: 'hidden' });
  await stationTitles.getByRole('row', { name: /示范站点.*市级.*2026-06-01.*有效/ }).waitFor();

  // registered as served by the station, then no longer, then served again from the bureau's list
  const facilities = page.getByTestId('host-facilities');
  await facilities.getByText('本站尚未服务任何学校等场所').waitFor();
  await facilities.getByTestId('facility-register').click();
  const registering = page.getByRole('dialog');
  await registering.getByLabel('场所名称').fill(school);
  await registering.getByTestId('register-facility-form-ok').click();
  await registering.waitFor({ state: 'hidden' });
  const served = facilities.getByRole('row', { name: new RegExp(`${school}.*学校.*宁海路街道`) });
  await served.waitFor();
  await served.getByTestId('facility-stop').click();
  await page.getByTestId('facility-stop-confirm').click();
  await facilities.getByText('本站尚未服务任何学校等场所').waitFor();
  await facilities.getByTestId('facility-serve').click();
  const serving = page.getByRole('dialog');
  await serving.getByLabel('场所', { exact: true }).click();
  // the station's division first: the fixture's school is offered too, and left to no station
  await page.locator(`.ant-select-item-option[title="${target.lacking}"]:visible`).waitFor();
  await page.locator(`.ant-select-item-option[title="${school}"]:visible`).click();
  await serving.getByLabel('服务起始日期').fill('2026-09-01');
  await serving.getByTestId('serve-facility-form-ok').click();
  await serving.waitFor({ state: 'hidden' });
  await facilities.getByRole('row', { name: new RegExp(`${school}.*2026-09-01`) }).waitFor();
  await shot(page, 'station-facilities');

  await go(page, '/');
  const gap = page.getByTestId('targets').getByRole('row', { name: new RegExp(target.label) });
  await gap.getByText('1 / 2').waitFor();
  await gap.getByTestId('target-gap').getByText(target.lacking).waitFor();
  check(!(await gap.getByText(school).count()), 'the overview names a served school as lacking');
}));

// 24. An administrator renews a contract into the same operator's next term: the contract ends
// as renewed and leads to its successor. Last, since it ends the contract the scenarios above use.
results.push(await withBrowser('admin-renews-a-contract', laptop, async (page) => {
  const { contract } = fixture;
  await signedIn(page, tenant, admin.username, admin.newPassword);
  await go(page, '/contracts');
  await page.getByRole('link', { name: contract.title, exact: true }).click();
  await page.getByRole('heading', { name: contract.title, exact: true, level: 2 }).waitFor();
  await page.getByTestId('contract-end').click();
  const ending = page.getByRole('dialog');
  await ending.getByLabel('续签').check();
  await ending.getByLabel('结束日期').fill('2026-11-24');
  await choose(page, ending.getByLabel('续签合同'), contract.next, { exact: true });
  await ending.getByTestId('end-form-ok').click();
  await ending.waitFor({ state: 'hidden' });
  await page.getByTestId('contract-terms').getByText(/已续签 2026-11-24/).waitFor();
  await shot(page, 'contract-renewed');
  await page.getByTestId('contract-successor').click();
  await page.getByRole('heading', { name: contract.next, exact: true, level: 2 }).waitFor();
}));

const failed = results.filter((r) => !r).length;
console.log(failed ? `${failed} of ${results.length} scenarios failed` : `all ${results.length} scenarios passed`);
process.exit(failed ? 1 : 0);
