// Screenshots of the running demo as a given user, with headless Chromium.
//   node scripts/screenshot.js LOGIN PASSWORD OUTDIR NAME=PATH [NAME=PATH ...]
// PATH is what follows the host, e.g. "/web#action=gov_plan.gov_plan_action".
// Fails on an Odoo error dialog or a console error, so a broken screen is
// never taken for a working one.
const path = require('path');
const { chromium } = require(path.join(__dirname, '..', '.var', 'node', 'node_modules', 'playwright-core'));

const [login, password, outdir, ...shots] = process.argv.slice(2);
const base = process.env.GOV_PLAN_URL || 'http://127.0.0.1:8069';

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  await page.goto(`${base}/web/login`);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  await page.waitForSelector('.o_web_client .o_main_content, .o_web_client .o_content', { timeout: 30000 });
  let failed = false;
  for (const shot of shots) {
    const [name, target] = shot.split(/=(.*)/s);
    await page.goto(`${base}${target}`);
    await page.waitForSelector('.o_content .o_view_manager_content > *, .o_form_view, .o_list_view, .o_kanban_view, .o_calendar_view, .o_pivot, .o_graph', { timeout: 30000 }).catch(() => {});
    await page.waitForTimeout(1500);
    const dialog = await page.$('.o_dialog_error, .modal .o_error_detail');
    if (dialog) { failed = true; console.error(`${name}: error dialog: ${await dialog.innerText()}`); }
    await page.screenshot({ path: path.join(outdir, `${name}.png`), fullPage: false });
    console.log(`${name}: ${path.join(outdir, name + '.png')}`);
  }
  if (errors.length) { failed = true; console.error('console errors:\n' + errors.join('\n')); }
  await browser.close();
  process.exit(failed ? 1 : 0);
})().catch((err) => { console.error(err); process.exit(2); });
