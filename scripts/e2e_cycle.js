// Walks the reporting cycle in the web client of the running demo, as the
// demo users, with headless Chromium, and saves a screenshot of each step:
// leadership opens the report request -> two units fill and submit their
// reports -> their heads accept -> leadership approves -> the office compiles
// the consolidated report -> leadership approves it. Then a user of one unit
// tries to open another unit's report and must be refused.
//   node scripts/e2e_cycle.js OUTDIR
const path = require('path');
const { chromium } = require(path.join(__dirname, '..', '.var', 'node', 'node_modules', 'playwright-core'));

const base = process.env.GOV_PLAN_URL || 'http://127.0.0.1:8069';
const outdir = process.argv[2] || '/tmp';
let step = 0;

async function session(browser, login) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.consoleErrors.push(msg.text()); });
  await page.goto(`${base}/web/login`);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', login);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  await page.waitForSelector('.o_web_client .o_main_content, .o_web_client .o_content');
  page.login = login;
  return page;
}

async function rpc(page, model, method, args, kwargs = {}) {
  return page.evaluate(async ([model, method, args, kwargs]) => {
    const res = await fetch('/web/dataset/call_kw', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { model, method, args, kwargs } }),
    });
    const data = await res.json();
    if (data.error) throw new Error(JSON.stringify(data.error.data && data.error.data.message));
    return data.result;
  }, [model, method, args, kwargs]);
}

async function shot(page, name) {
  step += 1;
  const file = path.join(outdir, `${String(step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  console.log(`${page.login}: ${file}`);
}

async function openForm(page, model, id) {
  // a full load: a hash change alone is sometimes ignored while Discuss starts
  await page.goto(`${base}/web?t=${Date.now()}#model=${model}&id=${id}&view_type=form`);
  try {
    await page.waitForSelector('.o_form_view');
  } catch (err) {
    await page.screenshot({ path: path.join(outdir, `failed-${page.login}.png`) });
    throw err;
  }
  await page.waitForTimeout(800);
}

async function errorDialog(page) {
  const dialog = await page.$('.modal-dialog .modal-body');
  return dialog ? dialog.innerText() : null;
}

async function click(page, name, expectState) {
  await page.click(`.o_form_statusbar button.o_gov_${name}:visible`);
  await page.waitForTimeout(1500);
  const error = await errorDialog(page);
  if (error) throw new Error(`${page.login} ${name}: ${error}`);
  if (expectState) {
    await page.waitForSelector(`.o_statusbar_status button.btn-primary[data-value="${expectState}"]`, { timeout: 10000 });
  }
}

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
  const leader = await session(browser, 'leader');
  const [request] = await rpc(leader, 'gov.plan.report.request', 'search_read',
    [[['state', '=', 'draft']]], { fields: ['id', 'name'], limit: 1 });
  if (!request) throw new Error('no draft report request in the demo database: make reset-demo');
  await openForm(leader, 'gov.plan.report.request', request.id);
  await click(leader, 'action_open', 'open');
  await shot(leader, 'request-opened');

  const reports = await rpc(leader, 'gov.plan.report', 'search_read',
    [[['request_id', '=', request.id]]], { fields: ['id', 'unit_id'] });
  const byUnit = (fragment) => reports.find((r) => r.unit_id[1].includes(fragment));
  const units = [['trungtam', byUnit('Trung tâm')], ['vanphong', byUnit('Văn phòng')]];
  for (const [unit, report] of units) {
    const staff = await session(browser, `${unit}.staff`);
    await openForm(staff, 'gov.plan.report', report.id);
    await click(staff, 'action_nothing_new');
    await shot(staff, `${unit}-report-filled`);
    await click(staff, 'action_submit', 'submitted');
    const head = await session(browser, `${unit}.head`);
    await openForm(head, 'gov.plan.report', report.id);
    await click(head, 'action_accept', 'accepted');
    await shot(head, `${unit}-report-accepted`);
    await staff.context().close();
    await head.context().close();
    await openForm(leader, 'gov.plan.report', report.id);
    await click(leader, 'action_approve', 'approved');
    await shot(leader, `${unit}-report-approved`);
  }

  const office = await session(browser, 'vanphong.staff');
  await openForm(office, 'gov.plan.report.request', request.id);
  await office.click(".o_form_statusbar button.o_gov_action_consolidate:visible");
  await office.waitForSelector('.o_form_view .o_field_widget[name="source_report_ids"], .o_form_view');
  await office.waitForTimeout(1500);
  const error = await errorDialog(office);
  if (error) throw new Error(`consolidate: ${error}`);
  await shot(office, 'consolidated-draft');
  await click(office, 'action_submit', 'submitted');
  const [consolidated] = await rpc(leader, 'gov.plan.report', 'search_read',
    [[['request_id', '=', request.id], ['report_type', '=', 'consolidated']]], { fields: ['id'] });
  await openForm(leader, 'gov.plan.report', consolidated.id);
  await click(leader, 'action_approve', 'approved');
  await leader.click('.o_notebook a:has-text("Duties"), .o_notebook li:first-child a').catch(() => {});
  await shot(leader, 'consolidated-approved');

  // another unit's report: refused in the UI and over RPC
  const intruder = await session(browser, 'trungtam.staff');
  await intruder.goto(`${base}/web#model=gov.plan.report&id=${byUnit('Văn phòng').id}&view_type=form`);
  await intruder.waitForTimeout(2500);
  const refusal = await errorDialog(intruder);
  await shot(intruder, 'other-unit-refused');
  if (!refusal) throw new Error('trungtam.staff could open the report of Văn phòng');
  const visible = await rpc(intruder, 'gov.plan.report', 'search_read',
    [[['id', 'in', reports.map((r) => r.id)]]], { fields: ['unit_id'] });
  if (visible.some((r) => !r.unit_id[1].includes('Trung tâm'))) throw new Error('other units visible');
  console.log(`refused as expected: ${refusal.split('\n')[0]}`);
  console.log(`trungtam.staff sees ${visible.length} of ${reports.length} reports of the request`);
  await browser.close();
})().catch((err) => { console.error(err); process.exit(1); });
