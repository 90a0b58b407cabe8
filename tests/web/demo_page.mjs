// The /demo page in Debian's headless Chromium, against a real `drillstudio serve` (port 0, the
// local renderer, a temporary data folder, a generation password): the page asks for the password,
// shows a refusal in the server's words, generates a video while showing progress and the time
// left, and the <video> element loads (readyState >= 3), plays and seeks to 2.0 s with the
// thumbnail as poster; then the page clears the run's cache. In Japanese and in English. A server
// without a generation password: the page asks for none and says why it cannot generate.
//
// Exit 77 (skipped) when Chromium or playwright-core is missing, unless DRILLSTUDIO_REQUIRE_WEB
// is set (packaging/quickstart.sh test sets it): then that is a failure.
// DEMO_SCREENSHOTS=<folder> also saves docs-ready screenshots of the page (demo-ja.png, demo-en.png).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const CHROMIUM = process.env.DRILLSTUDIO_CHROMIUM || '/usr/bin/chromium';
const required = !!process.env.DRILLSTUDIO_REQUIRE_WEB;
const cli = process.env.DRILLSTUDIO_CLI || process.argv[2];

function skip(why) {
  if (required) {
    console.error(`FAIL: ${why} (DRILLSTUDIO_REQUIRE_WEB is set; packaging/setup-debian.sh installs it)`);
    process.exit(1);
  }
  console.log(`SKIP: ${why}`);
  process.exit(77);
}

if (!cli || !existsSync(cli)) {
  console.error('FAIL: set DRILLSTUDIO_CLI to the drillstudio executable');
  process.exit(1);
}
if (!existsSync(CHROMIUM)) skip(`no Chromium at ${CHROMIUM}`);
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  skip(`playwright-core is not installed in tests/web (npm ci --prefix tests/web): ${e.message}`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'drillstudio-demo-'));
const password = randomBytes(12).toString('hex'); // made here, never written anywhere
const servers = [];
let browser;

// A server on a data folder of its own; withPassword false: no generation password at all.
function startServer(folder, withPassword) {
  return new Promise((resolve, reject) => {
    const env = {
      ...process.env,
      DRILLSTUDIO_DATA_DIR: folder,
      XDG_CONFIG_HOME: join(folder, 'config'),
      XDG_CACHE_HOME: join(folder, 'cache'),
      QT_QPA_PLATFORM: 'offscreen',
    };
    delete env.DRILLSTUDIO_GENERATION_PASSWORD;
    if (withPassword) env.DRILLSTUDIO_GENERATION_PASSWORD = password;
    const server = spawn(cli, ['serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    servers.push(server);
    let said = '';
    let errors = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${said}${errors}`)), 30000);
    server.stdout.on('data', (chunk) => {
      said += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(said);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.stderr.on('data', (chunk) => { errors += chunk; });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${errors}`));
    });
  });
}

const TEXT = {
  ja: {
    title: '補強ドリル動画のデモ',
    wrongPassword: 'パスワードが正しくありません',
    timeLeft: /残り約 \d+ 秒/,
    cleared: 'キャッシュをクリアしました。',
  },
  en: {
    title: 'Drill video demo',
    wrongPassword: 'パスワードが正しくありません', // the server's detail, shown as the frontend shows it
    timeLeft: /about \d+ s left/,
    cleared: 'The cache of this run was cleared.',
  },
};

// One language: a fresh browser context whose navigator.language is `locale`.
async function drive(base, locale, lang, runId, screenshots) {
  const context = await browser.newContext({ locale, viewport: { width: 900, height: 1100 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });

  await page.goto(`${base}/demo`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getAttribute('html', 'lang'), lang);
  assert.equal((await page.textContent('h1')).trim(), TEXT[lang].title);
  assert.ok(await page.isVisible('#password'), 'the password field shows when one is configured');
  const drill = await page.inputValue('#drill-text');
  assert.ok(drill.startsWith('【💪 おすすめの補強ドリル】\n'), 'the drill section is prefilled as sent');
  await page.fill('#run-id', String(runId));
  await page.selectOption('#seconds', '8');

  if (lang === 'ja') {
    // A wrong password: the server's 401 detail, as the frontend shows it.
    await page.fill('#password', 'not-the-password');
    await page.click('#generate');
    await page.waitForSelector('#error:not([hidden])');
    assert.ok((await page.textContent('#error')).includes(TEXT[lang].wrongPassword));
  }

  // Every text the loading state shows, recorded as it changes.
  await page.evaluate(() => {
    window.progressTexts = [];
    new MutationObserver(() => {
      window.progressTexts.push(document.getElementById('progress-text').textContent);
    }).observe(document.getElementById('progress-text'), { childList: true, characterData: true, subtree: true });
  });
  await page.fill('#password', password);
  await page.click('#generate');
  await page.waitForFunction(() => document.getElementById('video').readyState >= 3, null, { timeout: 120000 });

  const texts = await page.evaluate(() => window.progressTexts);
  const video = await page.evaluate(() => {
    const v = document.getElementById('video');
    return { src: v.currentSrc, poster: v.poster, duration: v.duration };
  });
  assert.match(video.src, /\/api\/video-generation\/download\/[A-Za-z0-9_-]+$/);
  assert.match(video.poster, /\/thumbnail\/[A-Za-z0-9_-]+$/);
  assert.ok(video.duration >= 7.5, `an 8 s video, got ${video.duration}`);
  const poster = await page.request.get(video.poster);
  assert.equal(poster.status(), 200, 'the poster is the video\'s thumbnail');
  assert.equal(poster.headers()['content-type'], 'image/webp');
  // Generated here, not from the cache: progress and the time left were shown while it ran.
  assert.ok(texts.some((text) => /[1-9]\d*%/.test(text)), `progress shown: ${texts.join(' | ')}`);
  assert.ok(texts.some((text) => TEXT[lang].timeLeft.test(text)), `time left shown: ${texts.join(' | ')}`);

  // Plays: currentTime advances.
  const played = await page.evaluate(async () => {
    const v = document.getElementById('video');
    v.muted = true; // no user gesture in a test: the autoplay policy allows muted play
    await v.play();
    const start = v.currentTime;
    await new Promise((resolve) => {
      const check = () => (v.currentTime > start + 0.3 ? resolve() : requestAnimationFrame(check));
      check();
    });
    v.pause();
    return { start, now: v.currentTime };
  });
  assert.ok(played.now > played.start, `playback advances: ${JSON.stringify(played)}`);

  // Seeks to 2.0 s: the seeked event, and currentTime there.
  const seeked = await page.evaluate(() => new Promise((resolve) => {
    const v = document.getElementById('video');
    v.addEventListener('seeked', () => resolve({ time: v.currentTime, readyState: v.readyState }), { once: true });
    v.currentTime = 2.0;
  }));
  assert.ok(Math.abs(seeked.time - 2.0) < 0.05, `seeked to ${seeked.time}`);
  if (screenshots) await page.screenshot({ path: join(screenshots, `demo-${lang}.png`), fullPage: true });

  // Clear cache for that run: the page says so, and the server no longer has the run.
  await page.click('#clear-cache');
  await page.waitForFunction((text) => document.getElementById('message').textContent === text,
    TEXT[lang].cleared);
  assert.ok(await page.isHidden('#player'));
  const status = await (await page.request.get(`${base}/status/${runId}`)).json();
  assert.equal(status.status, 'not_found');

  assert.deepEqual(problems, [], 'no script error and nothing blocked by the page\'s policy');
  await context.close();
}

let failed = false;
try {
  const base = await startServer(dataDir, true);

  // The page's own files only: no inline script or style the policy would block.
  const answer = await fetch(`${base}/demo`);
  assert.equal(answer.status, 200);
  const csp = answer.headers.get('content-security-policy') || '';
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /frame-ancestors 'self'/);
  assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
  const html = await answer.text();
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, 'no inline script');
  assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i, 'no inline style or handler');

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const screenshots = process.env.DEMO_SCREENSHOTS || '';
  // Each run is generated while the page shows progress (the first run's cache is cleared).
  await drive(base, 'ja-JP', 'ja', 1001, screenshots);
  await drive(base, 'en-US', 'en', 1003, screenshots);

  // Without a generation password the page says why it cannot generate, and asks for none.
  const closed = await startServer(join(dataDir, 'no-password'), false);
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${closed}/demo`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.ok(await page.isHidden('#password-row'), 'no password field without a password');
  assert.ok(await page.isDisabled('#generate'), 'Generate is off when generation is off');
  assert.match(await page.textContent('#unavailable'), /no generation password/);
  await context.close();
  console.log('demo page: 3 passed, 0 failed');
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  if (browser) await browser.close();
  for (const server of servers) if (server.exitCode === null) server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
