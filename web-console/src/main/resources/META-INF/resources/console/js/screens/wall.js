/**
 * Wall mode (#/wall[/<seconds>[/<board>,<board>…]]), for a large display in the command hall: no navigation chrome,
 * type that grows with the viewport, and boards that rotate every N seconds (default 20, at least 5): the
 * situation picture (counters of open real incidents, warnings in force, alarms), the province map, the open real
 * incidents (level I first), the warnings in force and the open alarms. Each board reads the hub when it is shown
 * and again on every live event of its kind, so the wall stays live. Keys: → / ← next / previous board, P pause,
 * Esc leaves for the board. docs/web-console.md#wall-mode
 */
import mapScreen, { inForce } from './map.js';
import { CITY_CODES, categoryName, elapsed } from '../i18n.js';
import { areaName } from '../areas-fj.js';

const BOARDS = ['situation', 'map', 'incidents', 'warnings', 'alarms'];
const DEFAULT_SECONDS = 20;
const MIN_SECONDS = 5;
const LEVELS = ['I', 'II', 'III', 'IV'];
const LEVEL_RANK = { I: 0, II: 1, III: 2, IV: 3 };
const COLOURS = { red: '#d0021b', orange: '#f5a623', yellow: '#f8e71c', blue: '#4a90e2' };

/** `<seconds>/<board>,<board>` of the route → { seconds, boards } (unknown boards are left out). */
export function wallOptions(param) {
  const [first, second] = String(param || '').split('/');
  const n = Number.parseInt(first, 10);
  const seconds = Number.isFinite(n) ? Math.max(MIN_SECONDS, n) : DEFAULT_SECONDS;
  const asked = (second || (Number.isFinite(n) ? '' : first) || '').split(',').map(s => s.trim()).filter(s => BOARDS.includes(s));
  return { seconds, boards: asked.length ? asked : BOARDS.slice() };
}

export default {
  id: 'wall',
  titleKey: 'nav.wall',
  roles: ['DUTY_OFFICER', 'COMMANDER', 'ADMIN'],
  wall: true, // the shell hides its navigation chrome for this screen
  hidden: true, // not a navigation entry: the top bar's own link (shell-wall) opens it
  messages: {
    'zh-CN': {
      'nav.wall': '大屏', 'wall.title': '福建省应急指挥 · 大屏', 'wall.exit': '退出大屏模式（Esc）',
      'wall.board.situation': '态势总览', 'wall.board.map': '全省态势图', 'wall.board.incidents': '未结真实事件',
      'wall.board.warnings': '生效预警', 'wall.board.alarms': '未确认告警',
      'wall.openReal': '未结真实事件', 'wall.inForce': '生效预警', 'wall.alarms': '未确认告警', 'wall.drills': '演练事件',
      'wall.byCity': '各市未结真实事件', 'wall.noIncidents': '没有未结的真实事件', 'wall.noWarnings': '没有生效的预警',
      'wall.noAlarms': '没有未确认的告警', 'wall.expires': '至 {time}', 'wall.paused': '已暂停（按 P 继续）',
      'wall.every': '每 {n} 秒轮换', 'wall.boards': '大屏看板', 'wall.more': '另有 {n} 起未列出',
    },
    en: {
      'nav.wall': 'Wall', 'wall.title': 'Fujian emergency command · wall', 'wall.exit': 'Leave wall mode (Esc)',
      'wall.board.situation': 'Situation', 'wall.board.map': 'Province map', 'wall.board.incidents': 'Open real incidents',
      'wall.board.warnings': 'Warnings in force', 'wall.board.alarms': 'Alarms not acknowledged',
      'wall.openReal': 'Open real incidents', 'wall.inForce': 'Warnings in force', 'wall.alarms': 'Alarms open', 'wall.drills': 'Drill incidents',
      'wall.byCity': 'Open real incidents by city', 'wall.noIncidents': 'No open real incident', 'wall.noWarnings': 'No warning in force',
      'wall.noAlarms': 'No alarm open', 'wall.expires': 'until {time}', 'wall.paused': 'Paused (P resumes)',
      'wall.every': 'rotates every {n} s', 'wall.boards': 'Wall boards', 'wall.more': '{n} more not listed',
    },
  },

  mount(el, ctx, param) {
    const { el: h, t } = ctx;
    const options = wallOptions(param);
    let index = 0;
    let paused = false;
    let disposed = false;
    let unmountBoard = null;
    let refreshBoard = null;
    let refreshTimer = null;

    const clock = h('time', { class: 'wall-clock', 'data-testid': 'wall-clock', title: t('time.zoneHint') });
    const status = h('span', { class: 'wall-status', 'data-testid': 'wall-status' });
    const dots = h('ol', { class: 'wall-dots', 'data-testid': 'wall-dots', 'aria-label': t('wall.boards') });
    const state = h('span', { class: 'wall-state', 'data-testid': 'wall-state' });
    const board = h('section', { class: 'wall-board', 'data-testid': 'wall-board', 'aria-live': 'polite' });
    el.append(h('div', { class: 'wall', 'data-testid': 'wall' },
      h('a', { class: 'wall-exit', href: '#/board', 'data-testid': 'wall-exit' }, t('wall.exit')),
      h('header', { class: 'wall-head' }, h('h1', {}, t('wall.title')), dots, state, status, clock),
      board));

    function tick() {
      clock.textContent = t('time.zone') + ' ' + ctx.fmtTime(new Date(), { seconds: false });
      const s = ctx.events.status();
      status.className = 'wall-status stream-' + s;
      status.dataset.status = s;
      status.textContent = t('stream.' + s);
    }

    function show(i) {
      index = (i + options.boards.length) % options.boards.length;
      if (unmountBoard) { try { unmountBoard(); } catch (e) { console.error('wall board failed to unmount', e); } }
      unmountBoard = null;
      refreshBoard = null;
      const id = options.boards[index];
      dots.replaceChildren(...options.boards.map((b, n) => h('li', { class: n === index ? 'current' : null,
        'aria-current': n === index ? 'true' : null }, t('wall.board.' + b))));
      board.dataset.board = id;
      board.replaceChildren();
      state.textContent = paused ? t('wall.paused') : t('wall.every', { n: options.seconds });
      const mounted = BOARD_MOUNTS[id](board);
      unmountBoard = mounted.unmount || null;
      refreshBoard = mounted.refresh || null;
    }

    // ---- the boards: each answers { refresh, unmount }
    const BOARD_MOUNTS = {
      situation(box) {
        const refresh = () => Promise.all([
          ctx.api('GET', '/api/incidents/summary'), ctx.api('GET', '/api/warnings?inForce=true'), ctx.api('GET', '/api/alarms'),
        ]).then(([summary, warnings, alarms]) => {
          if (disposed || box.dataset.board !== 'situation') return;
          const levels = new Map((summary.levels || []).map(l => [l.key, l]));
          const card = (testid, label, n, colour) => h('div', { class: 'wall-card', 'data-testid': testid, 'data-count': String(n),
            style: colour ? { borderLeftColor: colour } : null }, h('b', {}, String(n)), h('span', {}, label));
          const cities = new Map((summary.cities || []).map(c => [c.cityCode, c]));
          box.replaceChildren(h('h2', {}, t('wall.board.situation')),
            h('div', { class: 'wall-cards' },
              card('wall-open-real', t('wall.openReal'), summary.openReal || 0),
              LEVELS.map(l => card('wall-level-' + l, t('level.' + l), (levels.get(l) || {}).real || 0, ctx.levelColour(l))),
              card('wall-in-force', t('wall.inForce'), (warnings || []).filter(w => inForce(w)).length, '#f5a623'),
              card('wall-alarms', t('wall.alarms'), (alarms || []).length, '#d7263d'),
              card('wall-drills', t('wall.drills'), summary.openDrills || 0, '#7a5cb0')),
            h('h2', {}, t('wall.byCity')),
            h('div', { class: 'wall-cards' }, CITY_CODES.map(c => card('wall-city-' + c, t('city.' + c),
              (cities.get(c) || {}).openReal || 0))));
        }, ctx.fail);
        refresh();
        return { refresh };
      },
      map(box) {
        const inner = h('section', { class: 'screen-map', 'data-testid': 'wall-map' });
        box.append(inner);
        return { unmount: mapScreen.mount(inner, ctx) };
      },
      incidents(box) {
        const refresh = () => Promise.all([ctx.api('GET', '/api/incidents/picture'),
          ctx.api('GET', '/api/incidents?open=true&exercise=false&size=50')]).then(([picture, page]) => {
          if (disposed || box.dataset.board !== 'incidents') return;
          const byId = new Map();
          for (const i of [...(picture.grave || []), ...(page.items || [])]) if (!i.exercise) byId.set(i.id, i);
          const list = [...byId.values()].sort((a, b) => (LEVEL_RANK[a.level] - LEVEL_RANK[b.level]) || (a.id < b.id ? -1 : 1));
          const shown = list.slice(0, 14);
          box.replaceChildren(h('h2', {}, t('wall.board.incidents')),
            shown.length ? h('ul', { class: 'wall-list', 'data-testid': 'wall-incidents' }, shown.map(i => h('li', {
              'data-testid': 'wall-incident', 'data-incident-id': i.id, 'data-level': i.level },
            h('span', { class: 'level-badge level-' + i.level, style: { background: ctx.levelColour(i.level) }, title: t('level.' + i.level) }, i.level),
            h('span', { class: 'wall-title' }, i.title),
            h('span', { class: 'wall-meta' }, areaName(i.countyCode, ctx.lang) + ' · ' + categoryName(i.category) + ' · '
              + t('status.' + i.status) + ' · ' + elapsed(i.reportedAt)))))
              : h('p', { class: 'empty' }, t('wall.noIncidents')),
            list.length > shown.length ? h('p', { class: 'empty' }, t('wall.more', { n: list.length - shown.length })) : '');
        }, ctx.fail);
        refresh();
        return { refresh };
      },
      warnings(box) {
        const refresh = () => ctx.api('GET', '/api/warnings?inForce=true').then(all => {
          if (disposed || box.dataset.board !== 'warnings') return;
          const list = (all || []).filter(w => inForce(w));
          box.replaceChildren(h('h2', {}, t('wall.board.warnings')),
            list.length ? h('ul', { class: 'wall-list', 'data-testid': 'wall-warnings' }, list.map(w => h('li', {
              'data-testid': 'wall-warning', 'data-identifier': w.identifier },
            h('span', { class: 'level-badge', style: { background: COLOURS[w.colour] || '#8b9bb4', color: w.colour === 'red' ? '#fff' : '#1d2433' } },
              t('warnings.colour.' + w.colour)),
            h('span', { class: 'wall-title' }, w.headline || ''),
            h('span', { class: 'wall-meta' }, [w.msgType && w.msgType !== 'Alert' ? ctx.name('cap.msgType', w.msgType) : null,
              w.status && w.status !== 'Actual' ? ctx.name('cap.status', w.status) : null,
              w.expires ? t('wall.expires', { time: ctx.fmtTime(w.expires, { seconds: false }) }) : null].filter(Boolean).join(' · ')))))
              : h('p', { class: 'empty' }, t('wall.noWarnings')));
        }, ctx.fail);
        refresh();
        return { refresh };
      },
      alarms(box) {
        const refresh = () => ctx.api('GET', '/api/alarms').then(list => {
          if (disposed || box.dataset.board !== 'alarms') return;
          box.replaceChildren(h('h2', {}, t('wall.board.alarms')),
            (list || []).length ? h('ul', { class: 'wall-list', 'data-testid': 'wall-alarms' }, list.map(a => h('li', {
              'data-testid': 'wall-alarm', 'data-kind': a.kind },
            h('span', { class: 'wall-title' }, ctx.name('alarm', a.kind) + ' · '
              + (a.cityCode ? t('city.' + a.cityCode) : t('alarm.province')) + (a.level ? ' · ' + t('level.' + a.level) : '')
              + (a.summary && a.kind !== 'DELIVERY_FAILED' ? ' · ' + a.summary : '')),
            h('span', { class: 'wall-meta' }, ctx.fmtTime(a.raisedAt)))))
              : h('p', { class: 'empty' }, t('wall.noAlarms')));
        }, ctx.fail);
        refresh();
        return { refresh };
      },
    };

    // live: an event of the hub reads the board shown again (at most once a second)
    const soon = () => {
      if (refreshTimer || !refreshBoard) return;
      refreshTimer = setTimeout(() => { refreshTimer = null; if (!disposed && refreshBoard) refreshBoard(); }, 1000);
    };
    const offs = ['incident.', 'warning.', 'alarm.'].map(prefix => ctx.events.on(prefix, soon));

    const rotation = setInterval(() => { if (!paused && !disposed) show(index + 1); }, options.seconds * 1000);
    const ticker = setInterval(tick, 2000);
    const onKey = e => {
      if (e.target && /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName)) return;
      if (e.key === 'ArrowRight') show(index + 1);
      else if (e.key === 'ArrowLeft') show(index - 1);
      else if (e.key === 'p' || e.key === 'P') { paused = !paused; state.textContent = paused ? t('wall.paused') : t('wall.every', { n: options.seconds }); }
      else if (e.key === 'Escape') ctx.navigate('#/board');
    };
    document.addEventListener('keydown', onKey);
    tick();
    show(0);

    return () => {
      disposed = true;
      clearInterval(rotation);
      clearInterval(ticker);
      if (refreshTimer) clearTimeout(refreshTimer);
      document.removeEventListener('keydown', onKey);
      offs.forEach(off => off());
      if (unmountBoard) unmountBoard();
    };
  },
};
