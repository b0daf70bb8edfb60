// gallery_driver.mjs: drive the zuhyo gallery (index.html) in headless Chromium the way a reader
// would, over the DevTools protocol on a pipe (chromium --remote-debugging-pipe: fd 3 in, fd 4
// out, NUL-separated JSON), so no npm package and no WebSocket are needed. Mouse clicks and
// key presses go through Input.*, the download through Browser.setDownloadBehavior.
//
// node gallery_driver.mjs --page FILE.html --work DIR [--owner NAME] [--chromium PATH] [--screenshot PNG]
// Clicks "誤り" (drop) on one row (of a fact in two charts if there is one: both rows must be
// struck) and "主体は…" (owner) on a row of another chart, typing NAME;
// checks that a bad time is refused and that a chart drop can be undone; then corrects a value
// (16億ドル) and a time (2023-04) of two more facts, renames a chart (to "NAMEの図") and drops
// another when there is one; saves corrections.tsv and prints JSON: {"file": PATH, "drop":
// {selectors}, "owner": {selectors, "to": NAME}, "value": …, "time": …, "rename": {"chart",
// "to"}, "dropchart": {"chart"}} (dropchart only when made), in the order the lines were made.
// Exits 1 with a message on stderr when a step fails (console errors included).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const chromiumPath = args.chromium || '/usr/bin/chromium';
const work = resolve(args.work || '.');
const downloads = join(work, 'downloads');
const owner = args.owner || 'テスト商事';
let browser = null, closing = false;
if (!args.page) fail('give --page FILE.html');
if (!existsSync(chromiumPath)) fail(`${chromiumPath}: Chromium is not installed (scripts/test installs it)`);
mkdirSync(downloads, { recursive: true });

function fail(message) {
  process.stderr.write(`gallery_driver: ${message}\n`);
  if (browser) browser.kill('SIGKILL');
  process.exit(1);
}

// ---- the protocol over the pipe ----
browser = spawn(chromiumPath, [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  `--user-data-dir=${join(work, 'profile')}`, '--remote-debugging-pipe', '--window-size=1366,900',
  'about:blank'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
let browserLog = '';
browser.stderr.on('data', (d) => { browserLog += d; });
browser.on('exit', (code) => { if (!closing) fail(`Chromium exited (${code}) early:\n${browserLog.slice(-2000)}`); });
const toBrowser = browser.stdio[3], fromBrowser = browser.stdio[4];
let nextId = 1, pending = new Map(), listeners = [], inbox = '';
fromBrowser.on('data', (chunk) => {
  inbox += chunk.toString('utf8');
  let end;
  while ((end = inbox.indexOf('\0')) >= 0) {
    const message = JSON.parse(inbox.slice(0, end));
    inbox = inbox.slice(end + 1);
    if (message.id && pending.has(message.id)) {
      const { ok, no, method } = pending.get(message.id);
      pending.delete(message.id);
      message.error ? no(new Error(`${method}: ${message.error.message}`)) : ok(message.result);
    } else if (message.method) {
      for (const l of listeners) l(message);
    }
  }
});
function send(method, params = {}, sessionId) {
  const id = nextId++;
  toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
  return new Promise((ok, no) => pending.set(id, { ok, no, method }));
}
function waitEvent(method, test = () => true, ms = 15000) {
  return new Promise((ok, no) => {
    const timer = setTimeout(() => no(new Error(`no ${method} within ${ms} ms`)), ms);
    const l = (m) => {
      if (m.method === method && test(m.params)) {
        clearTimeout(timer);
        listeners = listeners.filter((x) => x !== l);
        ok(m.params);
      }
    };
    listeners.push(l);
  });
}

// ---- the page ----
let session;
const problems = [];
listeners.push((m) => {
  if (m.sessionId !== session) return;
  if (m.method === 'Runtime.exceptionThrown') problems.push(`exception: ${m.params.exceptionDetails.exception?.description || m.params.exceptionDetails.text}`);
  if (m.method === 'Runtime.consoleAPICalled' && (m.params.type === 'error' || m.params.type === 'warning'))
    problems.push(`console.${m.params.type}: ${m.params.args.map((a) => a.value ?? a.description).join(' ')}`);
  if (m.method === 'Log.entryAdded' && m.params.entry.level === 'error') problems.push(`log: ${m.params.entry.text}`);
  // offline: nothing but the page's own folder (file:) and the saved file (blob:)
  if (m.method === 'Network.requestWillBeSent' && !/^(file|blob|data):/.test(m.params.request.url))
    problems.push(`request: ${m.params.request.url}`);
});
const page = (method, params) => send(method, params, session);
async function evaluate(expression) {
  const r = await page('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
  if (r.exceptionDetails) throw new Error(`${expression}: ${r.exceptionDetails.exception?.description || r.exceptionDetails.text}`);
  return r.result.value;
}
async function waitFor(expression, what, ms = 5000) {
  const until = Date.now() + ms;
  for (;;) {
    if (await evaluate(expression)) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what} (${expression})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
// A real click: scroll the element into view, then press and release the mouse at its centre.
async function click(selector) {
  const box = await evaluate(`(() => { const e = document.querySelector(${JSON.stringify(selector)});
    if (!e) return null; e.scrollIntoView({ block: 'center' }); const r = e.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, disabled: !!e.disabled }; })()`);
  if (!box) throw new Error(`nothing matches ${selector}`);
  if (box.disabled) throw new Error(`${selector} is disabled`);
  for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased'])
    await page('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: type === 'mouseMoved' ? 0 : 1 });
}
async function press(key, code, keyCode, text) {
  await page('Input.dispatchKeyEvent', { type: 'keyDown', key, code, windowsVirtualKeyCode: keyCode, ...(text ? { text } : {}) });
  await page('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: keyCode });
}
async function type(text) {
  await page('Input.insertText', { text });
}
const PAGE_ELEMENTS = ['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'p', 'aside', 'strong', 'span', 'button',
  'code', 'ol', 'details', 'summary', 'pre', 'section', 'figure', 'img', 'figcaption', 'table', 'tbody', 'tr', 'th', 'td', 'div', 'script'];
const count = () => evaluate(`document.querySelectorAll('#corrections li').length`);

async function scenario() {
  await send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  ({ sessionId: session } = await send('Target.attachToTarget', { targetId, flatten: true }));
  await Promise.all([page('Page.enable'), page('Runtime.enable'), page('Log.enable'), page('Network.enable')]);
  const loaded = waitEvent('Page.loadEventFired', () => true);
  await page('Page.navigate', { url: pathToFileURL(resolve(args.page)).href });
  await loaded;
  await waitFor(`document.body.getAttribute('data-images-failed') === '0' &&
    +document.body.getAttribute('data-images-loaded') === document.images.length`, 'every chart image');
  // Article text reaches the page as text only: no element the gallery does not make itself.
  const stray = await evaluate(`[...new Set([...document.querySelectorAll('*')].map((e) => e.localName))]
    .filter((t) => !${JSON.stringify(PAGE_ELEMENTS)}.includes(t)).concat(document.scripts.length === 2 ? [] : ['script'])`);
  if (stray.length) throw new Error(`elements the gallery does not write: ${stray.join(', ')}`);

  // Rows that stand for one fact with an owner and a value; the first two corrections go to
  // rows of two different charts.
  const rows = await evaluate(`(() => {
    const out = [];
    document.querySelectorAll('section').forEach((s, si) => s.querySelectorAll('tr[data-doc]').forEach((tr) => {
      if (tr.dataset.subject && tr.dataset.value && tr.querySelector('button[data-act=value]'))
        out.push({ section: si + 1, row: tr.rowIndex + 1, data: { ...tr.dataset } });
    }));
    return out; })()`);
  // The drop goes to a fact that stands in two charts when there is one: both rows are struck.
  const same = (a, b) => JSON.stringify(a.data) === JSON.stringify(b.data);
  const dropRow = rows.find((r) => rows.some((o) => o !== r && same(o, r))) || rows[0];
  const ownerRow = rows.find((r) => r.section !== dropRow?.section && !same(r, dropRow));
  if (!dropRow || !ownerRow) throw new Error(`need rows in two charts, found ${rows.length}`);
  const rowSel = (r) => `section:nth-of-type(${r.section}) tr:nth-child(${r.row})`;

  await click(`${rowSel(dropRow)} button[data-act=drop]`);
  await waitFor(`document.querySelector(${JSON.stringify(rowSel(dropRow))}).classList.contains('dropped')`, 'the row struck out');
  if ((await count()) !== 1) throw new Error('the drop is not listed');
  const struck = await evaluate(`document.querySelectorAll('tr.dropped').length`);
  const twins = rows.filter((r) => same(r, dropRow)).length;
  if (struck !== twins) throw new Error(`${struck} rows struck out, but the fact stands in ${twins}`);

  await click(`${rowSel(ownerRow)} button[data-act=owner]`);
  await waitFor(`document.activeElement && document.activeElement.matches('form.edit input')`, 'the owner editor');
  const shown = await evaluate(`document.activeElement.value`);
  if (shown !== ownerRow.data.subject) throw new Error(`the owner editor shows "${shown}", not the row's subject`);
  await type(owner); // the current subject is selected: typing replaces it
  await press('Enter', 'Enter', 13, '\r');
  await waitFor(`document.querySelectorAll('#corrections li').length === 2`, 'the owner correction listed');
  const note = await evaluate(`document.querySelector(${JSON.stringify(rowSel(ownerRow) + ' .note')}).textContent`);
  if (!note.includes(owner.replace(/[\t\r\n]/g, '').trim())) throw new Error(`the row's note reads "${note}"`);

  // A time that is not ISO is refused in place; Escape closes the editor.
  await click(`${rowSel(ownerRow)} button[data-act=time]`);
  await waitFor(`document.activeElement && document.activeElement.matches('form.edit input')`, 'the time editor');
  await type('2024年6月');
  await press('Enter', 'Enter', 13, '\r');
  await waitFor(`document.querySelector('form.edit .err').textContent !== ''`, 'the bad time refused');
  await press('Escape', 'Escape', 27);
  await waitFor(`!document.querySelector('form.edit')`, 'the editor closed');
  if ((await count()) !== 2) throw new Error('a bad time was listed');

  // Drop a whole chart, then undo it from the panel.
  await click(`section:nth-of-type(${ownerRow.section}) button[data-act=dropchart]`);
  await waitFor(`document.querySelectorAll('#corrections li').length === 3`, 'the chart drop listed');
  await click(`#corrections li:nth-child(3) button[data-undo]`);
  await waitFor(`document.querySelectorAll('#corrections li').length === 2 && !document.querySelector('section.dropped')`, 'the undo');

  // The other row corrections and the chart ones, each on facts and charts of its own.
  const used = [dropRow, ownerRow];
  const valueRow = rows.find((r) => !used.some((u) => same(u, r)));
  used.push(valueRow);
  const timeRow = rows.find((r) => r && !used.some((u) => u && same(u, r)));
  used.push(timeRow);
  if (!valueRow || !timeRow) throw new Error(`need four facts, found ${rows.length} rows`);
  const titles = await evaluate(`[...document.querySelectorAll('section')].map((s) => s.dataset.chart)`);
  const renamed = timeRow.section;
  const dropped = titles.findIndex((t, i) => !used.some((u) => u.section === i + 1) && i + 1 !== renamed) + 1;
  const corrections = { drop: dropRow.data, owner: { ...ownerRow.data, to: owner } };
  let n = 2;
  async function editRow(row, act, text) {
    await click(`${rowSel(row)} button[data-act=${act}]`);
    await waitFor(`document.activeElement && document.activeElement.matches('form.edit input')`, `the ${act} editor`);
    await type(text);
    await press('Enter', 'Enter', 13, '\r');
    n++;
    await waitFor(`document.querySelectorAll('#corrections li').length === ${n}`, `the ${act} correction listed`);
  }
  await editRow(valueRow, 'value', '16億ドル');
  corrections.value = { ...valueRow.data, to: '16億ドル' };
  await editRow(timeRow, 'time', '2023-04');
  corrections.time = { ...timeRow.data, to: '2023-04' };
  const title = `${owner}の図`;
  await click(`section:nth-of-type(${renamed}) button[data-act=rename]`);
  await waitFor(`document.activeElement && document.activeElement.matches('form.edit input')`, 'the rename editor');
  if ((await evaluate(`document.activeElement.value`)) !== titles[renamed - 1]) throw new Error('the rename editor lacks the title');
  await type(title);
  await press('Enter', 'Enter', 13, '\r');
  await waitFor(`document.querySelectorAll('#corrections li').length === ${++n}`, 'the rename listed');
  corrections.rename = { chart: titles[renamed - 1], to: title };
  if (dropped) {
    await click(`section:nth-of-type(${dropped}) button[data-act=dropchart]`);
    await waitFor(`document.querySelectorAll('#corrections li').length === ${++n}`, 'the chart drop listed');
    corrections.dropchart = { chart: titles[dropped - 1] };
  }

  if (args.screenshot) {
    await evaluate(`window.scrollTo(0, 0)`);
    const shot = await page('Page.captureScreenshot', { format: 'png' });
    writeFileSync(args.screenshot, Buffer.from(shot.data, 'base64'));
  }

  const begun = waitEvent('Browser.downloadWillBegin');
  const done = waitEvent('Browser.downloadProgress', (p) => p.state === 'completed' || p.state === 'canceled');
  await click('#download');
  const { suggestedFilename } = await begun;
  const progress = await done;
  if (progress.state !== 'completed') throw new Error('the download was cancelled');
  const file = join(downloads, suggestedFilename);
  if (!existsSync(file)) throw new Error(`no ${file} (downloads: ${readdirSync(downloads).join(', ')})`);
  if (problems.length) throw new Error(`the page reported:\n  ${problems.join('\n  ')}`);
  return { file, ...corrections };
}

const watchdog = setTimeout(() => fail('took more than 60 s'), 60000);
try {
  const result = await scenario();
  closing = true;
  await send('Browser.close').catch(() => {});
  clearTimeout(watchdog);
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
} catch (e) {
  fail(e.message);
}
