// The national forwarding queue (GET /api/upstream, docs/national-uplink.md): every level I/II report and level
// raise forwarded to the national platform, pending first (attempts, next attempt, last error), then the
// acknowledged ones with the national platform's receipt. Read again on incident.upstream-acknowledged, on
// incident.reported at level I/II and on incident.level-changed (a forward may have been queued), and every
// 10 s: attempts and errors have no event of their own.
import { realOnly, setRealOnly } from '../i18n.js';

const PAGE = 500;
const MAX_PAGES = 20;          // 10,000 forwards read at most per state
const ACKNOWLEDGED_SHOWN = 200; // the newest acknowledged ones shown
const REFRESH_MS = 10000;
const DEBOUNCE_MS = 1500;       // the hub queues a forward within its poll interval (1 s by default)
const FILTERS = ['ALL', 'PENDING', 'ACKNOWLEDGED'];
const KINDS = ['INCIDENT_REPORTED', 'LEVEL_RAISED', 'RESPONSE_ACTIVATED', 'RESPONSE_RAISED'];

const zh = {
  'nav.upstream': '国家上报',
  'upstream.title': '向国家平台上报', 'upstream.filter': '状态', 'upstream.filter.ALL': '全部（待确认在前）',
  'upstream.filter.PENDING': '待确认', 'upstream.filter.ACKNOWLEDGED': '已确认',
  'upstream.state.PENDING': '待国家平台确认', 'upstream.state.ACKNOWLEDGED': '已确认',
  'upstream.kind.INCIDENT_REPORTED': '一/二级事件上报', 'upstream.kind.LEVEL_RAISED': '级别提升',
  'upstream.kind.RESPONSE_ACTIVATED': '启动Ⅰ/Ⅱ级响应', 'upstream.kind.RESPONSE_RAISED': '响应提升至Ⅰ/Ⅱ级',
  'upstream.col.state': '状态', 'upstream.col.incident': '事件', 'upstream.col.city': '地市', 'upstream.col.kind': '上报内容',
  'upstream.col.level': '级别', 'upstream.col.queued': '排队时间', 'upstream.col.attempts': '尝试次数',
  'upstream.col.next': '下次尝试', 'upstream.col.error': '最近错误', 'upstream.col.ack': '确认时间',
  'upstream.col.receipt': '国家平台回执',
  'upstream.pending': '{n} 条待确认', 'upstream.acknowledged': '{n} 条已确认',
  'upstream.acknowledgedSome': '{n} 条已确认（显示最近 {shown} 条）',
  'upstream.none': '没有符合条件的上报', 'upstream.notTried': '尚未尝试（上报通道未配置或正在连接）',
  'upstream.due': '到期，等待发送', 'upstream.in': '{time}（{s} 秒后）', 'upstream.drill': '演练',
  'upstream.checked': '更新于 {time}，每 10 秒刷新', 'upstream.realOnly': '仅显示真实事件（隐藏演练）',
};
const en = {
  'nav.upstream': 'National uplink',
  'upstream.title': 'Forwarding to the national platform', 'upstream.filter': 'State', 'upstream.filter.ALL': 'All (pending first)',
  'upstream.filter.PENDING': 'Pending', 'upstream.filter.ACKNOWLEDGED': 'Acknowledged',
  'upstream.state.PENDING': 'Not yet acknowledged', 'upstream.state.ACKNOWLEDGED': 'Acknowledged',
  'upstream.kind.INCIDENT_REPORTED': 'Level I/II report', 'upstream.kind.LEVEL_RAISED': 'Level raised',
  'upstream.kind.RESPONSE_ACTIVATED': 'Level Ⅰ/Ⅱ response activated', 'upstream.kind.RESPONSE_RAISED': 'Response raised to Ⅰ/Ⅱ',
  'upstream.col.state': 'State', 'upstream.col.incident': 'Incident', 'upstream.col.city': 'City', 'upstream.col.kind': 'Forwarded',
  'upstream.col.level': 'Level', 'upstream.col.queued': 'Queued', 'upstream.col.attempts': 'Attempts',
  'upstream.col.next': 'Next attempt', 'upstream.col.error': 'Last error', 'upstream.col.ack': 'Acknowledged',
  'upstream.col.receipt': 'National receipt',
  'upstream.pending': '{n} pending', 'upstream.acknowledged': '{n} acknowledged',
  'upstream.acknowledgedSome': '{n} acknowledged (the newest {shown} shown)',
  'upstream.none': 'No forward matches', 'upstream.notTried': 'not tried yet (uplink not configured, or connecting)',
  'upstream.due': 'due, waiting to be sent', 'upstream.in': '{time} (in {s} s)', 'upstream.drill': 'drill',
  'upstream.checked': 'Read {time}, every 10 s', 'upstream.realOnly': 'Real incidents only (hide drills)',
};

export default {
  id: 'upstream',
  titleKey: 'nav.upstream',
  roles: ['DUTY_OFFICER', 'COMMANDER', 'ADMIN'],
  messages: { 'zh-CN': zh, en },

  mount(el, ctx) {
    const { el: h, t } = ctx;
    let filter = 'ALL';
    let disposed = false;
    let busy = false;
    let again = false;
    let debounce = null;
    const titles = new Map(); // incident id -> title, or '' while read

    const select = h('select', { id: 'upstream-filter', 'data-testid': 'upstream-filter',
      'on:change': e => { filter = e.target.value; load(); } },
    FILTERS.map(f => h('option', { value: f, selected: f === filter }, t('upstream.filter.' + f))));
    let real = realOnly();
    let last = null; // the last lists read, drawn again when the switch changes
    let drawnKey = null; // what the table shows, to leave it alone when a read brings nothing new
    const realBox = h('input', { type: 'checkbox', id: 'upstream-real-only', 'data-testid': 'upstream-real-only', checked: real,
      'on:change': e => { real = e.target.checked; setRealOnly(real); if (last) draw(...last); } });
    const counts = h('p', { 'data-testid': 'upstream-counts' });
    const checked = h('small', { 'data-testid': 'upstream-checked' });
    const list = h('div', { 'data-testid': 'upstream-list' });
    el.append(h('div', { class: 'upstream' }, h('h2', {}, t('upstream.title')),
      h('div', { class: 'board-filters' }, h('label', { for: 'upstream-filter' }, t('upstream.filter'), select),
        h('label', { class: 'board-switch', for: 'upstream-real-only' }, realBox, ' ', t('upstream.realOnly')), checked),
      counts, list));

    /** Every forward of a state, page by page (ascending sourceSeq). */
    async function all(state) {
      const out = [];
      let after = 0;
      for (let page = 0; page < MAX_PAGES; page++) {
        const rows = await ctx.api('GET', '/api/upstream?state=' + state + '&after=' + after + '&limit=' + PAGE);
        out.push(...rows);
        if (rows.length < PAGE) break;
        after = rows[rows.length - 1].sourceSeq;
      }
      return out;
    }

    function nextText(f) {
      if (!f.nextAttemptAt) return '–';
      const s = Math.round((Date.parse(f.nextAttemptAt) - Date.now()) / 1000);
      return s > 0 ? t('upstream.in', { time: ctx.fmtTime(f.nextAttemptAt), s }) : t('upstream.due');
    }
    function title(id) {
      if (!titles.has(id)) {
        titles.set(id, '');
        ctx.api('GET', '/api/incidents/' + id).then(i => {
          titles.set(id, i.title || '');
          for (const a of list.querySelectorAll('[data-title-of="' + id + '"]')) a.textContent = i.title || id.slice(0, 8);
        }, () => titles.delete(id)); // an incident out of the officer's sight keeps its short id
      }
      return titles.get(id) || id.slice(0, 8);
    }

    function row(f) {
      const pending = f.state === 'PENDING';
      return h('tr', { 'data-testid': 'upstream-row', 'data-forward-id': f.forwardId, 'data-incident-id': f.incidentId,
        'data-state': f.state, 'data-attempts': f.attempts, 'data-exercise': String(f.exercise),
        class: 'upstream-' + f.state.toLowerCase() + (f.exercise ? ' drill' : '') },
      h('td', { 'data-testid': 'upstream-state' }, h('span', { class: 'upstream-state upstream-state-' + f.state }, t('upstream.state.' + f.state)),
        f.exercise ? h('span', { class: 'upstream-drill' }, ' ', t('upstream.drill')) : null),
      // a province response's forward names its disaster event in incidentId (docs/national-uplink.md#responses)
      h('td', { class: 'upstream-incident' }, f.kind.startsWith('RESPONSE_')
        ? h('a', { href: '#/disaster-events/' + f.incidentId }, f.incidentId.slice(0, 8))
        : h('a', { href: '#/incidents/' + f.incidentId, 'data-title-of': f.incidentId }, title(f.incidentId))),
      h('td', {}, t('city.' + f.cityCode)),
      h('td', { 'data-testid': 'upstream-kind' }, KINDS.includes(f.kind) ? t('upstream.kind.' + f.kind) : f.kind),
      h('td', {}, h('span', { class: 'level-badge level-' + f.level, style: { background: ctx.levelColour(f.level) } }, t('level.' + f.level)),
        f.previousLevel ? h('small', {}, ' \u2190 ' + t('level.' + f.previousLevel)) : null),
      h('td', {}, ctx.fmtTime(f.createdAt)),
      h('td', { class: 'num', 'data-testid': 'upstream-attempts' }, String(f.attempts),
        f.lastAttemptAt ? h('div', { class: 'situation-small' }, ctx.fmtTime(f.lastAttemptAt)) : null),
      h('td', { 'data-testid': 'upstream-next' }, pending ? (f.attempts === 0 ? t('upstream.notTried') : nextText(f)) : '–'),
      h('td', { 'data-testid': 'upstream-error', class: 'upstream-error' }, f.lastError || '–'),
      h('td', { 'data-testid': 'upstream-acknowledged' }, f.acknowledgedAt ? ctx.fmtTime(f.acknowledgedAt) : '–'),
      h('td', { 'data-testid': 'upstream-receipt' }, f.receiptId || '–'));
    }

    function draw(pendingAll, acknowledgedAll) {
      last = [pendingAll, acknowledgedAll];
      const pendingRows = real ? pendingAll.filter(f => !f.exercise) : pendingAll;
      const acknowledgedRows = real ? acknowledgedAll.filter(f => !f.exercise) : acknowledgedAll;
      // pending: the oldest first (waiting longest); acknowledged: the newest first
      const pendingSorted = [...pendingRows].sort((a, b) => a.sourceSeq - b.sourceSeq);
      const ackSorted = [...acknowledgedRows].sort((a, b) => b.sourceSeq - a.sourceSeq).slice(0, ACKNOWLEDGED_SHOWN);
      counts.replaceChildren(
        filter !== 'ACKNOWLEDGED' ? h('span', { 'data-testid': 'upstream-pending-count', 'data-count': pendingRows.length },
          t('upstream.pending', { n: pendingRows.length })) : null,
        filter === 'ALL' ? ' \u00b7 ' : null,
        filter !== 'PENDING' ? h('span', { 'data-testid': 'upstream-acknowledged-count', 'data-count': acknowledgedRows.length },
          t(acknowledgedRows.length > ACKNOWLEDGED_SHOWN ? 'upstream.acknowledgedSome' : 'upstream.acknowledged',
            { n: acknowledgedRows.length, shown: ACKNOWLEDGED_SHOWN })) : null);
      const rows = [...pendingSorted, ...ackSorted];
      checked.textContent = t('upstream.checked', { time: ctx.fmtTime(new Date().toISOString()) });
      // nothing changed since the last read: only the countdowns move (the table, and the keyboard focus in it, stay)
      const key = JSON.stringify([filter, real, rows]);
      if (key === drawnKey) {
        const byId = new Map(rows.map(f => [f.forwardId, f]));
        for (const tr of list.querySelectorAll('[data-testid=upstream-row][data-state=PENDING]')) {
          const f = byId.get(tr.dataset.forwardId);
          const cell = tr.querySelector('[data-testid=upstream-next]');
          if (f && cell && f.attempts > 0) cell.textContent = nextText(f);
        }
        return;
      }
      drawnKey = key;
      if (!rows.length) { list.replaceChildren(h('p', { class: 'empty', 'data-testid': 'upstream-empty' }, t('upstream.none'))); return; }
      list.replaceChildren(h('table', { class: 'console-table upstream-table', 'data-testid': 'upstream-table' },
        h('thead', {}, h('tr', {}, ['state', 'incident', 'city', 'kind', 'level', 'queued', 'attempts', 'next', 'error', 'ack', 'receipt']
          .map(c => h('th', { scope: 'col' }, t('upstream.col.' + c))))),
        h('tbody', {}, rows.map(row))));
    }

    async function load() {
      if (disposed) return;
      if (busy) { again = true; return; }
      busy = true;
      const asked = filter;
      try {
        const [pendingRows, acknowledgedRows] = await Promise.all([
          asked === 'ACKNOWLEDGED' ? [] : all('PENDING'),
          asked === 'PENDING' ? [] : all('ACKNOWLEDGED')]);
        if (!disposed && asked === filter) draw(pendingRows, acknowledgedRows);
      } catch (err) {
        ctx.fail(err);
      } finally {
        busy = false;
        if (again) { again = false; load(); }
      }
    }
    function soon() {
      clearTimeout(debounce);
      debounce = setTimeout(load, DEBOUNCE_MS);
    }

    const offs = [
      ctx.events.on('incident.upstream-acknowledged', () => load()),
      ctx.events.on('incident.reported', ev => { if (ev.data && (ev.data.level === 'I' || ev.data.level === 'II')) soon(); }),
      ctx.events.on('incident.level-changed', () => soon()),
    ];
    const timer = setInterval(load, REFRESH_MS);
    load();
    return () => { disposed = true; clearInterval(timer); clearTimeout(debounce); offs.forEach(off => off()); };
  }
};
