/**
 * The incident board (default screen): incidents from `GET /api/incidents` (newest first, paged with `before`),
 * kept current by the live stream's incident events; filters city, level, status, category; a row opens the
 * incident's detail (`#/incidents/<id>`).
 */

import { CITY_CODES } from '../i18n.js';

const LEVELS = ['I', 'II', 'III', 'IV'];
const STATUSES = ['REPORTED', 'VERIFIED', 'RESPONDING', 'CONTAINED', 'CLOSED', 'MERGED', 'DISMISSED'];
const PAGE = 50;

export default {
  id: 'board',
  titleKey: 'nav.board',
  roles: ['DUTY_OFFICER', 'COMMANDER', 'ADMIN'],
  messages: {
    'zh-CN': {
      'board.city': '城市', 'board.level': '级别', 'board.status': '状态', 'board.category': '类别代码',
      'board.all': '全部', 'board.title': '标题', 'board.county': '区县', 'board.reportedAt': '上报时间',
      'board.assignee': '负责人', 'board.more': '加载更多', 'board.count': '共 {n} 条', 'board.empty': '没有符合条件的事件',
      'board.exercise': '演练',
    },
    en: {
      'board.city': 'City', 'board.level': 'Level', 'board.status': 'Status', 'board.category': 'Category code',
      'board.all': 'All', 'board.title': 'Title', 'board.county': 'County', 'board.reportedAt': 'Reported',
      'board.assignee': 'Assignee', 'board.more': 'Load more', 'board.count': '{n} shown', 'board.empty': 'No incidents match',
      'board.exercise': 'drill',
    },
  },

  mount(el, ctx) {
    const { t } = ctx;
    const h = ctx.el;
    const filters = { city: ctx.user.cityCode || '', level: '', status: '', category: '' };
    /** incident id → incident record (as from GET /api/incidents/{id}) */
    const incidents = new Map();
    let next = null;
    let loading = null;
    let pending = [];   // events that arrived while the first page was loading
    let disposed = false;

    const select = (key, options, label) => h('label', {}, label,
      h('select', {
        'data-testid': 'board-filter-' + key, disabled: key === 'city' && !!ctx.user.cityCode,
        'on:change': e => { filters[key] = e.target.value; reload(); },
      },
      h('option', { value: '' }, t('board.all')),
      options.map(([value, text]) => h('option', { value, selected: filters[key] === value }, text))));
    const category = h('input', {
      'data-testid': 'board-filter-category', size: 6, inputmode: 'numeric', placeholder: '11, 2201…',
      'on:change': e => { filters.category = e.target.value.trim(); reload(); },
    });
    const tbody = h('tbody', { 'data-testid': 'board-rows' });
    const count = h('span', { 'data-testid': 'board-count' });
    const more = h('button', { type: 'button', class: 'secondary', 'data-testid': 'board-more', hidden: true,
      'on:click': () => loadPage(next) }, t('board.more'));
    const empty = h('p', { class: 'empty', 'data-testid': 'board-empty', hidden: true }, t('board.empty'));

    el.append(
      h('div', { class: 'board-filters' },
        select('city', CITY_CODES.map(c => [c, t('city.' + c)]), t('board.city')),
        select('level', LEVELS.map(l => [l, t('level.' + l)]), t('board.level')),
        select('status', STATUSES.map(s => [s, t('status.' + s)]), t('board.status')),
        h('label', {}, t('board.category'), category)),
      h('table', { class: 'board-table', 'data-testid': 'board-table' },
        h('thead', {}, h('tr', {},
          [t('board.level'), t('board.title'), t('board.city'), t('board.county'), t('board.category'),
            t('board.status'), t('board.assignee'), t('board.reportedAt')].map(c => h('th', {}, c)))),
        tbody),
      empty,
      h('div', { class: 'board-footer' }, count, more));

    function query(before) {
      const p = new URLSearchParams();
      if (filters.city) p.set('city', filters.city);
      if (filters.level) p.set('level', filters.level);
      if (filters.status) p.set('status', filters.status);
      if (filters.category) p.set('category', filters.category);
      p.set('size', String(PAGE));
      if (before) p.set('before', before);
      return '/api/incidents?' + p;
    }

    function matchesFilters(inc) {
      return (!filters.city || inc.cityCode === filters.city)
        && (!filters.level || inc.level === filters.level)
        && (!filters.status || inc.status === filters.status)
        && (!filters.category || String(inc.category).startsWith(filters.category));
    }

    function reload() {
      incidents.clear();
      next = null;
      pending = [];
      render();
      loadPage(null);
    }

    function loadPage(before) {
      const request = ctx.api('GET', query(before)).then(page => {
        if (disposed || loading !== request) return;
        loading = null;
        for (const inc of page.items) {
          const known = incidents.get(inc.id);
          if (!known || (known.version || 0) < inc.version) incidents.set(inc.id, inc);
        }
        next = page.next;
        const queued = pending;
        pending = [];
        for (const event of queued) apply(event);
        render();
      }).catch(err => {
        if (loading === request) loading = null;
        if (!disposed) ctx.toast(err.code + ': ' + err.message, 'error');
      });
      loading = request;
    }

    // Registered before the first page is read, so nothing committed after that read is missed; what arrives
    // before the page waits in `pending`, and versions keep an event from undoing a newer page (or vice versa).
    const off = ctx.events.on('incident.', event => {
      if (loading) pending.push(event); else { apply(event); render(); }
    });

    function apply(event) {
      const d = event.data || {};
      const id = d.id || event.subjectId;
      if (!id) return;
      const known = incidents.get(id);
      if (event.type === 'incident.reported') {
        if (!known && matchesFilters(d)) {
          incidents.set(id, { ...d, version: 1, assignee: null, fresh: true });
        }
        return;
      }
      const change = {
        'incident.status-changed': () => ({ status: d.status, mergedInto: d.mergedInto || null }),
        'incident.level-changed': () => ({ level: d.level }),
        'incident.assigned': () => ({ assignee: d.assignee }),
      }[event.type];
      if (!change) return;
      if (known) {
        if (d.version != null && known.version >= d.version) return;
        const updated = { ...known, ...change(), version: d.version ?? known.version, updatedAt: d.at, fresh: true };
        if (matchesFilters(updated)) incidents.set(id, updated); else incidents.delete(id);
      } else if (!filters.level && !filters.status) {
        // unknown here: an older incident beyond the pages read, which no filter of the board lets in anew
      } else {
        // a change may bring an incident into the filtered view: read it
        ctx.api('GET', '/api/incidents/' + encodeURIComponent(id)).then(inc => {
          if (disposed || !matchesFilters(inc)) return;
          const now = incidents.get(id);
          if (!now || now.version < inc.version) {
            incidents.set(id, { ...inc, fresh: true });
            render();
          }
        }).catch(err => ctx.toast(err.code + ': ' + err.message, 'error'));
      }
    }

    function render() {
      const rows = [...incidents.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
      tbody.replaceChildren(...rows.map(row));
      count.textContent = t('board.count', { n: rows.length });
      more.hidden = !next;
      empty.hidden = rows.length > 0 || !!loading;
    }

    function row(inc) {
      const colour = ctx.levelColour(inc.level);
      const tr = h('tr', {
        'data-testid': 'board-row', 'data-incident-id': inc.id, 'data-level': inc.level,
        'data-status': inc.status, 'data-city': inc.cityCode, class: inc.fresh ? 'fresh' : null,
        style: { borderLeftColor: colour },
        'on:click': () => ctx.navigate('#/incidents/' + inc.id),
      },
      h('td', {}, h('span', { class: 'level-badge level-' + inc.level, 'data-testid': 'board-level',
        style: { background: colour }, title: t('level.' + inc.level) }, inc.level)),
      h('td', { 'data-testid': 'board-title' }, inc.title,
        inc.exercise ? h('small', { class: 'exercise' }, ' · ' + t('board.exercise')) : null),
      h('td', {}, t('city.' + inc.cityCode)),
      h('td', {}, inc.countyCode),
      h('td', {}, inc.category),
      h('td', { 'data-testid': 'board-status' }, t('status.' + inc.status)),
      h('td', {}, inc.assignee || ''),
      h('td', {}, ctx.fmtTime(inc.reportedAt)));
      inc.fresh = false;
      return tr;
    }

    reload();
    return () => { disposed = true; off(); };
  },
};
