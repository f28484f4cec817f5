/**
 * The incident board (default screen), for triage: open incidents by default, level I first and the oldest first
 * within a level, or the oldest first, or the newest first, ordered, searched and filtered by the hub over every
 * incident (`GET /api/incidents` with `sort`, `q` and the filters, paged with `before`), kept current by the live
 * stream's incident events; in the orders by age, every open level I/II incident whatever the volume
 * (`GET /api/incidents/picture`) as well; counters from `GET /api/incidents/summary` (the whole hub, not the rows
 * loaded); filters city, level, status, category, source, search, "open only" and "real only"; a row opens the
 * incident's detail (`#/incidents/<id>`). `#/board/<county code>` opens it searching that county.
 */

import { CITY_CODES, categoryName, elapsed, realOnly, setRealOnly } from '../i18n.js';
import { areaName } from '../areas-fj.js';

const LEVELS = ['I', 'II', 'III', 'IV'];
const STATUSES = ['REPORTED', 'VERIFIED', 'RESPONDING', 'CONTAINED', 'CLOSED', 'MERGED', 'DISMISSED'];
const OPEN_STATUSES = ['REPORTED', 'VERIFIED', 'RESPONDING', 'CONTAINED'];
const FINAL = new Set(['CLOSED', 'MERGED', 'DISMISSED']);
const LEVEL_RANK = { I: 0, II: 1, III: 2, IV: 3 };
const PAGE = 200;
const SORT_KEY = 'hub.console.boardSort';
const SOURCES = ['CITY_PLATFORM', 'OFFICER', 'CALL_110', 'CALL_12345', 'SENSOR'];
/** the board's orders and the hub's `sort` for each */
const SORTS = { triage: 'level', oldest: 'age', newest: 'newest' };
/** the least time between two renders of the table under a stream of events, ms */
const RENDER_GAP = 100;
/** how long a new or changed row stays highlighted, ms */
const FRESH_MS = 2500;

/**
 * The board's incidents: a Map that notes which ids were set or deleted since the last render (and whether it was
 * cleared), so that a render touches only their rows.
 */
class Tracked extends Map {
  constructor() { super(); this.touched = new Set(); this.cleared = false; }
  set(id, inc) { super.set(id, inc); if (this.touched) this.touched.add(id); return this; }
  delete(id) { this.touched.add(id); return super.delete(id); }
  clear() { super.clear(); this.touched.clear(); this.cleared = true; }
  /** the row of `id` is drawn anew at the next render (a duplicate suspicion, say) */
  touch(id) { if (this.has(id)) this.touched.add(id); }
}

export default {
  id: 'board',
  titleKey: 'nav.board',
  roles: ['DUTY_OFFICER', 'COMMANDER', 'ADMIN'],
  messages: {
    'zh-CN': {
      'board.city': '城市', 'board.level': '级别', 'board.status': '状态', 'board.category': '类别',
      'board.all': '全部', 'board.title': '标题', 'board.county': '区县', 'board.reportedAt': '上报时间',
      'board.assignee': '负责人', 'board.more': '加载更多', 'board.count': '显示 {n} 条', 'board.empty': '没有符合条件的事件',
      'board.exercise': '演练', 'board.search': '搜索（标题、地址、区县、编号、来源）', 'board.openOnly': '仅未结事件',
      'board.sort': '排序', 'board.sort.triage': '按级别（Ⅰ级在前），同级最早在前', 'board.sort.newest': '最新在前',
      'board.sort.oldest': '最早在前（等待最久）',
      'board.elapsed': '已历时', 'board.source': '来源', 'board.duplicate': '疑似重复',
      'board.totals': '未结 {open} 起', 'board.of': '显示 {n} 条 / 符合的未结事件共 {total} 起',
    },
    en: {
      'board.city': 'City', 'board.level': 'Level', 'board.status': 'Status', 'board.category': 'Category',
      'board.all': 'All', 'board.title': 'Title', 'board.county': 'County', 'board.reportedAt': 'Reported',
      'board.assignee': 'Assignee', 'board.more': 'Load more', 'board.count': '{n} shown', 'board.empty': 'No incidents match',
      'board.exercise': 'drill', 'board.search': 'Search (title, address, county, id, source)', 'board.openOnly': 'Open only',
      'board.sort': 'Order', 'board.sort.triage': 'By level (I first), oldest first within a level', 'board.sort.newest': 'Newest first',
      'board.sort.oldest': 'Oldest first (waiting longest)',
      'board.elapsed': 'Elapsed', 'board.source': 'Source', 'board.duplicate': 'possible duplicate',
      'board.totals': '{open} open', 'board.of': '{n} shown of {total} open matching',
    },
  },

  mount(el, ctx, param) {
    const { t } = ctx;
    const h = ctx.el;
    const stored = sessionStorage.getItem(SORT_KEY);
    const filters = { city: ctx.user.cityCode || '', level: '', status: '', category: '', source: '', search: param || '',
      open: true, real: realOnly(), sort: SORTS[stored] ? stored : 'triage' };
    /** incident id → incident record (as from GET /api/incidents/{id}); a render redraws only the rows changed */
    const incidents = new Tracked();
    /** ids of open incidents suspected to duplicate an earlier one */
    const suspected = new Set();
    let next = null;
    /** the last row of the pages read, in the board's order: rows after it come with "load more" */
    let boundary = null;
    let loading = null;
    let pending = [];   // events that arrived while the first page was loading
    let disposed = false;
    let summary = null;
    /** pages read since the last reload: the board keeps them and a page of live additions (see trim) */
    let pages = 0;

    const select = (key, options, label, withAll = true) => h('label', {}, label,
      h('select', {
        'data-testid': 'board-filter-' + key, disabled: key === 'city' && !!ctx.user.cityCode,
        'on:change': e => { filters[key] = e.target.value; reload(); },
      },
      withAll ? h('option', { value: '' }, t('board.all')) : null,
      options.map(([value, text]) => h('option', { value, selected: filters[key] === value }, text))));
    const category = h('input', {
      'data-testid': 'board-filter-category', size: 6, title: t('board.category'), inputmode: 'numeric', placeholder: '11, 2201…',
      'on:change': e => { filters.category = e.target.value.trim(); reload(); },
    });
    const search = h('input', {
      type: 'search', 'data-testid': 'board-search', size: 24, value: filters.search,
      'on:input': e => { filters.search = e.target.value.trim(); searchSoon(); },
    });
    // the hub searches every incident: one request once the officer pauses typing, not one per key
    let searchTimer = null;
    function searchSoon() {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => { searchTimer = null; if (!disposed) reload(); }, 300);
    }
    const check = (testid, key, text, after) => h('label', { class: 'board-switch' },
      h('input', { type: 'checkbox', 'data-testid': testid, checked: filters[key],
        'on:change': e => { filters[key] = e.target.checked; if (after) after(e.target.checked); reload(); } }), text);
    const sort = h('label', {}, t('board.sort'), h('select', { 'data-testid': 'board-sort',
      'on:change': e => { filters.sort = e.target.value; sessionStorage.setItem(SORT_KEY, filters.sort); reload(); } },
      Object.keys(SORTS).map(s => h('option', { value: s, selected: filters.sort === s }, t('board.sort.' + s)))));
    const counters = h('div', { class: 'board-counters', 'data-testid': 'board-counters' });
    const tbody = h('tbody', { 'data-testid': 'board-rows' });
    const count = h('span', { 'data-testid': 'board-count' });
    const more = h('button', { type: 'button', class: 'secondary', 'data-testid': 'board-more', hidden: true,
      'on:click': () => loadPage(next) }, t('board.more'));
    const empty = h('p', { class: 'empty', 'data-testid': 'board-empty', hidden: true }, t('board.empty'));

    el.append(
      counters,
      h('div', { class: 'board-filters' },
        h('label', {}, t('board.search'), search),
        select('city', CITY_CODES.map(c => [c, t('city.' + c)]), t('board.city')),
        select('level', LEVELS.map(l => [l, t('level.' + l)]), t('board.level')),
        select('status', STATUSES.map(s => [s, t('status.' + s)]), t('board.status')),
        h('label', {}, t('board.category'), category),
        select('source', SOURCES.map(k => [k, t('source.' + k)]), t('board.source')),
        sort,
        check('board-open-only', 'open', t('board.openOnly')),
        check('board-real-only', 'real', t('picture.realOnly'), setRealOnly)),
      h('table', { class: 'board-table', 'data-testid': 'board-table' },
        h('thead', {}, h('tr', {},
          [t('board.level'), t('board.title'), t('board.city'), t('board.county'), t('board.category'),
            t('board.status'), t('board.source'), t('board.assignee'), t('board.reportedAt'), t('board.elapsed')]
            .map(c => h('th', {}, c)))),
        tbody),
      empty,
      h('div', { class: 'board-footer' }, count, more));

    /** an explicit status filter names exactly what is wanted; otherwise "open only" keeps the open ones */
    const openOnly = () => filters.open && !filters.status;

    function query(before) {
      const p = new URLSearchParams();
      if (filters.city) p.set('city', filters.city);
      if (filters.level) p.set('level', filters.level);
      if (filters.status) p.set('status', filters.status);
      if (filters.category) p.set('category', filters.category);
      if (filters.source) p.set('source', filters.source);
      if (filters.search) p.set('q', filters.search);
      if (openOnly()) p.set('open', 'true');
      if (filters.real) p.set('exercise', 'false');
      p.set('sort', SORTS[filters.sort]);
      p.set('size', String(PAGE));
      if (before) p.set('before', before);
      return '/api/incidents?' + p;
    }

    function matchesFilters(inc) {
      return (!filters.city || inc.cityCode === filters.city)
        && (!filters.level || inc.level === filters.level)
        && (!filters.status || inc.status === filters.status)
        && (!filters.category || String(inc.category).startsWith(filters.category))
        && (!filters.source || (inc.source && inc.source.kind) === filters.source)
        && (!openOnly() || !FINAL.has(inc.status))
        && (!filters.real || !inc.exercise);
    }

    /** the hub's search (docs/http-api.md `q`), for incidents that arrive live while a search is shown */
    function matchesSearch(inc) {
      const q = filters.search.toLowerCase();
      if (!q) return true;
      const source = inc.source || {};
      return [inc.title, inc.description, source.reference, source.sensorId, source.kind]
        .some(v => String(v || '').toLowerCase().includes(q)) || String(inc.id).toLowerCase().startsWith(q)
        || String(inc.countyCode) === q || String(inc.cityCode) === q
        || areaName(inc.countyCode, 'zh-CN').includes(q) || areaName(inc.countyCode, 'en').toLowerCase().includes(q)
        || areaName(inc.cityCode, 'zh-CN').includes(q) || areaName(inc.cityCode, 'en').toLowerCase().includes(q);
    }

    function reload() {
      incidents.clear();
      next = null;
      boundary = null;
      pending = [];
      pages = 0;
      render();
      loadPage(null);
      loadSummary();
    }

    function keep(inc) {
      const known = incidents.get(inc.id);
      if (!known || (known.version || 0) < inc.version) incidents.set(inc.id, inc);
    }

    function loadPage(before) {
      // ordered by level, the first page starts with them; ordered by age, the first read also takes every open
      // level I/II incident, so none is ever beyond a page
      const grave = before || filters.sort === 'triage' || filters.search || !openOnly()
        || (filters.level && filters.level !== 'I' && filters.level !== 'II')
        ? Promise.resolve(null)
        : ctx.api('GET', '/api/incidents/picture' + (filters.city ? '?city=' + filters.city : ''));
      const request = Promise.all([ctx.api('GET', query(before)), grave]).then(([page, picture]) => {
        if (disposed || loading !== request) return;
        loading = null;
        pages++;
        for (const inc of page.items) keep(inc);
        if (page.items.length) boundary = page.items[page.items.length - 1];
        if (picture) for (const inc of picture.grave || []) if (matchesFilters(inc)) keep(inc);
        next = page.next;
        const queued = pending;
        pending = [];
        for (const event of queued) apply(event);
        render();
      }).catch(err => {
        if (loading === request) loading = null;
        if (!disposed) ctx.fail(err);
      });
      loading = request;
    }

    let summarySeq = 0;
    function loadSummary() {
      const seq = ++summarySeq;
      const p = new URLSearchParams();
      if (filters.city) p.set('city', filters.city);
      ctx.api('GET', '/api/incidents/summary' + (p.toString() ? '?' + p : '')).then(s => {
        if (disposed || seq !== summarySeq) return;
        summary = s;
        renderCounters();
        renderCount();
      }).catch(err => { if (!disposed) ctx.fail(err); });
    }
    let summaryTimer = null;
    function summarySoon() {
      if (summaryTimer) return;
      summaryTimer = setTimeout(() => { summaryTimer = null; if (!disposed) loadSummary(); }, 700);
    }

    function loadSuspicions() {
      ctx.api('GET', '/api/incidents/duplicate-suspicions?size=200' + (filters.city ? '&city=' + filters.city : '')).then(list => {
        if (disposed) return;
        for (const s of list || []) { suspected.add(s.incidentId); incidents.touch(s.incidentId); }
        render();
      }).catch(err => { if (!disposed) ctx.fail(err); });
    }

    // Registered before the first page is read, so nothing committed after that read is missed; what arrives
    // before the page waits in `pending`, and versions keep an event from undoing a newer page (or vice versa).
    const off = ctx.events.on('incident.', event => {
      if (event.type === 'incident.duplicate-suspected') {
        const id = (event.data || {}).id || (event.data || {}).incidentId || event.subjectId;
        if (id) { suspected.add(id); incidents.touch(id); scheduleRender(); }
        return;
      }
      if (event.type === 'incident.reported' || event.type === 'incident.status-changed' || event.type === 'incident.level-changed') summarySoon();
      if (loading) pending.push(event); else { apply(event); scheduleRender(); }
    });

    // events update the state at once; the DOM follows at the next frame (or, in a tab whose frames the browser has
    // paused, a short tick), however many events came in between, and at most every RENDER_GAP ms: under a stream of
    // events each render (the table's style and layout) serves several of them
    let renderQueued = false;
    let rendered = 0;
    function scheduleRender() {
      if (renderQueued) return;
      renderQueued = true;
      let frame = 0, tick = 0;
      const run = () => {
        cancelAnimationFrame(frame); clearTimeout(tick);
        renderQueued = false;
        if (!disposed) render();
      };
      const arm = () => { frame = requestAnimationFrame(run); tick = setTimeout(run, 250); };
      const wait = rendered + RENDER_GAP - performance.now();
      if (wait > 0) tick = setTimeout(arm, wait); else arm();
    }

    function apply(event) {
      const d = event.data || {};
      const id = d.id || event.subjectId;
      if (!id) return;
      const known = incidents.get(id);
      if (event.type === 'incident.reported') {
        if (known) return;
        if (filters.source && !d.source) {
          // the event does not say where the report came from: the record does
          ctx.api('GET', '/api/incidents/' + encodeURIComponent(id)).then(inc => {
            if (disposed || incidents.has(id) || !matchesFilters(inc) || !matchesSearch(inc) || !withinPages(inc)) return;
            incidents.set(id, { ...inc, fresh: true });
            scheduleRender();
          }).catch(err => ctx.fail(err));
          return;
        }
        if (matchesFilters(d) && matchesSearch(d) && withinPages(d)) {
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
      } else if (!filters.level && !filters.status && event.type !== 'incident.level-changed') {
        // unknown here: an older incident beyond the pages read, which no filter of the board lets in anew
      } else {
        // a change may bring an incident into the filtered view (or, raised to level I/II, into the board): read it
        ctx.api('GET', '/api/incidents/' + encodeURIComponent(id)).then(inc => {
          if (disposed || !matchesFilters(inc) || !matchesSearch(inc)) return;
          if (event.type === 'incident.level-changed' && !filters.level && !filters.status
            && inc.level !== 'I' && inc.level !== 'II') return;
          const now = incidents.get(id);
          if (!now || now.version < inc.version) {
            incidents.set(id, { ...inc, fresh: true });
            scheduleRender();
          }
        }).catch(err => ctx.fail(err));
      }
    }

    /** the hub's order of the search (ids are time-ordered): rows read and rows arriving live sort alike */
    function order(a, b) {
      const byId = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      if (filters.sort === 'triage') return (LEVEL_RANK[a.level] - LEVEL_RANK[b.level]) || byId;
      return filters.sort === 'oldest' ? byId : -byId;
    }

    /** whether an incident falls among the pages read (else it comes with "load more", in its place) */
    function withinPages(inc) {
      return !next || !boundary || order(inc, boundary) < 0;
    }

    function renderCounters() {
      if (!summary) return;
      const real = filters.real;
      const chip = (testid, text, n, extra = {}) => h('span', { class: 'counter', 'data-testid': testid, 'data-count': String(n), ...extra },
        text + ' ', h('b', {}, String(n)));
      const levels = new Map((summary.levels || []).map(l => [l.key, l]));
      const statuses = new Map((summary.statuses || []).map(s => [s.key, s]));
      const pick = x => (x ? (real ? x.real : x.real + x.drills) : 0);
      counters.replaceChildren(...[
        chip('board-counter-open', t('picture.open'), real ? summary.openReal : summary.open),
        LEVELS.map(l => chip('board-counter-level-' + l, t('level.' + l), pick(levels.get(l)),
          { class: 'counter level-counter level-' + l, style: { borderColor: ctx.levelColour(l) } })),
        OPEN_STATUSES.map(s => chip('board-counter-status-' + s, t('status.' + s), pick(statuses.get(s)))),
        (summary.cities || []).filter(c => (real ? c.openReal : c.open) > 0)
          .map(c => chip('board-counter-city-' + c.cityCode, t('city.' + c.cityCode), real ? c.openReal : c.open)),
        chip('board-counter-drills', t('picture.drill'), summary.openDrills, { class: 'counter drill-counter' })].flat());
    }

    function renderCount(n) {
      if (n !== undefined) renderCount.shown = n;
      const shown = renderCount.shown || 0;
      if (!summary || !openOnly() || filters.level || filters.category || filters.search) {
        count.textContent = t('board.count', { n: shown });
        return;
      }
      const total = filters.real ? summary.openReal : summary.open;
      count.textContent = t('board.of', { n: shown, total });
    }

    /** the records drawn, in the board's order (one `tr` each in `tbody`, in the same order), and each id's row */
    let shown = [];
    const drawn = new Map();   // id → { inc, tr }

    /**
     * The DOM after the state: after a reload (or when most rows drawn changed) every row anew; otherwise only the rows of
     * the incidents set or deleted since the last render, each removed, or redrawn and placed where the board's
     * order puts it (a binary search over the rows drawn).
     */
    function render() {
      // (new rows never count: a burst of reports is placed row by row, and the rows no event touched stay as drawn)
      let changed = 0;
      for (const id of incidents.touched) if (drawn.has(id)) changed++;
      if (incidents.cleared || changed > shown.length / 2) redraw(); else patch();
      trim();
      rendered = performance.now();
      renderCount(shown.length);
      more.hidden = !next;
      empty.hidden = shown.length > 0 || !!loading;
    }

    function redraw() {
      incidents.cleared = false;
      incidents.touched.clear();
      shown = [...incidents.values()].sort(order);
      drawn.clear();
      tbody.replaceChildren(...shown.map(inc => {
        const tr = row(inc);
        drawn.set(inc.id, { inc, tr });
        if (tr.classList.contains('fresh')) fade(tr);
        return tr;
      }));
    }

    /** the first index of `shown` whose record the order puts after `inc` (or at it, with `at`) */
    function place(inc, at = false) {
      let lo = 0, hi = shown.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const c = order(shown[mid], inc);
        if (c < 0 || (c === 0 && !at)) lo = mid + 1; else hi = mid;
      }
      return lo;
    }

    function patch() {
      const ids = [...incidents.touched];
      incidents.touched.clear();
      for (const id of ids) {
        const old = drawn.get(id);
        let was = -1;
        if (old) {
          was = place(old.inc, true);
          if (shown[was] !== old.inc) was = shown.indexOf(old.inc);
          shown.splice(was, 1);
        }
        const inc = incidents.get(id);
        if (!inc) {
          if (old) { old.tr.remove(); drawn.delete(id); }
          continue;
        }
        const at = place(inc);
        shown.splice(at, 0, inc);
        const tr = row(inc);
        drawn.set(id, { inc, tr });
        if (tr.classList.contains('fresh')) fade(tr);
        if (old && at === was) { old.tr.replaceWith(tr); continue; }
        if (old) old.tr.remove();
        const after = shown[at + 1];
        tbody.insertBefore(tr, after ? drawn.get(after.id).tr : null);
      }
    }

    // a new or changed row is highlighted for FRESH_MS, then all rows due lose it together: a class set and removed,
    // not an animation, so a stream of new rows costs no style and paint in every frame between
    let freshRows = [];
    let freshTimer = null;
    function fade(tr) {
      freshRows.push([tr, performance.now() + FRESH_MS]);
      if (!freshTimer) freshTimer = setTimeout(unfresh, FRESH_MS);
    }
    function unfresh() {
      const now = performance.now();
      const due = freshRows.filter(([, until]) => until <= now + 100);
      freshRows = freshRows.filter(([, until]) => until > now + 100);
      for (const [tr] of due) tr.classList.remove('fresh');
      freshTimer = freshRows.length && !disposed ? setTimeout(unfresh, Math.max(250, freshRows[0][1] - now)) : null;
    }

    /**
     * A board left open all day stays bounded: it keeps the pages read and one page of live additions; past that the
     * last rows in its order (never an open level I/II) leave it, and "load more" brings them back in their place.
     */
    function trim() {
      let excess = shown.length - PAGE * (pages + 1);
      if (loading || excess <= 0) return;
      let cut = -1;
      for (let i = shown.length - 1; i > 0 && excess > 0; i--) {
        const inc = shown[i];
        if ((inc.level === 'I' || inc.level === 'II') && !FINAL.has(inc.status)) continue;
        shown.splice(i, 1);
        drawn.get(inc.id).tr.remove();
        drawn.delete(inc.id);
        incidents.delete(inc.id);
        incidents.touched.delete(inc.id);
        cut = i;
        excess--;
      }
      if (cut < 1) return;
      // the hub's cursor of the row before the first one cut (docs/http-api.md `before`)
      boundary = shown[cut - 1];
      next = filters.sort === 'triage' ? boundary.level + ':' + boundary.id : boundary.id;
    }

    function row(inc) {
      const colour = ctx.levelColour(inc.level);
      const duplicate = suspected.has(inc.id);
      const source = inc.source && inc.source.kind;
      const tr = h('tr', {
        'data-testid': 'board-row', 'data-incident-id': inc.id, 'data-level': inc.level,
        'data-status': inc.status, 'data-city': inc.cityCode, 'data-exercise': String(!!inc.exercise),
        'data-duplicate': duplicate ? 'true' : null,
        class: [inc.fresh ? 'fresh' : '', inc.exercise ? 'exercise-row' : ''].join(' ').trim() || null,
        style: { borderLeftColor: colour },
        'on:click': () => ctx.navigate('#/incidents/' + inc.id),
        // reachable by keyboard: Tab to the row, Enter opens it
        tabindex: '0', 'aria-label': t('level.' + inc.level) + ' · ' + (inc.title || ''),
        'on:keydown': e => { if (e.key === 'Enter') ctx.navigate('#/incidents/' + inc.id); },
      },
      h('td', {}, h('span', { class: 'level-badge level-' + inc.level, 'data-testid': 'board-level',
        style: { background: colour }, title: t('level.' + inc.level) }, inc.level)),
      h('td', {}, h('div', { class: 'board-title-cell' },
        h('span', { class: 'board-title-text', 'data-testid': 'board-title', title: inc.title }, inc.title),
        inc.exercise ? h('span', { class: 'tag exercise', 'data-testid': 'board-drill' }, t('board.exercise')) : null,
        duplicate ? h('span', { class: 'tag duplicate', 'data-testid': 'board-duplicate' }, t('board.duplicate')) : null)),
      h('td', {}, t('city.' + inc.cityCode)),
      h('td', { 'data-testid': 'board-county' }, areaName(inc.countyCode, ctx.lang)),
      h('td', { 'data-testid': 'board-category' }, categoryName(inc.category)),
      h('td', { 'data-testid': 'board-status' }, t('status.' + inc.status)),
      h('td', { 'data-testid': 'board-source' }, source ? t('source.' + source) : ''),
      h('td', {}, inc.assignee || ''),
      h('td', {}, ctx.fmtTime(inc.reportedAt)),
      h('td', { 'data-testid': 'board-elapsed' }, FINAL.has(inc.status) ? '' : elapsed(inc.reportedAt)));
      inc.fresh = false;
      return tr;
    }

    // elapsed times move on: their cells alone
    const ticker = setInterval(() => {
      if (disposed) return;
      for (const { inc, tr } of drawn.values()) {
        const cell = tr.querySelector("[data-testid='board-elapsed']");
        if (cell) cell.textContent = FINAL.has(inc.status) ? '' : elapsed(inc.reportedAt);
      }
    }, 30000);

    reload();
    loadSuspicions();
    return () => {
      disposed = true; off(); clearInterval(ticker); clearTimeout(searchTimer);
      if (summaryTimer) clearTimeout(summaryTimer);
      if (freshTimer) clearTimeout(freshTimer);
    };
  },
};
