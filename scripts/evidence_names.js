// An evidence file whose name is markup, in the web client of the running
// demo, with headless Chromium: a unit's staff member uploads
// "<img src=x onerror=alert(1)>.pdf" on a line of their draft or returned
// report through the report form (the many2many_binary widget), saves, and
// posts a file of that name in the report's chatter; then the unit head
// opens the report, and its print (HTML) is read. Fails when a dialog opens
// (the script's alert), a console error is logged, the name is not shown as
// text, or the file was not attached to its line. A screenshot of each screen.
//   node scripts/evidence_names.js OUTDIR [STAFF_LOGIN HEAD_LOGIN]
// Default logins: qlkh.staff, qlkh.head (a returned report in the demo).
// GOV_PLAN_WITHOUT_FIX=1 takes gov_plan's template (static/src/xml/
// file_names.xml) out of the templates the browser loads: Odoo 11 as it is.
const path = require('path');
const { chromium } = require(path.join(__dirname, '..', '.var', 'node', 'node_modules', 'playwright-core'));

const base = process.env.GOV_PLAN_URL || 'http://127.0.0.1:8069';
const [outdir = '/tmp', staffLogin = 'qlkh.staff', headLogin = 'qlkh.head'] = process.argv.slice(2);
const NAME = '<img src=x onerror=alert(1)>.pdf';
const problems = [];

async function session(browser, login) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  if (process.env.GOV_PLAN_WITHOUT_FIX) {
    await context.route('**/web/webclient/qweb**', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        /<t t-extend="FieldBinaryFileUploader\.files">[\s\S]*?<\/t>\s*<\/t>/, '');
      await route.fulfill({ response, body });
    });
  }
  const page = await context.newPage();
  page.login = login;
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`${login}: console: ${msg.text()}`); });
  page.on('dialog', async (dialog) => {
    problems.push(`${login}: a script ran: ${dialog.type()} "${dialog.message()}"`);
    await dialog.dismiss();
  });
  await page.goto(`${base}/web/login`);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', login);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  await page.waitForSelector('.o_web_client .o_main_content, .o_web_client .o_content');
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

async function openForm(page, id) {
  await page.goto(`${base}/web?t=${Date.now()}#model=gov.plan.report&id=${id}&view_type=form`);
  await page.waitForSelector('.o_form_view .o_field_one2many .o_data_row');
  await page.waitForTimeout(800);
}

// The names the widget shows, and whether the markup became an element.
async function shown(page, where, label) {
  const names = await page.$$eval(where, (nodes) => nodes.map((n) => n.innerText.trim()));
  const images = await page.$$eval('img[src="x"]', (nodes) => nodes.length);
  if (!names.some((text) => text.includes(NAME))) problems.push(`${label}: the name is not shown as text: ${JSON.stringify(names)}`);
  if (images) problems.push(`${label}: the name became ${images} <img> element(s)`);
  console.log(`${label}: shown as ${JSON.stringify(names)}, ${images} <img> from the name`);
}

async function shot(page, name) {
  const suffix = process.env.GOV_PLAN_WITHOUT_FIX ? '-without-fix' : '';
  const file = path.join(outdir, `evidence-${name}${suffix}.png`);
  await page.screenshot({ path: file });
  console.log(`${page.login}: ${file}`);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
  const staff = await session(browser, staffLogin);
  const [report] = await rpc(staff, 'gov.plan.report', 'search_read',
    [[['state', 'in', ['draft', 'returned']], ['report_type', '=', 'unit'], ['line_ids', '!=', false]]],
    { fields: ['id', 'name', 'line_ids'], limit: 1 });
  if (!report) throw new Error(`${staffLogin} has no draft or returned report with lines: make reset-demo`);
  console.log(`${staffLogin}: report "${report.name}" (${report.id})`);

  await openForm(staff, report.id);
  await staff.click('.o_form_button_edit');
  await staff.click('.o_field_one2many .o_data_row:first-child td.o_data_cell:nth-child(4)');
  const row = '.o_field_one2many .o_data_row.o_selected_row';
  await staff.waitForSelector(`${row} input.o_input_file`, { state: 'attached' });
  await staff.setInputFiles(`${row} input.o_input_file`,
    { name: NAME, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 minh chung') });
  await staff.waitForSelector(`${row} .oe_attachment .oe_delete`, { state: 'attached', timeout: 15000 });
  await staff.waitForTimeout(500);
  await shown(staff, `${row} .oe_attachments`, `${staffLogin}, editing the line`);
  await shot(staff, '1-staff-editing');

  await staff.click('.o_form_button_save');
  await staff.waitForSelector('.o_form_view.o_form_readonly');
  await staff.waitForTimeout(1000);
  await shown(staff, '.o_field_one2many .oe_attachments', `${staffLogin}, saved`);
  await shot(staff, '2-staff-saved');

  const lines = await rpc(staff, 'gov.plan.report.line', 'read', [report.line_ids, ['attachment_ids']]);
  const ids = [].concat(...lines.map((l) => l.attachment_ids));
  const files = await rpc(staff, 'ir.attachment', 'read', [ids, ['name', 'res_model', 'res_id']]);
  const named = files.filter((f) => f.name === NAME);
  for (const file of named) {
    const owner = lines.find((l) => l.attachment_ids.includes(file.id));
    if (file.res_model !== 'gov.plan.report.line' || file.res_id !== owner.id) {
      problems.push(`file ${file.id} is not attached to its line: ${JSON.stringify(file)}`);
    } else {
      console.log(`file ${file.id} attached to gov.plan.report.line ${file.res_id}`);
    }
  }
  if (!named.length) problems.push(`no file named ${NAME} on the report's lines`);

  // the chatter: a message with a file of the same name
  const [posted] = await rpc(staff, 'ir.attachment', 'create', [{
    name: NAME, datas_fname: NAME, datas: Buffer.from('%PDF-1.4 chatter').toString('base64'),
    res_model: 'mail.compose.message', res_id: 0,
  }]).then((id) => [id]);
  await rpc(staff, 'gov.plan.report', 'message_post', [[report.id]],
    { body: 'Minh chứng bổ sung', attachment_ids: [posted], message_type: 'comment' });
  await openForm(staff, report.id);
  await shown(staff, '.o_chatter .o_attachment .caption', `${staffLogin}, chatter`);

  const head = await session(browser, headLogin);
  await openForm(head, report.id);
  await shown(head, '.o_field_one2many .oe_attachments', `${headLogin}, reading`);
  await shown(head, '.o_chatter .o_attachment .caption', `${headLogin}, chatter`);
  await shot(head, '3-head-reading');
  await head.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await head.$eval('.o_content', (el) => { el.scrollTop = el.scrollHeight; });
  await head.waitForTimeout(500);
  await shot(head, '4-head-chatter');

  const print = await head.evaluate(async (id) => {
    const res = await fetch(`/report/html/gov_plan.report_gov_plan_report/${id}`);
    return [res.status, await res.text()];
  }, report.id);
  if (print[0] !== 200) problems.push(`the print failed: ${print[0]}`);
  else if (print[1].includes('<img src=x')) problems.push('the print holds the name as markup');
  else {
    console.log(`print (HTML): the name ${print[1].includes('&lt;img src=x') ? 'is escaped' : 'does not appear'}`);
  }

  await browser.close();
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log('no dialog, no console error: the name is text');
})().catch((err) => { console.error(err); process.exit(2); });
