// Command orders (docs/orders.md, docs/web-console.md#orders-screen): the list of orders with each one's
// acknowledgement progress and deadline (GET /api/orders, filters and pages), the compose form of a commander
// (POST /api/orders, after a confirmation showing the targets and the deadline), and the tracker of one order
// (GET /api/orders/{id}): its targets × acknowledgement state with who and when, the history, the deadline's
// countdown and the overdue targets, kept live from the order.* events of the shared stream.
import { CITY_CODES } from '../i18n.js';

const PAGE_SIZE = 50;
const STATES = ['RECEIVED', 'ACCEPTED', 'COMPLETED', 'REJECTED'];
const ANSWERS = ['ACCEPTED', 'COMPLETED', 'REJECTED'];
const REF_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;
const TEXT_MAX = 4000;
const RETRYABLE = ['NETWORK_ERROR', 'STORAGE_UNAVAILABLE', 'HUB_OVERLOADED', 'INTERNAL_ERROR'];

/** A moment as "2026-12-08 18:00" in Beijing time (UTC+8, no daylight saving): the deadline field's form. */
function chinaLocal(date) {
  return new Date(date.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

/** "2026-12-08 18:00" (Beijing time, 24-hour) → {iso: "2026-12-08T18:00:00+08:00", date}, or null if not a time. */
function parseChinaLocal(value) {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})[ T]([01]\d|2[0-3]):([0-5]\d)\s*$/.exec(value || '');
  if (!m) return null;
  const [, y, mo, d, hh, mi] = m;
  const date = new Date(Date.UTC(+y, +mo - 1, +d, +hh - 8, +mi));
  // 2026-02-30 rolls over: refuse it rather than send another day
  if (chinaLocal(date) !== `${y}-${mo}-${d} ${hh}:${mi}`) return null;
  return { iso: `${y}-${mo}-${d}T${hh}:${mi}:00+08:00`, date };
}

function pad(n) {
  return String(n).padStart(2, '0');
}

export default {
  id: 'orders',
  titleKey: 'nav.orders',
  roles: ['DUTY_OFFICER', 'COMMANDER', 'ADMIN'],
  messages: {
    'zh-CN': {
      'nav.orders': '指令', 'orders.title': '指挥指令', 'orders.new': '下达指令', 'orders.refresh': '刷新',
      'orders.filter.state': '回执状态', 'orders.filter.overdue': '超时', 'orders.filter.city': '目标地市',
      'orders.filter.all': '全部', 'orders.filter.overdueOnly': '有超时', 'orders.filter.notOverdue': '无超时',
      'orders.col.ref': '编号', 'orders.col.text': '内容', 'orders.col.progress': '回执', 'orders.col.deadline': '时限',
      'orders.col.issued': '下达', 'orders.empty': '没有符合条件的指令', 'orders.prev': '上一页', 'orders.next': '下一页',
      'orders.page': '第 {n} 页', 'orders.progress': '{acked}/{total} 已回执', 'orders.answered': '{n} 已受领或拒绝',
      'orders.rejectedCount': '{n} 拒绝', 'orders.overdue': '超时', 'orders.overdueCount': '{n} 个地市超时',
      'orders.exercise': '演练',
      'orders.state.NONE': '未回执', 'orders.state.PENDING': '尚无回执', 'orders.state.RECEIVED': '已接收',
      'orders.state.ACCEPTED': '已受领', 'orders.state.COMPLETED': '已完成', 'orders.state.REJECTED': '已拒绝',
      'orders.left': '剩余 {span}', 'orders.passed': '已过时限 {span}', 'orders.days': '{n} 天',
      'orders.compose': '下达指令', 'orders.compose.ref': '指令编号', 'orders.compose.refHint': '自动生成，可修改；1–100 个字母、数字或 . _ : -。重发同一编号不会重复下达。',
      'orders.compose.refAgain': '换一个编号',
      'orders.compose.text': '指令内容', 'orders.compose.textCount': '{n}/{max} 字',
      'orders.compose.targets': '目标地市', 'orders.compose.all': '全部地市',
      'orders.compose.deadline': '时限（北京时间，24 小时制）', 'orders.compose.deadlineHint': '格式 2026-12-08 18:00',
      'orders.compose.in': '+{h} 小时', 'orders.compose.deadlineIs': '即 {time}，{left}',
      'orders.compose.incident': '关联事件（可选）', 'orders.compose.incidentHint': '事件编号（UUID）；不关联事件可留空',
      'orders.compose.exercise': '演练指令', 'orders.compose.exerciseForced': '关联事件为演练，指令自动为演练',
      'orders.compose.submit': '下达…', 'orders.compose.onlyCommander': '只有指挥长可以下达指令',
      'orders.compose.cityScoped': '您只能向本市下达指令',
      'orders.local.ref': '指令编号须为 1–100 个字母、数字或 . _ : -', 'orders.local.text': '请填写指令内容',
      'orders.local.textLong': '指令内容最多 {max} 字', 'orders.local.targets': '请至少选择一个目标地市',
      'orders.local.deadline': '请按 2026-12-08 18:00 的格式填写北京时间', 'orders.local.deadlinePast': '时限必须晚于现在',
      'orders.retrySafe': '可直接重试：使用同一指令编号，平台不会重复下达。',
      'orders.confirm.title': '确认下达指令', 'orders.confirm.ref': '编号', 'orders.confirm.targets': '目标地市（{n} 个）',
      'orders.confirm.deadline': '时限', 'orders.confirm.incident': '关联事件', 'orders.confirm.exercise': '这是演练指令',
      'orders.confirm.real': '这是真实指令，将签名后立即发往目标地市平台', 'orders.confirm.issue': '确认下达',
      'orders.confirm.cancel': '取消', 'orders.issued': '指令 {ref} 已下达',
      'orders.tracker.back': '返回指令列表', 'orders.tracker.issuedBy': '下达人', 'orders.tracker.issuedAt': '下达时间',
      'orders.tracker.deadline': '时限', 'orders.tracker.incident': '关联事件', 'orders.tracker.city': '地市',
      'orders.tracker.state': '回执状态', 'orders.tracker.when': '时间', 'orders.tracker.who': '回执人',
      'orders.tracker.reason': '说明', 'orders.tracker.deadlineCol': '时限情况', 'orders.tracker.history': '回执记录',
      'orders.tracker.noHistory': '尚无回执', 'orders.tracker.inTime': '按时回复', 'orders.tracker.overdueAt': '超时（{time} 标记）',
      'orders.tracker.late': '时限已过，尚未回复', 'orders.tracker.waiting': '等待回复',
      'orders.tracker.summary': '{acked}/{total} 已回执 · {answered} 已受领或拒绝 · {overdue} 超时',
      'orders.issueForIncident': '为该事件下达指令', 'alarm.showOrder': '查看指令',
      'error.ORDER_REF_REUSED': '该指令编号已用于另一条内容不同的指令；请换一个编号',
      'error.FIELD_REQUIRED.orderRef': '请填写指令编号', 'error.INVALID_FIELD.orderRef': '指令编号须为 1–100 个字母、数字或 . _ : -',
      'error.FIELD_TOO_LONG.orderRef': '指令编号最多 100 个字符', 'error.FIELD_REQUIRED.text': '请填写指令内容',
      'error.FIELD_TOO_LONG.text': '指令内容最多 4000 字', 'error.INVALID_FIELD.incidentId': '关联事件编号不是有效的事件编号',
      'error.NOT_FOUND.incidentId': '未找到该关联事件', 'error.FIELD_REQUIRED.targetCities': '请至少选择一个目标地市',
      'error.UNKNOWN_AREA.targetCities': '目标须为本省的地市平台', 'error.CITY_SCOPE_VIOLATION.targetCities': '您只能向本市下达指令',
      'error.FIELD_REQUIRED.deadline': '请填写时限', 'error.INVALID_FIELD.deadline': '时限必须是晚于现在的时间',
      'error.ACK_ID_REUSED': '该回执编号已用于另一条回执', 'error.ACKNOWLEDGEMENT_OUT_OF_ORDER': '该回执不能接在该地市上一条回执之后'
    },
    en: {
      'nav.orders': 'Orders', 'orders.title': 'Command orders', 'orders.new': 'Issue an order', 'orders.refresh': 'Refresh',
      'orders.filter.state': 'Acknowledgement', 'orders.filter.overdue': 'Overdue', 'orders.filter.city': 'Target city',
      'orders.filter.all': 'All', 'orders.filter.overdueOnly': 'with an overdue target', 'orders.filter.notOverdue': 'none overdue',
      'orders.col.ref': 'Ref', 'orders.col.text': 'Order', 'orders.col.progress': 'Acknowledgements', 'orders.col.deadline': 'Deadline',
      'orders.col.issued': 'Issued', 'orders.empty': 'No order matches', 'orders.prev': 'Previous', 'orders.next': 'Next',
      'orders.page': 'page {n}', 'orders.progress': '{acked}/{total} acknowledged', 'orders.answered': '{n} accepted or rejected',
      'orders.rejectedCount': '{n} rejected', 'orders.overdue': 'overdue', 'orders.overdueCount': '{n} cities overdue',
      'orders.exercise': 'drill',
      'orders.state.NONE': 'not acknowledged', 'orders.state.PENDING': 'nothing acknowledged yet', 'orders.state.RECEIVED': 'received',
      'orders.state.ACCEPTED': 'accepted', 'orders.state.COMPLETED': 'completed', 'orders.state.REJECTED': 'rejected',
      'orders.left': '{span} left', 'orders.passed': 'passed {span} ago', 'orders.days': '{n} d',
      'orders.compose': 'Issue an order', 'orders.compose.ref': 'Order ref',
      'orders.compose.refHint': 'Suggested, editable; 1–100 letters, digits or . _ : -. Sending the same ref again never issues it twice.',
      'orders.compose.refAgain': 'Suggest another',
      'orders.compose.text': 'Order text', 'orders.compose.textCount': '{n}/{max} characters',
      'orders.compose.targets': 'Target cities', 'orders.compose.all': 'All cities',
      'orders.compose.deadline': 'Deadline (Beijing time, 24-hour)', 'orders.compose.deadlineHint': 'as 2026-12-08 18:00',
      'orders.compose.in': '+{h} h', 'orders.compose.deadlineIs': 'that is {time}, {left}',
      'orders.compose.incident': 'Related incident (optional)', 'orders.compose.incidentHint': 'incident id (UUID); leave empty for none',
      'orders.compose.exercise': 'Drill order', 'orders.compose.exerciseForced': 'The incident is a drill: the order is a drill too',
      'orders.compose.submit': 'Issue…', 'orders.compose.onlyCommander': 'Only a commander may issue orders',
      'orders.compose.cityScoped': 'You may issue orders to your own city only',
      'orders.local.ref': 'The order ref must be 1–100 letters, digits or . _ : -', 'orders.local.text': 'Enter the order text',
      'orders.local.textLong': 'The order text may have at most {max} characters', 'orders.local.targets': 'Choose at least one target city',
      'orders.local.deadline': 'Enter Beijing time as 2026-12-08 18:00', 'orders.local.deadlinePast': 'The deadline must be in the future',
      'orders.retrySafe': 'You may simply retry: with the same order ref the hub never issues it twice.',
      'orders.confirm.title': 'Issue this order?', 'orders.confirm.ref': 'Ref', 'orders.confirm.targets': 'Target cities ({n})',
      'orders.confirm.deadline': 'Deadline', 'orders.confirm.incident': 'Incident', 'orders.confirm.exercise': 'This is a drill order',
      'orders.confirm.real': 'This is a real order: it is signed and sent to the target cities at once', 'orders.confirm.issue': 'Issue the order',
      'orders.confirm.cancel': 'Cancel', 'orders.issued': 'Order {ref} issued',
      'orders.tracker.back': 'Back to the orders', 'orders.tracker.issuedBy': 'Issued by', 'orders.tracker.issuedAt': 'Issued at',
      'orders.tracker.deadline': 'Deadline', 'orders.tracker.incident': 'Incident', 'orders.tracker.city': 'City',
      'orders.tracker.state': 'Acknowledgement', 'orders.tracker.when': 'When', 'orders.tracker.who': 'By',
      'orders.tracker.reason': 'Note', 'orders.tracker.deadlineCol': 'Deadline kept', 'orders.tracker.history': 'History',
      'orders.tracker.noHistory': 'nothing yet', 'orders.tracker.inTime': 'answered in time', 'orders.tracker.overdueAt': 'overdue (marked {time})',
      'orders.tracker.late': 'deadline passed, not answered', 'orders.tracker.waiting': 'awaiting an answer',
      'orders.tracker.summary': '{acked}/{total} acknowledged · {answered} accepted or rejected · {overdue} overdue',
      'orders.issueForIncident': 'Issue an order for this incident', 'alarm.showOrder': 'Show the order',
      'error.ORDER_REF_REUSED': 'This order ref was already used for a different order; choose another ref',
      'error.FIELD_REQUIRED.orderRef': 'Enter an order ref', 'error.INVALID_FIELD.orderRef': 'The order ref must be 1–100 letters, digits or . _ : -',
      'error.FIELD_TOO_LONG.orderRef': 'The order ref may have at most 100 characters', 'error.FIELD_REQUIRED.text': 'Enter the order text',
      'error.FIELD_TOO_LONG.text': 'The order text may have at most 4000 characters', 'error.INVALID_FIELD.incidentId': 'The related incident is not an incident id',
      'error.NOT_FOUND.incidentId': 'The related incident was not found', 'error.FIELD_REQUIRED.targetCities': 'Choose at least one target city',
      'error.UNKNOWN_AREA.targetCities': 'The targets must be city platforms of the province', 'error.CITY_SCOPE_VIOLATION.targetCities': 'You may issue orders to your own city only',
      'error.FIELD_REQUIRED.deadline': 'Enter the deadline', 'error.INVALID_FIELD.deadline': 'The deadline must be a time in the future',
      'error.ACK_ID_REUSED': 'This acknowledgement id was already used for another acknowledgement',
      'error.ACKNOWLEDGEMENT_OUT_OF_ORDER': 'This acknowledgement may not follow the city\'s last one'
    }
  },

  mount(el, ctx, param) {
    const { el: h, t } = ctx;
    const cityName = code => t('city.' + code);
    const stateName = state => t('orders.state.' + (state || 'NONE'));
    let disposed = false;
    const cleanups = [];
    // every [data-deadline] element of the screen shows its countdown, redrawn every second
    const ticker = setInterval(tick, 1000);
    cleanups.push(() => clearInterval(ticker));

    function span(ms) {
      const s = Math.floor(Math.abs(ms) / 1000);
      const d = Math.floor(s / 86400);
      const hms = `${pad(Math.floor(s / 3600) % 24)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
      return (d ? t('orders.days', { n: d }) + ' ' : '') + hms;
    }
    function countdownText(deadline, now = Date.now()) {
      const ms = Date.parse(deadline) - now;
      return ms > 0 ? t('orders.left', { span: span(ms) }) : t('orders.passed', { span: span(ms) });
    }
    function countdown(deadline, testid) {
      const passed = Date.parse(deadline) <= Date.now();
      return h('span', { class: 'orders-countdown' + (passed ? ' passed' : ''), 'data-testid': testid, 'data-deadline': deadline,
        'data-ticking': '',
        'data-passed': String(passed) }, countdownText(deadline));
    }
    function tick() {
      const now = Date.now();
      for (const node of el.querySelectorAll('[data-deadline]')) {
        const passed = Date.parse(node.dataset.deadline) <= now;
        node.textContent = countdownText(node.dataset.deadline, now);
        node.dataset.passed = String(passed);
        node.classList.toggle('passed', passed);
      }
    }
    function exerciseTag(o) {
      return o.exercise ? h('span', { class: 'tag exercise', 'data-testid': 'orders-exercise' }, t('orders.exercise')) : null;
    }
    function counts(o) {
      const targets = o.targets || [];
      return {
        total: targets.length,
        acked: targets.filter(tg => tg.state).length,
        answered: targets.filter(tg => ANSWERS.includes(tg.state)).length,
        rejected: targets.filter(tg => tg.state === 'REJECTED').length,
        overdue: targets.filter(tg => tg.overdueAt).length,
      };
    }

    if (param === 'new' || (param && param.startsWith('new/'))) compose(param.slice(4) || '');
    else if (param) tracker(param);
    else list();

    return () => { disposed = true; cleanups.splice(0).forEach(f => f()); };

    // ------------------------------------------------------------------ list

    function list() {
      const filter = { state: '', overdue: '', city: ctx.user.cityCode || '', page: 0 };
      const select = (testid, label, value, options, onChange, disabled) => h('label', {}, label,
        h('select', { 'data-testid': testid, disabled, 'on:change': e => onChange(e.target.value) },
          options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
      const tbody = h('tbody', { 'data-testid': 'orders-rows' });
      const pageLabel = h('span', { 'data-testid': 'orders-page' });
      const prev = h('button', { type: 'button', class: 'secondary', 'data-testid': 'orders-prev',
        'on:click': () => { filter.page = Math.max(0, filter.page - 1); load(); } }, t('orders.prev'));
      const next = h('button', { type: 'button', class: 'secondary', 'data-testid': 'orders-next',
        'on:click': () => { filter.page += 1; load(); } }, t('orders.next'));
      const change = key => value => { filter[key] = value; filter.page = 0; load(); };
      el.append(h('div', { class: 'orders' },
        h('div', { class: 'orders-head' }, h('h2', {}, t('orders.title')),
          ctx.hasRole('COMMANDER') ? h('a', { class: 'button', href: '#/orders/new', 'data-testid': 'orders-new' }, t('orders.new')) : null),
        h('div', { class: 'board-filters' },
          select('orders-filter-state', t('orders.filter.state'), filter.state,
            [['', t('orders.filter.all')], ['PENDING', stateName('PENDING')], ...STATES.map(s => [s, stateName(s)])], change('state')),
          select('orders-filter-overdue', t('orders.filter.overdue'), filter.overdue,
            [['', t('orders.filter.all')], ['true', t('orders.filter.overdueOnly')], ['false', t('orders.filter.notOverdue')]], change('overdue')),
          select('orders-filter-city', t('orders.filter.city'), filter.city,
            [['', t('orders.filter.all')], ...CITY_CODES.map(c => [c, cityName(c)])], change('city'), Boolean(ctx.user.cityCode))),
        h('table', { class: 'orders-table orders-list-table', 'data-testid': 'orders-list' },
          h('thead', {}, h('tr', {}, ...['ref', 'text', 'progress', 'deadline', 'issued'].map(k => h('th', { class: 'col-' + k }, t('orders.col.' + k))))),
          tbody),
        h('div', { class: 'board-footer' }, prev, pageLabel, next)));

      function row(o) {
        const c = counts(o);
        const overdue = c.overdue > 0;
        return h('tr', { 'data-testid': 'orders-row', 'data-order-id': o.id, 'data-ref': o.ref, 'data-overdue': String(overdue),
          'data-exercise': String(Boolean(o.exercise)), class: (overdue ? 'overdue' : '') + (o.exercise ? ' exercise' : ''),
          tabindex: '0', 'on:click': () => ctx.navigate('#/orders/' + o.id),
          'on:keydown': e => { if (e.key === 'Enter') ctx.navigate('#/orders/' + o.id); } },
        h('td', {}, h('a', { href: '#/orders/' + o.id, 'data-testid': 'orders-ref' }, o.ref), ' ', exerciseTag(o)),
        h('td', { class: 'orders-text', title: o.text, 'data-testid': 'orders-text' }, o.text),
        h('td', {}, h('span', { 'data-testid': 'orders-progress', 'data-acknowledged': String(c.acked), 'data-answered': String(c.answered),
          'data-targets': String(c.total) }, t('orders.progress', c)),
        ' ', h('span', { class: 'orders-chips' }, (o.targets || []).map(tg => h('span', {
          class: 'orders-chip state-' + (tg.state || 'NONE') + (tg.overdueAt ? ' overdue' : ''),
          title: cityName(tg.cityCode) + ': ' + stateName(tg.state) + (tg.overdueAt ? ' · ' + t('orders.overdue') : '') }, cityName(tg.cityCode)))),
        c.rejected ? h('div', { class: 'orders-rejected' }, t('orders.rejectedCount', { n: c.rejected })) : null),
        h('td', {}, ctx.fmtTime(o.deadline), h('br'), countdown(o.deadline, 'orders-countdown'),
          overdue ? h('div', { class: 'orders-overdue', 'data-testid': 'orders-overdue' }, '\u26a0 ' + t('orders.overdueCount', { n: c.overdue })) : null),
        h('td', {}, ctx.fmtTime(o.issuedAt), h('br'), h('small', {}, o.issuedBy)));
      }

      let loading = null;
      function load() {
        if (loading) { loading.again = true; return; }
        loading = { again: false };
        const q = new URLSearchParams({ page: String(filter.page), size: String(PAGE_SIZE) });
        for (const key of ['state', 'overdue', 'city']) if (filter[key]) q.set(key, filter[key]);
        ctx.api('GET', '/api/orders?' + q).then(page => {
          if (disposed) return;
          const orders = page.orders || [];
          tbody.replaceChildren(...(orders.length ? orders.map(row)
            : [h('tr', {}, h('td', { colspan: '5', class: 'empty', 'data-testid': 'orders-empty' }, t('orders.empty')))]));
          pageLabel.textContent = t('orders.page', { n: filter.page + 1 });
          prev.disabled = filter.page === 0;
          next.disabled = !page.hasMore;
          done();
        }, err => { done(); if (!disposed) ctx.fail(err); });
        function done() {
          const again = loading.again;
          loading = null;
          if (again && !disposed) load();
        }
      }
      // any order event may change a row or the page (a new order on top): read the page again, at most every 400 ms
      let timer = null;
      ctx.events.on('order.', () => {
        if (timer || disposed) return;
        timer = setTimeout(() => { timer = null; if (!disposed) load(); }, 400);
      });
      cleanups.push(() => clearTimeout(timer));
      load();
    }

    // ------------------------------------------------------------------ tracker

    function tracker(id) {
      const box = h('div', { class: 'orders orders-tracker', 'data-testid': 'orders-tracker', 'data-order-id': id });
      el.append(h('p', {}, h('a', { href: '#/orders', 'data-testid': 'orders-back' }, '\u2190 ' + t('orders.tracker.back'))), box);
      let order = null;

      function target(tg) {
        const history = tg.acknowledgements || [];
        const last = history[history.length - 1];
        const passed = Date.parse(order.deadline) <= Date.now();
        const deadlineCell = tg.overdueAt
          ? h('span', { class: 'orders-overdue', 'data-testid': 'orders-target-overdue' }, '\u26a0 ' + t('orders.tracker.overdueAt', { time: ctx.fmtTime(tg.overdueAt) }))
          : tg.answeredInTime ? h('span', { class: 'orders-in-time' }, '\u2714 ' + t('orders.tracker.inTime'))
            : passed ? h('span', { class: 'orders-overdue' }, t('orders.tracker.late'))
              : h('span', { class: 'muted' }, t('orders.tracker.waiting'));
        return h('tr', { 'data-testid': 'orders-target', 'data-city': tg.cityCode, 'data-state': tg.state || 'NONE',
          'data-overdue': String(Boolean(tg.overdueAt)), class: tg.overdueAt ? 'overdue' : '' },
        h('td', {}, cityName(tg.cityCode)),
        h('td', {}, h('span', { class: 'orders-state state-' + (tg.state || 'NONE'), 'data-testid': 'orders-target-state' }, stateName(tg.state))),
        h('td', { 'data-testid': 'orders-target-when' }, tg.acknowledgedAt ? ctx.fmtTime(tg.acknowledgedAt) : '–'),
        h('td', { 'data-testid': 'orders-target-who' }, last ? last.acknowledgedBy : '–'),
        h('td', {}, last && last.reason ? last.reason : ''),
        h('td', {}, deadlineCell),
        h('td', {}, history.length ? h('ol', { class: 'orders-history' }, history.map(a => h('li', { 'data-testid': 'orders-history-entry',
          'data-state': a.state }, ctx.fmtTime(a.acknowledgedAt), ' ', stateName(a.state), ' \u00b7 ', a.acknowledgedBy,
        a.reason ? ' \u00b7 ' + a.reason : '')))
          : h('span', { class: 'muted' }, t('orders.tracker.noHistory'))));
      }

      function draw() {
        const o = order;
        const c = counts(o);
        const facts = [
          ['orders.tracker.issuedBy', o.issuedBy], ['orders.tracker.issuedAt', ctx.fmtTime(o.issuedAt)],
          ['orders.tracker.deadline', [ctx.fmtTime(o.deadline), ' ', countdown(o.deadline, 'orders-tracker-countdown')]],
          o.incidentId ? ['orders.tracker.incident', h('a', { href: '#/incidents/' + o.incidentId, 'data-testid': 'orders-tracker-incident' },
            o.incidentId)] : null,
        ].filter(Boolean);
        box.dataset.overdue = String(c.overdue > 0);
        box.replaceChildren(
          h('h2', { 'data-testid': 'orders-tracker-ref' }, o.ref, ' ', exerciseTag(o)),
          h('p', { class: 'orders-tracker-text', 'data-testid': 'orders-tracker-text' }, o.text),
          h('dl', { class: 'orders-facts' }, facts.map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)])),
          h('p', { 'data-testid': 'orders-tracker-summary', 'data-acknowledged': String(c.acked), 'data-answered': String(c.answered),
            'data-overdue': String(c.overdue), class: c.overdue ? 'orders-overdue' : '' }, t('orders.tracker.summary', c)),
          h('table', { class: 'orders-table orders-targets', 'data-testid': 'orders-targets' },
            h('thead', {}, h('tr', {}, ...['city', 'state', 'when', 'who', 'reason', 'deadlineCol', 'history']
              .map(k => h('th', { class: 'col-' + k }, t('orders.tracker.' + k))))),
            h('tbody', {}, (o.targets || []).map(target))));
      }

      // the unanswered targets turn "deadline passed" when it passes, before the hub marks them overdue
      let deadlineTimer = null;
      cleanups.push(() => clearTimeout(deadlineTimer));
      function atDeadline() {
        clearTimeout(deadlineTimer);
        const ms = Date.parse(order.deadline) - Date.now();
        // setTimeout holds at most 2^31-1 ms: a later deadline is re-armed by the next read or redraw
        if (ms > 0 && ms < 2147483647) deadlineTimer = setTimeout(() => { if (!disposed) draw(); }, ms + 50);
      }

      // one reader at a time; an event arriving while it reads makes it read once more
      let loading = null;
      function load() {
        if (loading) { loading.again = true; return; }
        loading = { again: false };
        ctx.api('GET', '/api/orders/' + encodeURIComponent(id)).then(o => {
          if (!disposed) { order = o; draw(); atDeadline(); }
          done();
        }, err => { done(); if (!disposed) ctx.fail(err); });
        function done() {
          const again = loading.again;
          loading = null;
          if (again && !disposed) load();
        }
      }
      // registered before the first read: nothing between the read and the stream is missed
      ctx.events.on('order.', ev => {
        const subject = String(ev.subjectId || (ev.data && (ev.data.orderId || ev.data.id)) || '').toLowerCase();
        if (subject === id.toLowerCase()) load();
      });
      load();
    }

    // ------------------------------------------------------------------ compose

    function compose(incidentParam) {
      el.append(h('p', {}, h('a', { href: '#/orders', 'data-testid': 'orders-back' }, '\u2190 ' + t('orders.tracker.back'))));
      if (!ctx.hasRole('COMMANDER')) {
        el.append(h('p', { class: 'empty', 'data-testid': 'orders-compose-refused' }, t('orders.compose.onlyCommander')));
        return;
      }
      const ownCity = ctx.user.cityCode;
      let incidentExercise = false; // the related incident is a drill: so is the order, whatever the box says
      const cities = ownCity ? [ownCity] : CITY_CODES;
      const ref = h('input', { id: 'orders-ref', 'data-testid': 'orders-compose-ref', maxlength: '100', autocomplete: 'off',
        'aria-describedby': 'orders-ref-hint', required: true });
      const text = h('textarea', { id: 'orders-text', 'data-testid': 'orders-compose-text', rows: '4', maxlength: String(TEXT_MAX),
        'aria-describedby': 'orders-text-count', required: true });
      const textCount = h('small', { id: 'orders-text-count', class: 'muted' });
      const boxes = new Map(cities.map(c => [c, h('input', { type: 'checkbox', value: c, 'data-testid': 'orders-compose-city-' + c,
        checked: Boolean(ownCity) })]));
      const all = h('input', { type: 'checkbox', 'data-testid': 'orders-compose-all', checked: Boolean(ownCity),
        'on:change': () => { for (const b of boxes.values()) b.checked = all.checked; } });
      for (const b of boxes.values()) b.addEventListener('change', () => { all.checked = [...boxes.values()].every(x => x.checked); });
      const deadline = h('input', { id: 'orders-deadline', 'data-testid': 'orders-compose-deadline', inputmode: 'numeric',
        placeholder: '2026-12-08 18:00', 'aria-describedby': 'orders-deadline-is', autocomplete: 'off', required: true });
      const deadlineIs = h('small', { id: 'orders-deadline-is', 'data-testid': 'orders-compose-deadline-is' });
      const quick = [1, 2, 6, 24].map(hours => h('button', { type: 'button', class: 'secondary', 'data-testid': 'orders-compose-in-' + hours,
        'on:click': () => { deadline.value = chinaLocal(roundUp(new Date(Date.now() + hours * 3600 * 1000))); showDeadline(); } },
      t('orders.compose.in', { h: hours })));
      const incident = h('input', { id: 'orders-incident', 'data-testid': 'orders-compose-incident', value: incidentParam,
        placeholder: t('orders.compose.incidentHint'), autocomplete: 'off', 'on:change': () => readIncident() });
      const incidentInfo = h('small', { 'data-testid': 'orders-compose-incident-info' });
      const exercise = h('input', { type: 'checkbox', id: 'orders-exercise', 'data-testid': 'orders-compose-exercise' });
      const exerciseNote = h('small', { class: 'muted', 'data-testid': 'orders-compose-exercise-forced', hidden: true },
        t('orders.compose.exerciseForced'));
      const error = h('p', { class: 'orders-error', 'data-testid': 'orders-compose-error', role: 'alert', hidden: true });
      const submit = h('button', { type: 'submit', 'data-testid': 'orders-compose-submit' }, t('orders.compose.submit'));
      const form = h('form', { class: 'orders orders-compose', 'data-testid': 'orders-compose', novalidate: true,
        'on:submit': e => { e.preventDefault(); check(); } },
      h('h2', {}, t('orders.compose')),
      h('div', { class: 'orders-field' }, h('label', { for: 'orders-ref' }, t('orders.compose.ref')),
        h('div', { class: 'orders-row' }, ref, h('button', { type: 'button', class: 'secondary', 'data-testid': 'orders-compose-ref-again',
          'on:click': () => suggestRef(true) }, t('orders.compose.refAgain'))),
        h('small', { id: 'orders-ref-hint', class: 'muted' }, t('orders.compose.refHint'))),
      h('div', { class: 'orders-field' }, h('label', { for: 'orders-text' }, t('orders.compose.text')), text, textCount),
      h('fieldset', { class: 'orders-field orders-cities', 'data-testid': 'orders-compose-targets' },
        h('legend', {}, t('orders.compose.targets')),
        ownCity ? h('small', { class: 'muted' }, t('orders.compose.cityScoped'))
          : h('label', { class: 'orders-all' }, all, ' ', t('orders.compose.all')),
        h('div', { class: 'orders-city-boxes' }, [...boxes].map(([c, b]) => h('label', {}, b, ' ', cityName(c))))),
      h('div', { class: 'orders-field' }, h('label', { for: 'orders-deadline' }, t('orders.compose.deadline')),
        h('div', { class: 'orders-row' }, deadline, ...quick), deadlineIs),
      h('div', { class: 'orders-field' }, h('label', { for: 'orders-incident' }, t('orders.compose.incident')), incident, incidentInfo),
      h('div', { class: 'orders-field' }, h('label', {}, exercise, ' ', t('orders.compose.exercise')), exerciseNote),
      error, h('div', {}, submit));
      el.append(form);

      deadline.value = chinaLocal(roundUp(new Date(Date.now() + 2 * 3600 * 1000)));
      deadline.addEventListener('input', showDeadline);
      text.addEventListener('input', showCount);
      showCount();
      showDeadline();
      suggestRef(false);
      if (incidentParam) readIncident();
      const deadlineTimer = setInterval(showDeadline, 1000);
      cleanups.push(() => clearInterval(deadlineTimer));

      function roundUp(date) {
        const step = 5 * 60 * 1000;
        return new Date(Math.ceil(date.getTime() / step) * step);
      }
      function showCount() {
        textCount.textContent = t('orders.compose.textCount', { n: text.value.trim().length, max: TEXT_MAX });
      }
      function showDeadline() {
        const parsed = parseChinaLocal(deadline.value);
        deadlineIs.textContent = parsed ? t('orders.compose.deadlineIs', { time: ctx.fmtTime(parsed.date.toISOString()),
          left: countdownText(parsed.date.toISOString()) }) : t('orders.compose.deadlineHint');
        deadlineIs.classList.toggle('orders-error', Boolean(parsed) && parsed.date.getTime() <= Date.now());
      }

      /** CMD-<Beijing date>-<next number of the day among the orders listed>, e.g. CMD-20261208-003. */
      function suggestRef(another) {
        const day = chinaLocal(new Date()).slice(0, 10).replace(/-/g, '');
        const prefix = `CMD-${day}-`;
        const current = another && ref.value.startsWith(prefix) ? parseInt(ref.value.slice(prefix.length), 10) || 0 : 0;
        ctx.api('GET', '/api/orders?size=200').then(page => {
          if (disposed || (!another && ref.value)) return;
          const used = (page.orders || []).map(o => o.ref).filter(r => r.startsWith(prefix))
            .map(r => parseInt(r.slice(prefix.length), 10)).filter(n => Number.isFinite(n));
          const n = Math.max(current, 0, ...used) + 1;
          ref.value = prefix + String(n).padStart(3, '0');
        }, err => {
          if (disposed) return;
          if (!ref.value) ref.value = prefix + String(Date.now() % 1000).padStart(3, '0');
          ctx.fail(err);
        });
      }

      function readIncident() {
        const id = incident.value.trim();
        incidentInfo.textContent = '';
        incidentExercise = false;
        applyExercise();
        if (!id) return;
        ctx.api('GET', '/api/incidents/' + encodeURIComponent(id)).then(i => {
          if (disposed || incident.value.trim() !== id) return;
          incidentInfo.textContent = `${t('level.' + i.level)} · ${i.title} · ${cityName(i.cityCode)}`;
          incidentExercise = Boolean(i.exercise);
          applyExercise();
        }, err => { if (!disposed) { incidentInfo.textContent = ctx.errorText(err); } });
      }
      function applyExercise() {
        if (incidentExercise) exercise.checked = true;
        exercise.disabled = incidentExercise;
        exerciseNote.hidden = !incidentExercise;
      }

      function showError(message, code) {
        error.textContent = message;
        if (code) error.dataset.code = code; else delete error.dataset.code;
        error.hidden = false;
      }

      function check() {
        error.hidden = true;
        const body = { orderRef: ref.value.trim(), text: text.value.trim(),
          targetCities: [...boxes].filter(([, b]) => b.checked).map(([c]) => c), exercise: exercise.checked };
        const parsed = parseChinaLocal(deadline.value);
        if (!REF_PATTERN.test(body.orderRef)) { showError(t('orders.local.ref'), 'local'); ref.focus(); return; }
        if (!body.text) { showError(t('orders.local.text'), 'local'); text.focus(); return; }
        if (body.text.length > TEXT_MAX) { showError(t('orders.local.textLong', { max: TEXT_MAX }), 'local'); text.focus(); return; }
        if (!body.targetCities.length) { showError(t('orders.local.targets'), 'local'); return; }
        if (!parsed) { showError(t('orders.local.deadline'), 'local'); deadline.focus(); return; }
        if (parsed.date.getTime() <= Date.now()) { showError(t('orders.local.deadlinePast'), 'local'); deadline.focus(); return; }
        body.deadline = parsed.iso;
        if (incident.value.trim()) body.incidentId = incident.value.trim();
        confirm(body, parsed.date);
      }

      function confirm(body, deadlineDate) {
        let go = false;
        const cancel = h('button', { type: 'button', class: 'secondary', 'data-testid': 'orders-confirm-cancel', 'on:click': () => dialog.close() },
          t('orders.confirm.cancel'));
        const issue = h('button', { type: 'button', 'data-testid': 'orders-confirm-issue', 'on:click': () => { go = true; dialog.close(); } },
          t('orders.confirm.issue'));
        const iso = deadlineDate.toISOString();
        const dialog = h('dialog', { class: 'orders-confirm', 'data-testid': 'orders-confirm', 'aria-labelledby': 'orders-confirm-title',
          'data-deadline-utc': iso },
        h('h3', { id: 'orders-confirm-title' }, t('orders.confirm.title')),
        h('p', {}, h('b', {}, t('orders.confirm.ref') + ': '), h('span', { 'data-testid': 'orders-confirm-ref' }, body.orderRef)),
        h('p', { class: 'orders-confirm-text' }, body.text),
        h('p', {}, h('b', {}, t('orders.confirm.targets', { n: body.targetCities.length }))),
        h('ul', { class: 'orders-confirm-targets' }, body.targetCities.map(c => h('li', { 'data-testid': 'orders-confirm-target', 'data-city': c },
          cityName(c)))),
        h('p', { 'data-testid': 'orders-confirm-deadline' }, h('b', {}, t('orders.confirm.deadline') + ': '), ctx.fmtTime(iso), ' (',
          countdownText(iso), ')'),
        body.incidentId ? h('p', {}, h('b', {}, t('orders.confirm.incident') + ': '), incidentInfo.textContent || body.incidentId) : null,
        h('p', { class: body.exercise || incidentExercise ? 'muted' : 'orders-real', 'data-testid': 'orders-confirm-kind' },
          body.exercise || incidentExercise ? t('orders.confirm.exercise') : t('orders.confirm.real')),
        h('div', { class: 'orders-confirm-actions' }, cancel, issue));
        dialog.addEventListener('close', () => {
          dialog.remove();
          if (go && !disposed) send(body); else submit.focus();
        });
        cleanups.push(() => { if (dialog.open) dialog.close(); });
        el.append(dialog);
        dialog.showModal();
        // the safe choice has the focus: Enter does not issue an order by accident
        cancel.focus();
      }

      function send(body) {
        submit.disabled = true;
        ctx.api('POST', '/api/orders', body).then(order => {
          if (disposed) return;
          ctx.toast(t('orders.issued', { ref: order.ref }), 'success');
          ctx.navigate('#/orders/' + order.id);
        }, err => {
          if (disposed) return;
          submit.disabled = false;
          // the same orderRef is kept: a retry after a lost answer is answered with the first answer, issued once
          const retry = RETRYABLE.includes(err.code) || (err.status >= 500);
          showError(ctx.errorText(err) + (retry ? ' ' + t('orders.retrySafe') : ''), err.code || 'ERROR');
          if (err.code === 'ORDER_REF_REUSED') ref.focus();
        });
      }
    }
  }
};
