// The advice card of the web frontend, against this server: POST /generate with wait 0, then
// GET /status/{run_id} until the video is made, then the video with its thumbnail as poster.
// Plain script, no build step, nothing from another origin (the page's policy allows only 'self').
'use strict';

const TEXTS = {
  ja: {
    pageTitle: 'DrillStudio — 補強ドリル動画のデモ',
    title: '補強ドリル動画のデモ',
    lead: 'フロントエンドのアドバイスカードと同じ呼び出し（生成、進み具合の確認、再生、キャッシュのクリア）をこのサーバーに送ります。',
    cardTitle: 'アドバイスカード',
    runId: 'ラン ID',
    drill: 'ドリル（アドバイスの「おすすめの補強ドリル」の部分をそのまま）',
    size: 'サイズ',
    seconds: '長さ（秒）',
    password: '生成パスワード',
    generate: '動画を生成',
    clearCache: 'キャッシュをクリア',
    exchanges: 'このページが送った要求と答え',
    sending: '生成を依頼しています…',
    queued: '順番を待っています…',
    progress: (p) => `動画を生成しています… ${p}%`,
    timeLeft: (s) => `残り約 ${s} 秒`,
    timeUnknown: '残り時間を計算しています',
    elapsed: (s) => `経過 ${s} 秒`,
    ready: '動画ができました。',
    readyCached: 'キャッシュ済みの動画です（再生成はしていません）。',
    failed: (e) => `動画生成に失敗しました: ${e}`,
    runIdInvalid: 'ラン ID は 1 以上の整数で入力してください。',
    drillMissing: 'ドリルの文章を入力してください。',
    passwordMissing: '生成パスワードを入力してください。',
    network: (e) => `サーバーにつながりません: ${e}`,
    unexpected: (code) => `サーバーが予期しない答えを返しました（HTTP ${code}）。`,
    cleared: 'キャッシュをクリアしました。',
    nothingCached: 'このラン ID のキャッシュはありませんでした。',
    adminNeeded: 'キャッシュのクリアには管理者の認証が必要です。',
    unavailable: '生成パスワードが設定されていないため、このサーバーでは動画を生成できません。',
    caption: (url) => `video_url: ${url}`,
  },
  en: {
    pageTitle: 'DrillStudio — drill video demo',
    title: 'Drill video demo',
    lead: 'Sends this server the calls the frontend\'s advice card makes: generate, follow the progress, play, and clear the cache.',
    cardTitle: 'Advice card',
    runId: 'Run ID',
    drill: 'Drill (the advice\'s "recommended drill" section as it is)',
    size: 'Size',
    seconds: 'Length (seconds)',
    password: 'Generation password',
    generate: 'Generate video',
    clearCache: 'Clear cache',
    exchanges: 'Requests this page sent, and the answers',
    sending: 'Asking for the video…',
    queued: 'Waiting for its turn…',
    progress: (p) => `Generating the video… ${p}%`,
    timeLeft: (s) => `about ${s} s left`,
    timeUnknown: 'working out the time left',
    elapsed: (s) => `${s} s so far`,
    ready: 'The video is ready.',
    readyCached: 'This video was already cached (not generated again).',
    failed: (e) => `The video could not be generated: ${e}`,
    runIdInvalid: 'Enter the run ID as a whole number of 1 or more.',
    drillMissing: 'Enter the drill text.',
    passwordMissing: 'Enter the generation password.',
    network: (e) => `Cannot reach the server: ${e}`,
    unexpected: (code) => `The server gave an unexpected answer (HTTP ${code}).`,
    cleared: 'The cache of this run was cleared.',
    nothingCached: 'Nothing was cached for this run ID.',
    adminNeeded: 'Clearing the cache needs admin credentials.',
    unavailable: 'This server cannot generate videos: no generation password is configured.',
    caption: (url) => `video_url: ${url}`,
  },
};

// The advice card's drill section as the frontend sends it: header line included.
const EXAMPLE_DRILL = '【💪 おすすめの補強ドリル】\n'
  + '補強ドリルとして、壁を使った前傾姿勢の練習（ウォールドリル）が効果的です。\n'
  + '壁に両手をつき、体を一直線に保ったまま、もも上げを左右交互に20回×3セット行いましょう。\n';

const POLL_MS = 500;

function pickLanguage() {
  const wanted = new URLSearchParams(location.search).get('lang');
  if (wanted === 'ja' || wanted === 'en') return wanted;
  const preferred = (navigator.languages && navigator.languages.length)
    ? navigator.languages : [navigator.language || 'ja'];
  for (const tag of preferred) {
    const lang = String(tag).toLowerCase();
    if (lang === 'ja' || lang.startsWith('ja-')) return 'ja';
    if (lang === 'en' || lang.startsWith('en-')) return 'en';
  }
  return 'ja';
}

const lang = pickLanguage();
const t = TEXTS[lang];
// "/demo" at the root, "/api/video-generation/demo" behind the gateway: the API sits beside it.
const API = location.pathname.replace(/\/demo\/?$/, '');

const $ = (id) => document.getElementById(id);
const state = { config: null, polling: null, started: 0, generation: 0 };

function show(id, text) {
  const el = $(id);
  el.textContent = text || '';
  el.hidden = !text;
}

function log(method, path, body, status, answer) {
  const item = document.createElement('li');
  const line = document.createElement('code');
  line.textContent = `${method} ${path} → ${status}`;
  item.append(line);
  for (const part of [body, answer]) {
    if (part === undefined) continue;
    const pre = document.createElement('pre');
    pre.textContent = typeof part === 'string' ? part : JSON.stringify(part, null, 2);
    item.append(pre);
  }
  const list = $('log');
  list.prepend(item);
  while (list.children.length > 30) list.lastChild.remove();
}

async function call(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(API + path, init);
  let answer = null;
  try {
    answer = await response.json();
  } catch (e) {
    answer = null;
  }
  const shown = body && 'password' in body ? { ...body, password: '********' } : body;
  log(method, API + path, shown, response.status, answer);
  return { status: response.status, answer };
}

// The words of a refusal: FastAPI's detail (a text, or a list of issues with msg).
function detailOf(answer, status) {
  const detail = answer && answer.detail;
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail) && detail.length) {
    return detail.map((issue) => {
      const where = Array.isArray(issue.loc) ? issue.loc.filter((p) => p !== 'body').join('.') : '';
      return where ? `${where}: ${issue.msg}` : issue.msg;
    }).join('\n');
  }
  return t.unexpected(status);
}

function setBusy(busy) {
  $('generate').disabled = busy;
  $('clear-cache').disabled = busy;
}

function stopPolling() {
  if (state.polling) clearTimeout(state.polling);
  state.polling = null;
}

function showProgress(progress, etaSeconds, waiting) {
  $('loading').hidden = false;
  const percent = Math.max(0, Math.min(100, Math.round(Number(progress) || 0)));
  $('progress').value = percent;
  $('progress').dataset.seen = String(Math.max(Number($('progress').dataset.seen || 0), percent));
  const elapsed = Math.round((performance.now() - state.started) / 1000);
  const left = etaSeconds === null || etaSeconds === undefined
    ? t.timeUnknown : t.timeLeft(etaSeconds);
  const head = waiting ? t.queued : t.progress(percent);
  $('progress-text').textContent = `${head}　${left}（${t.elapsed(elapsed)}）`;
}

function hideVideo() {
  const video = $('video');
  video.pause();
  video.removeAttribute('src');
  video.removeAttribute('poster');
  video.load();
  $('player').hidden = true;
}

function showVideo(videoUrl, videoId, cached) {
  stopPolling();
  setBusy(false);
  $('loading').hidden = true;
  const video = $('video');
  if (videoId) video.poster = `${API}/thumbnail/${encodeURIComponent(videoId)}`;
  video.src = videoUrl;
  $('video-caption').textContent = t.caption(videoUrl);
  $('player').hidden = false;
  show('message', cached ? t.readyCached : t.ready);
}

function fail(text) {
  stopPolling();
  setBusy(false);
  $('loading').hidden = true;
  show('error', text);
}

async function poll(runId, generation) {
  if (generation !== state.generation) return;
  let result;
  try {
    result = await call('GET', `/status/${runId}`);
  } catch (e) {
    return fail(t.network(e.message));
  }
  if (generation !== state.generation) return;
  const { status, answer } = result;
  if (status !== 200 || !answer) return fail(detailOf(answer, status));
  const phase = answer.generation_status;
  if (phase === 'completed' && answer.video_url) return showVideo(answer.video_url, answer.video_id, false);
  if (phase === 'failed' || phase === 'cancelled' || phase === 'expired') {
    return fail(t.failed(answer.error_message || phase));
  }
  showProgress(answer.progress, answer.eta_seconds, phase === 'pending' || phase === 'not_generated');
  state.polling = setTimeout(() => poll(runId, generation), POLL_MS);
}

function readRunId() {
  const text = $('run-id').value.trim();
  return /^[0-9]{1,16}$/.test(text) && Number(text) >= 1 ? Number(text) : null;
}

async function generate(event) {
  event.preventDefault();
  stopPolling();
  show('error', '');
  show('message', '');
  const runId = readRunId();
  const drill = $('drill-text').value;
  if (runId === null) return show('error', t.runIdInvalid);
  if (!drill.trim()) return show('error', t.drillMissing);
  const needsPassword = state.config && state.config.password_required;
  if (needsPassword && !$('password').value) return show('error', t.passwordMissing);

  hideVideo();
  setBusy(true);
  const generation = ++state.generation;
  state.started = performance.now();
  $('loading').hidden = false;
  $('progress').value = 0;
  $('progress').dataset.seen = '0';
  $('progress-text').textContent = t.sending;
  // The frontend's body, plus wait: 0 so the answer comes at once and the status shows progress.
  const body = {
    run_id: runId,
    drill_text: drill,
    size: $('size').value,
    seconds: $('seconds').value,
    password: $('password').value,
    wait: 0,
  };
  let result;
  try {
    result = await call('POST', '/generate', body);
  } catch (e) {
    return fail(t.network(e.message));
  }
  const { status, answer } = result;
  if (status === 200 && answer && answer.status === 'success' && answer.video_url) {
    return showVideo(answer.video_url, answer.video_id, true);
  }
  if (status === 200 && answer && answer.status === 'failed') {
    return fail(t.failed(answer.error || answer.message));
  }
  if (status === 202 && answer) {
    showProgress(answer.progress, null, answer.generation_status === 'pending');
    state.polling = setTimeout(() => poll(runId, generation), POLL_MS);
    return;
  }
  return fail(detailOf(answer, status));
}

async function clearCache() {
  stopPolling();
  ++state.generation;
  show('error', '');
  show('message', '');
  const runId = readRunId();
  if (runId === null) return show('error', t.runIdInvalid);
  setBusy(true);
  try {
    const { status, answer } = await call('DELETE', `/cache/${runId}`);
    if (status === 200 && answer && answer.status === 'success') {
      hideVideo();
      show('message', t.cleared);
    } else if (status === 200 && answer && answer.status === 'not_found') {
      show('message', t.nothingCached);
    } else if (status === 401) {
      show('error', t.adminNeeded);
    } else {
      show('error', detailOf(answer, status));
    }
  } catch (e) {
    show('error', t.network(e.message));
  } finally {
    setBusy(false);
    $('loading').hidden = true;
  }
}

async function loadConfig() {
  try {
    const response = await fetch(`${location.pathname.replace(/\/$/, '')}/config.json`);
    state.config = await response.json();
  } catch (e) {
    state.config = null;
    return;
  }
  $('password-row').hidden = !state.config.password_required;
  if (!state.config.generation_available) {
    $('unavailable').textContent = t.unavailable;
    $('unavailable').hidden = false;
    $('generate').disabled = true;
  }
}

function translate() {
  document.documentElement.lang = lang;
  document.title = t.pageTitle;
  for (const el of document.querySelectorAll('[data-text]')) {
    const text = t[el.dataset.text];
    if (typeof text === 'string') el.textContent = text;
  }
}

translate();
$('drill-text').value = EXAMPLE_DRILL;
$('generate-form').addEventListener('submit', generate);
$('clear-cache').addEventListener('click', clearCache);
document.body.dataset.ready = 'loading';
loadConfig().finally(() => { document.body.dataset.ready = 'true'; });
