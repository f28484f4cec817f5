// Cities panel: which city platforms are connected now (GET /api/presence, every 5 s and on city events), and the
// orders with an overdue target (GET /api/orders?overdue=true, live from order.* events).
import { PLATFORMS } from '../map-areas.js';
import { platformName } from '../map.js';

const REFRESH_MS = 5000;

export default {
  id: 'cities',
  titleKey: 'nav.cities',
  roles: ['DUTY_OFFICER', 'COMMANDER', 'ADMIN'],
  messages: {
    'zh-CN': {
      'nav.cities': '地市', 'cities.presence': '地市平台连接', 'cities.connected': '在线', 'cities.disconnected': '离线',
      'cities.since': '连接于', 'cities.connections': '连接数', 'cities.overdue': '超时未回执的指令', 'cities.noOverdue': '暂无超时指令',
      'cities.deadline': '时限', 'cities.checked': '更新于'
    },
    en: {
      'nav.cities': 'Cities', 'cities.presence': 'City platforms connected', 'cities.connected': 'connected',
      'cities.disconnected': 'not connected', 'cities.since': 'since', 'cities.connections': 'connections',
      'cities.overdue': 'Orders overdue', 'cities.noOverdue': 'No overdue order', 'cities.deadline': 'Deadline', 'cities.checked': 'Checked'
    }
  },

  mount(el, ctx) {
    const { el: h, t } = ctx;
    const fail = err => ctx.fail(err);
    const table = h('table', { class: 'cities-presence', 'data-testid': 'cities-presence' });
    const checked = h('small', { 'data-testid': 'cities-checked' });
    const overdueEl = h('div', { 'data-testid': 'cities-overdue' });
    el.append(h('h2', {}, t('cities.presence')), checked, table, h('h2', {}, t('cities.overdue')), overdueEl);
    const offs = [];
    let disposed = false;

    function drawPresence(list) {
      const byCity = new Map();
      for (const p of list) {
        if (!p.cityCode || !(p.roles || []).includes('CITY_PLATFORM')) continue;
        if (!byCity.has(p.cityCode)) byCity.set(p.cityCode, []);
        byCity.get(p.cityCode).push(p);
      }
      table.replaceChildren(...PLATFORMS.map(pl => {
        const conns = byCity.get(pl.code) || [];
        const on = conns.length > 0;
        const since = conns.map(c => c.connectedAt).sort()[0];
        return h('tr', { 'data-testid': 'cities-row', 'data-city': pl.code, 'data-connected': on ? 'true' : 'false' },
          h('td', {}, h('span', { style: `display:inline-block;width:.8em;height:.8em;border-radius:50%;background:${on ? '#2e9b4f' : '#b0b0b0'}` })),
          h('td', {}, platformName(pl.code, ctx.lang)), h('td', {}, pl.code),
          h('td', { 'data-testid': 'cities-state' }, on ? t('cities.connected') : t('cities.disconnected')),
          h('td', {}, on ? t('cities.since') + ' ' + ctx.fmtTime(since) : ''),
          h('td', {}, on ? t('cities.connections') + ': ' + conns.length : ''));
      }));
      checked.textContent = t('cities.checked') + ' ' + ctx.fmtTime(new Date().toISOString());
    }
    let presenceBusy = false;
    function loadPresence() {
      if (presenceBusy || disposed) return;
      presenceBusy = true;
      ctx.api('GET', '/api/presence').then(list => { presenceBusy = false; if (!disposed) drawPresence(list); },
        err => { presenceBusy = false; fail(err); });
    }

    const overdue = new Map(); // order id -> order (from the list) with its overdue targets
    function drawOverdue() {
      if (!overdue.size) { overdueEl.replaceChildren(h('p', { 'data-testid': 'cities-no-overdue' }, t('cities.noOverdue'))); return; }
      overdueEl.replaceChildren(...[...overdue.values()].map(o => h('div', { 'data-testid': 'cities-overdue-order', 'data-order-id': o.id },
        h('b', {}, o.ref), ' ', o.text || '', ' \u00b7 ', t('cities.deadline') + ' ' + ctx.fmtTime(o.deadline),
        o.incidentId ? h('span', {}, ' \u00b7 ', h('a', { href: '#/incidents/' + o.incidentId }, o.incidentId.slice(0, 8))) : '',
        h('ul', {}, ...(o.targets || []).filter(tg => tg.overdueAt).map(tg =>
          h('li', { 'data-testid': 'cities-overdue-target', 'data-city': tg.cityCode },
            platformName(tg.cityCode, ctx.lang) + ': ' + (tg.state ? ctx.name('ack', tg.state) : '–') + ' \u00b7 ' + ctx.fmtTime(tg.overdueAt)))))));
    }
    function loadOverdue() {
      ctx.api('GET', '/api/orders?overdue=true&size=200').then(page => {
        overdue.clear();
        for (const o of page.orders || []) overdue.set(o.id, o);
        drawOverdue();
      }, fail);
    }

    offs.push(ctx.events.on('order.', ev => {
      if (ev.type === 'order.overdue' || overdue.has(ev.data && ev.data.orderId)) loadOverdue();
    }));
    // a city acting is a hint that its connection may have changed
    offs.push(ctx.events.on('incident.reported', () => loadPresence()));
    const timer = setInterval(loadPresence, REFRESH_MS);
    loadPresence();
    loadOverdue();

    return () => { disposed = true; clearInterval(timer); offs.forEach(off => off()); };
  }
};
