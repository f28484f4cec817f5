/**
 * The console's shell: sign-in, navigation among the screens the officer's roles allow (hash routes
 * `#/<screen id>[/<param>]`), the language switch, the stream status, toasts, and the `ctx` each screen gets
 * (docs/web-console.md#screens-and-ctx).
 */

import * as alarms from './alarms.js';
import * as hub from './hub.js';
import * as i18n from './i18n.js';
import screens from './screens/index.js';
import * as sessionUi from './session.js';
import values from './values.js';

i18n.addMessages(values);
for (const screen of screens) i18n.addMessages(screen.messages);
document.documentElement.lang = i18n.lang();

const root = document.getElementById('app');
let unmountScreen = null;
let shell = null;

const LEVEL_COLOURS = { I: '#d7263d', II: '#f28c28', III: '#f2c318', IV: '#1e6fd9' };

/** The small DOM helper of ctx: attrs `class`, `data-*`, `on:<event>`, `style`, properties `value`, `checked`… */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on:')) {
      node.addEventListener(key.slice(3), value);
    } else if (key === 'value' || key === 'checked' || key === 'selected' || key === 'disabled') {
      node[key] = value;
    } else if (key === 'style' && typeof value === 'object') {
      Object.assign(node.style, value);
    } else if (key === 'style') {
      // through the CSSOM, not as an attribute: the hub's Content-Security-Policy refuses inline style attributes
      node.style.cssText = String(value);
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function toast(message, kind = 'info', code = null) {
  const box = document.getElementById('toasts');
  const item = el('div', { class: 'toast toast-' + kind, 'data-testid': 'toast', 'data-kind': kind, 'data-code': code, role: 'status' },
    String(message));
  box.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 10000 : 4000);
}

// Every time the console shows is Beijing time (Asia/Shanghai, UTC+8), 24-hour, whatever the browser's own zone;
// the top bar says so (shell-clock). docs/web-console.md#times
const ZONE = 'Asia/Shanghai';
const ZONE_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  second: '2-digit', hourCycle: 'h23',
});

function zoneParts(date) {
  const p = {};
  for (const part of ZONE_PARTS.formatToParts(date)) p[part.type] = part.value;
  if (p.hour === '24') p.hour = '00';
  return p;
}

/**
 * An instant as an officer reads it: `HH:mm:ss` when it is of today (in Beijing), else `yyyy-MM-dd HH:mm:ss`;
 * `{ seconds: false }` leaves the seconds out. Never 12-hour, never the browser's zone.
 */
function fmtTime(iso, options = {}) {
  if (!iso) return '';
  const date = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const p = zoneParts(date);
  const today = zoneParts(new Date());
  const time = p.hour + ':' + p.minute + (options.seconds === false ? '' : ':' + p.second);
  if (p.year === today.year && p.month === today.month && p.day === today.day) return time;
  return p.year + '-' + p.month + '-' + p.day + ' ' + time;
}

/** The top bar's clock: Beijing time now, with the zone named and explained in its tooltip. */
function clock() {
  const node = el('time', { class: 'shell-clock', 'data-testid': 'shell-clock', title: i18n.t('time.zoneHint') });
  const tick = () => {
    const p = zoneParts(new Date());
    node.textContent = i18n.t('time.zone') + ' ' + p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
    node.dateTime = new Date().toISOString();
  };
  tick();
  node.stop = (t => () => clearInterval(t))(setInterval(tick, 10000));
  return node;
}

/** The screens the user's roles allow; those marked {@code hidden} are routed to but not in the navigation. */
function visibleScreens(user) {
  return screens.filter(s => !s.roles || s.roles.some(r => user.roles.includes(r)));
}

/** The ctx of one mounted screen: its event listeners are dropped on unmount even if the screen forgets. */
function makeCtx(user) {
  const owned = [];
  const ctx = {
    user,
    hasRole: (...roles) => roles.some(r => user.roles.includes(r)),
    api: hub.api,
    events: {
      on(filter, handler) {
        const off = hub.events.on(filter, handler);
        owned.push(off);
        return off;
      },
      lastSeq: hub.events.lastSeq,
      status: hub.events.status,
    },
    t: i18n.t,
    lang: i18n.lang(),
    navigate: hash => { location.hash = hash; },
    toast,
    el,
    levelColour: level => LEVEL_COLOURS[level] || '#888888',
    fmtTime,
    name: i18n.name,
    who: i18n.who,
    errorText: i18n.errorText,
    fail: err => toast(i18n.errorText(err), 'error', (err && err.code) || null),
  };
  return { ctx, release: () => owned.splice(0).forEach(off => off()) };
}

// ---------------------------------------------------------------- sign-in

function langSwitch(onChange) {
  return el('select', {
    'data-testid': 'lang-switch', 'aria-label': i18n.t('shell.lang'),
    'on:change': e => { i18n.setLang(e.target.value); onChange(); },
  }, i18n.LANGUAGES.map(l => el('option', { value: l, selected: l === i18n.lang() },
    l === 'zh-CN' ? '中文' : 'English')));
}

function showSignIn(notice) {
  teardownShell();
  root.replaceChildren();
  const username = el('input', { 'data-testid': 'signin-username', name: 'username', autocomplete: 'username',
    required: true });
  const password = el('input', { 'data-testid': 'signin-password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true });
  const error = el('p', { class: 'signin-error', 'data-testid': 'signin-error', role: 'alert', hidden: true });
  const submit = el('button', { type: 'submit', 'data-testid': 'signin-submit' }, i18n.t('signin.submit'));
  const form = el('form', {
    class: 'signin', 'data-testid': 'signin-form',
    'on:submit': async e => {
      e.preventDefault();
      submit.disabled = true;
      error.hidden = true;
      try {
        await hub.signIn(username.value.trim(), password.value);
        if (!location.hash || location.hash === '#/') location.hash = '#/board';
        showShell();
      } catch (err) {
        error.textContent = i18n.errorText(err);
        error.dataset.code = (err && err.code) || 'ERROR';
        error.hidden = false;
        submit.disabled = false;
      }
    },
  },
  el('h1', {}, i18n.t('app.title')),
  el('h2', {}, i18n.t('signin.title')),
  notice ? el('p', { class: 'signin-notice', 'data-testid': 'signin-notice' }, notice) : null,
  el('label', {}, i18n.t('signin.username'), username),
  el('label', {}, i18n.t('signin.password'), password),
  el('p', { class: 'signin-zone' }, i18n.t('time.zoneHint')),
  error,
  submit,
  el('div', { class: 'signin-lang' }, langSwitch(() => showSignIn(notice))));
  root.append(el('main', { class: 'signin-page' }, form));
  username.focus();
}

// ---------------------------------------------------------------- shell

function teardownShell() {
  if (unmountScreen) {
    const u = unmountScreen;
    unmountScreen = null;
    u();
  }
  if (shell) {
    shell.offStatus();
    if (shell.clock) shell.clock.stop();
    if (shell.stopAlarms) shell.stopAlarms();
    if (shell.stopSession) shell.stopSession();
    shell = null;
  }
}

function showShell() {
  teardownShell();
  const session = hub.currentSession();
  if (!session) {
    showSignIn();
    return;
  }
  const user = { subject: session.subject, roles: session.roles, cityCode: session.cityCode };
  const allowed = visibleScreens(user);
  const status = el('span', { class: 'stream-status', 'data-testid': 'stream-status' });
  const renderStatus = s => {
    status.dataset.status = s;
    status.className = 'stream-status stream-' + s;
    status.textContent = i18n.t('stream.' + s);
    status.title = i18n.t('stream.' + s);
  };
  renderStatus(hub.events.status());
  const nav = el('nav', { class: 'nav', 'data-testid': 'nav' }, allowed.filter(s => !s.hidden).map(s =>
    el('a', { href: '#/' + s.id, 'data-testid': 'nav-' + s.id, 'data-screen': s.id }, i18n.t(s.titleKey))));
  const main = el('main', { class: 'screen', 'data-testid': 'screen' });
  const alarmBanner = el('section', { class: 'alarm-banner', 'data-testid': 'alarm-banner', role: 'alert',
    'aria-label': i18n.t('alarm.banner'), hidden: true });
  const shellClock = clock();
  const alarmCounter = el('span', { class: 'alarm-counter', 'data-testid': 'alarm-counter', 'data-count': '0' });
  const header = el('header', { class: 'topbar' },
    el('span', { class: 'brand' }, i18n.t('app.title')),
    nav,
    el('span', { class: 'spacer' }),
    alarmCounter,
    allowed.some(s => s.id === 'wall')
      ? el('a', { href: '#/wall', class: 'wall-link', 'data-testid': 'shell-wall' }, i18n.t('nav.wall')) : null,
    shellClock,
    status,
    el('span', { class: 'user', 'data-testid': 'shell-user' },
      user.subject, ' · ', user.roles.map(r => i18n.t('role.' + r)).join(', '),
      user.cityCode ? ' · ' + i18n.t('city.' + user.cityCode) : ''),
    langSwitch(() => showShell()),
    el('button', { type: 'button', 'data-testid': 'shell-signout', 'on:click': () => hub.signOut('signout') },
      i18n.t('shell.signout')));
  const sessionBanner = el('section', { class: 'session-banner', 'data-testid': 'session-banner', role: 'status', hidden: true });
  root.replaceChildren(header, sessionBanner, alarmBanner, main);
  shell = { user, allowed, nav, main, clock: shellClock, offStatus: hub.events.onStatus(renderStatus) };
  document.title = i18n.t('app.title');
  shell.stopSession = sessionUi.start(sessionBanner, { el, t: i18n.t, fmtTime, user, otherOfficer: () => showShell() });
  shell.stopAlarms = alarms.start(alarmBanner, alarmCounter, {
    el, t: i18n.t, name: i18n.name, errorText: i18n.errorText, fmtTime, api: hub.api, events: hub.events, toast, user, baseTitle: i18n.t('app.title'),
  });
  // screens read their data once the stream's start position is known (or the hub is slow to tell it)
  const started = shell;
  Promise.race([hub.events.start(), new Promise(resolve => setTimeout(resolve, 5000))]).then(() => {
    if (shell === started) route();
  });
}

function route() {
  if (!shell) return;
  const hash = location.hash.replace(/^#\/?/, '');
  const [id, ...rest] = hash.split('/');
  const param = rest.length ? decodeURIComponent(rest.join('/')) : undefined;
  const screen = shell.allowed.find(s => s.id === id)
    || (!id ? shell.allowed.find(s => s.id === 'board') || shell.allowed[0] : null);
  if (unmountScreen) {
    const u = unmountScreen;
    unmountScreen = null;
    u();
  }
  shell.main.replaceChildren();
  // a screen marked `wall` (the wall mode, #/wall) is shown without the navigation chrome
  document.body.classList.toggle('wall-mode', !!(screen && screen.wall));
  for (const a of shell.nav.querySelectorAll('a')) a.classList.toggle('active', screen && a.dataset.screen === screen.id);
  if (!screen) {
    shell.main.append(el('p', { class: 'empty', 'data-testid': 'screen-unknown' },
      id ? i18n.t('screen.unknown', { id }) : i18n.t('screen.none')));
    return;
  }
  const container = el('section', { class: 'screen-' + screen.id, 'data-testid': 'screen-' + screen.id });
  shell.main.append(container);
  const { ctx, release } = makeCtx(shell.user);
  let unmount = null;
  try {
    unmount = screen.mount(container, ctx, param);
  } catch (e) {
    console.error('screen ' + screen.id + ' failed to mount', e);
    toast(i18n.t('error.unknown'), 'error');
  }
  unmountScreen = () => {
    try {
      if (typeof unmount === 'function') unmount();
    } catch (e) {
      console.error('screen ' + screen.id + ' failed to unmount', e);
    }
    release();
  };
}

window.addEventListener('hashchange', route);
// an expired session: the sign-in modal over the screen, which stays as it is (docs/web-console.md#the-session)
hub.onSessionEnd(reason => (reason === 'expired' && sessionUi.expired()) || showSignIn(reason === 'expired' ? i18n.t('session.ended') : null));
window.addEventListener('unhandledrejection', e => {
  const err = e.reason || {};
  console.error('unhandled', err);
  if (err.code) toast(i18n.errorText(err), 'error', err.code);
});

if (hub.currentSession()) showShell(); else showSignIn();
