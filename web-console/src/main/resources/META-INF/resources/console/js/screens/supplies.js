// Supplies screen: depots and their stock levels (live from stock.* events), recording a movement, supply
// requests, commitments from depots and the dispatch steps of each commitment (live from supply.* events).
// docs/supplies.md, docs/events.md#stream-stock.
import { PLATFORMS, areaName } from '../areas-fj.js';

const MOVEMENT_TYPES = ['RECEIPT', 'ISSUE', 'TRANSFER_OUT', 'TRANSFER_IN', 'ADJUSTMENT'];
const STEPS = {
  RESERVED: ['requisition', 'release'],
  SHIPMENT_REQUESTED: ['ship', 'release'],
  IN_TRANSIT: ['deliver'],
  DELIVERED: ['return'],
};

const zh = {
  'nav.supplies': '应急物资',
  'supplies.title': '应急物资',
  'supplies.depots': '储备库', 'supplies.allCities': '全部', 'supplies.province': '省级',
  'supplies.col.code': '编号', 'supplies.col.name': '名称', 'supplies.col.level': '级别', 'supplies.col.owner': '所属',
  'supplies.col.enabled': '启用', 'supplies.col.item': '物资', 'supplies.col.onHand': '库存',
  'supplies.col.reserved': '已预留', 'supplies.col.available': '可用', 'supplies.col.threshold': '低库存阈值',
  'supplies.col.updatedAt': '更新时间',
  'supplies.stock': '库存：{depot}', 'supplies.stock.none': '该库尚无物资记录', 'supplies.stock.pick': '请选择储备库',
  'supplies.low': '低库存', 'supplies.lowAlert': '低库存：{depot} {item} 可用 {available} < {threshold}',
  'supplies.movements': '最近出入库',
  'supplies.movement': '登记出入库', 'supplies.movement.depot': '储备库', 'supplies.movement.item': '物资',
  'supplies.movement.type': '类型', 'supplies.movement.quantity': '数量', 'supplies.movement.reason': '原因',
  'supplies.movement.counterpart': '对方库', 'supplies.movement.submit': '登记',
  'supplies.movement.done': '已登记 {type} {quantity}：可用 {available}',
  'supplies.type.RECEIPT': '入库', 'supplies.type.ISSUE': '出库', 'supplies.type.TRANSFER_OUT': '调出',
  'supplies.type.TRANSFER_IN': '调入', 'supplies.type.ADJUSTMENT': '盘点调整', 'supplies.type.RESERVATION': '预留',
  'supplies.type.RELEASE': '释放',
  'supplies.requests': '物资申请', 'supplies.request.new': '新建申请', 'supplies.request.city': '申请城市',
  'supplies.request.incident': '事件编号', 'supplies.request.contact': '联系人', 'supplies.request.location': '地点',
  'supplies.request.note': '备注', 'supplies.request.addLine': '添加物资', 'supplies.request.submit': '提交申请',
  'supplies.request.open': '打开', 'supplies.request.lookup': '申请编号', 'supplies.request.none': '暂无申请',
  'supplies.request.created': '已提交申请 {id}', 'supplies.request.title': '申请 {id}',
  'supplies.need.line': '行', 'supplies.need.requested': '申请', 'supplies.need.committed': '已调拨',
  'supplies.need.delivered': '已送达', 'supplies.need.remaining': '尚缺',
  'supplies.commit': '从储备库调拨', 'supplies.commit.line': '申请行', 'supplies.commit.depot': '储备库',
  'supplies.commit.quantity': '数量', 'supplies.commit.holdUntil': '预留至 (北京时间，可选)',
  'supplies.commit.addLine': '添加', 'supplies.commit.submit': '调拨', 'supplies.commit.done': '已调拨',
  'supplies.commitments': '调拨记录', 'supplies.c.depot': '储备库', 'supplies.c.item': '物资', 'supplies.c.quantity': '数量',
  'supplies.c.status': '状态', 'supplies.c.holdUntil': '预留至', 'supplies.c.actions': '操作',
  'supplies.step.requisition': '申请出库', 'supplies.step.ship': '发运', 'supplies.step.deliver': '送达',
  'supplies.step.release': '释放', 'supplies.step.return': '退回', 'supplies.step.done': '{step}：{status}',
  'supplies.status.RESERVED': '已预留', 'supplies.status.SHIPMENT_REQUESTED': '待发运', 'supplies.status.IN_TRANSIT': '运输中',
  'supplies.status.DELIVERED': '已送达', 'supplies.status.RELEASED': '已释放', 'supplies.status.EXPIRED': '已过期',
  'supplies.status.RETURNED': '已退回',
};
const en = {
  'nav.supplies': 'Supplies',
  'supplies.title': 'Relief supplies',
  'supplies.depots': 'Depots', 'supplies.allCities': 'All', 'supplies.province': 'Province',
  'supplies.col.code': 'Code', 'supplies.col.name': 'Name', 'supplies.col.level': 'Level', 'supplies.col.owner': 'Owner',
  'supplies.col.enabled': 'Enabled', 'supplies.col.item': 'Item', 'supplies.col.onHand': 'On hand',
  'supplies.col.reserved': 'Reserved', 'supplies.col.available': 'Available', 'supplies.col.threshold': 'Low threshold',
  'supplies.col.updatedAt': 'Updated',
  'supplies.stock': 'Stock: {depot}', 'supplies.stock.none': 'Nothing has moved at this depot yet', 'supplies.stock.pick': 'Pick a depot',
  'supplies.low': 'low', 'supplies.lowAlert': 'Low stock: {depot} {item} available {available} < {threshold}',
  'supplies.movements': 'Recent movements',
  'supplies.movement': 'Record a movement', 'supplies.movement.depot': 'Depot', 'supplies.movement.item': 'Item',
  'supplies.movement.type': 'Type', 'supplies.movement.quantity': 'Quantity', 'supplies.movement.reason': 'Reason',
  'supplies.movement.counterpart': 'Counterpart depot', 'supplies.movement.submit': 'Record',
  'supplies.movement.done': 'Recorded {type} {quantity}: {available} available',
  'supplies.type.RECEIPT': 'Receipt', 'supplies.type.ISSUE': 'Issue', 'supplies.type.TRANSFER_OUT': 'Transfer out',
  'supplies.type.TRANSFER_IN': 'Transfer in', 'supplies.type.ADJUSTMENT': 'Adjustment', 'supplies.type.RESERVATION': 'Reservation',
  'supplies.type.RELEASE': 'Release',
  'supplies.requests': 'Supply requests', 'supplies.request.new': 'New request', 'supplies.request.city': 'Requesting city',
  'supplies.request.incident': 'Incident id', 'supplies.request.contact': 'Contact', 'supplies.request.location': 'Location',
  'supplies.request.note': 'Note', 'supplies.request.addLine': 'Add item', 'supplies.request.submit': 'Send request',
  'supplies.request.open': 'Open', 'supplies.request.lookup': 'Request id', 'supplies.request.none': 'No requests yet',
  'supplies.request.created': 'Request sent: {id}', 'supplies.request.title': 'Request {id}',
  'supplies.need.line': 'Line', 'supplies.need.requested': 'Requested', 'supplies.need.committed': 'Committed',
  'supplies.need.delivered': 'Delivered', 'supplies.need.remaining': 'Remaining',
  'supplies.commit': 'Commit from depots', 'supplies.commit.line': 'Line', 'supplies.commit.depot': 'Depot',
  'supplies.commit.quantity': 'Quantity', 'supplies.commit.holdUntil': 'Hold until (UTC+8, optional)',
  'supplies.commit.addLine': 'Add', 'supplies.commit.submit': 'Commit', 'supplies.commit.done': 'Committed',
  'supplies.commitments': 'Commitments', 'supplies.c.depot': 'Depot', 'supplies.c.item': 'Item', 'supplies.c.quantity': 'Quantity',
  'supplies.c.status': 'Status', 'supplies.c.holdUntil': 'Hold until', 'supplies.c.actions': 'Steps',
  'supplies.step.requisition': 'Requisition', 'supplies.step.ship': 'Ship', 'supplies.step.deliver': 'Deliver',
  'supplies.step.release': 'Release', 'supplies.step.return': 'Return', 'supplies.step.done': '{step}: {status}',
  'supplies.status.RESERVED': 'Reserved', 'supplies.status.SHIPMENT_REQUESTED': 'Shipment requested',
  'supplies.status.IN_TRANSIT': 'In transit', 'supplies.status.DELIVERED': 'Delivered', 'supplies.status.RELEASED': 'Released',
  'supplies.status.EXPIRED': 'Expired', 'supplies.status.RETURNED': 'Returned',
};

function h(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on:')) e.addEventListener(k.slice(3), v);
    else if (k === 'value') e.value = v;
    else if (k === 'checked' || k === 'selected' || k === 'disabled') e[k] = true;
    else if (k === 'style') e.style.cssText = String(v); // CSSOM: the CSP refuses inline style attributes
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function uid(prefix) {
  return prefix + '-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8);
}

function showError(ctx, err) {
  // in the officer's language, with no code in front (the code stays on the toast's data-code)
  ctx.fail(err);
}

export default {
  id: 'supplies',
  titleKey: 'nav.supplies',
  roles: ['DUTY_OFFICER', 'COMMANDER', 'ADMIN'],
  messages: { 'zh-CN': zh, en },

  mount(el, ctx, param) {
    const t = (k, v) => ctx.t(k, v);
    const fmt = iso => iso ? (ctx.fmtTime ? ctx.fmtTime(iso) : iso) : '';
    const operator = ctx.hasRole('DUTY_OFFICER', 'COMMANDER');
    const depots = new Map();    // code → Depot
    const items = new Map();     // code → SupplyItem
    const stock = new Map();     // itemCode → Balance of the selected depot
    const requests = new Map();  // id → RequestView (seen in this session)
    const ownCity = ctx.user && ctx.user.cityCode ? ctx.user.cityCode : '';
    let cityFilter = ownCity; // a city-scoped officer reads only its own city's depots
    let selected = null;         // depot code
    let shownRequest = null;     // request id
    let disposed = false;
    const cleanups = [];

    const depotName = code => { const d = depots.get(code); return d ? (ctx.lang === 'en' ? d.nameEn : d.nameZh) : code; };
    const itemName = code => { const i = items.get(code); return i ? (ctx.lang === 'en' ? i.nameEn : i.nameZh) : code; };
    const unit = code => { const i = items.get(code); return i ? (ctx.lang === 'en' ? i.unitEn : i.unitZh) : ''; };

    // ------------------------------------------------------------ layout
    const cityFilterSel = h('select', { 'data-testid': 'supplies-city-filter', 'aria-label': t('supplies.col.owner'), 'on:change': e => { cityFilter = e.target.value; renderDepots(); } },
      h('option', { value: '' }, t('supplies.allCities')), h('option', { value: '350000' }, t('supplies.province')),
      PLATFORMS.map(p => h('option', { value: p.code, selected: p.code === ownCity }, (ctx.lang === 'en' ? p.en : p.zh))));
    const depotBody = h('tbody', { 'data-testid': 'supplies-depots' });
    const stockTitle = h('h3', { 'data-testid': 'supplies-stock-title' }, t('supplies.stock.pick'));
    const stockBody = h('tbody', { 'data-testid': 'supplies-stock' });
    const lowList = h('ul', { class: 'alerts', 'data-testid': 'supplies-low-alerts' });
    const movementList = h('ul', { class: 'movements', 'data-testid': 'supplies-movements' });
    const movementForm = h('div', { class: 'form', 'data-testid': 'supplies-movement-form' });
    const requestList = h('ul', { 'data-testid': 'supplies-requests' });
    const requestPane = h('div', { 'data-testid': 'supplies-request-pane' });
    const requestForm = h('div', { class: 'form', 'data-testid': 'supplies-request-form' });
    const lookup = h('input', { type: 'text', size: 38, 'data-testid': 'supplies-request-lookup', placeholder: t('supplies.request.lookup'), 'aria-label': t('supplies.request.lookup') });

    const th = keys => h('thead', {}, h('tr', {}, keys.map(k => h('th', {}, t(k)))));
    el.append(h('section', { class: 'screen supplies', 'data-testid': 'supplies-screen' },
      h('h2', {}, t('supplies.title')),
      h('div', { class: 'columns' },
        h('div', { class: 'col' },
          h('div', { class: 'toolbar' }, h('h3', {}, t('supplies.depots')), cityFilterSel),
          h('div', { class: 'depot-box' }, h('table', { class: 'grid' }, th(['supplies.col.code', 'supplies.col.name',
            'supplies.col.level', 'supplies.col.owner', 'supplies.col.enabled']), depotBody))),
        h('div', { class: 'col' },
          stockTitle,
          h('table', { class: 'grid' }, th(['supplies.col.item', 'supplies.col.onHand', 'supplies.col.reserved',
            'supplies.col.available', 'supplies.col.threshold', 'supplies.col.updatedAt']), stockBody),
          lowList,
          operator ? h('div', {}, h('h3', {}, t('supplies.movement')), movementForm) : null,
          h('h3', {}, t('supplies.movements')), movementList)),
      h('div', { class: 'columns' },
        h('div', { class: 'col' },
          h('h3', {}, t('supplies.requests')),
          h('div', { class: 'toolbar' }, lookup, h('button', { 'data-testid': 'supplies-request-open',
            'on:click': () => { if (lookup.value.trim()) showRequest(lookup.value.trim()); } }, t('supplies.request.open'))),
          requestList,
          operator ? h('div', {}, h('h3', {}, t('supplies.request.new')), requestForm) : null),
        h('div', { class: 'col' }, requestPane))));

    // ------------------------------------------------------------ depots and stock
    function renderDepots() {
      const rows = Array.from(depots.values()).filter(d => !cityFilter || d.ownerCity === cityFilter)
        .sort((a, b) => a.code.localeCompare(b.code));
      depotBody.replaceChildren(...rows.map(d => h('tr', { 'data-testid': 'supplies-depot-row', 'data-depot-code': d.code,
        class: d.code === selected ? 'selected' : null, style: 'cursor:pointer', 'on:click': () => selectDepot(d.code),
        tabindex: '0', 'on:keydown': e => { if (e.key === 'Enter') selectDepot(d.code); } },
      h('td', {}, d.code), h('td', {}, ctx.lang === 'en' ? d.nameEn : d.nameZh), h('td', {}, ctx.name('depotLevel', d.level)),
      h('td', {}, areaName(d.ownerCity, ctx.lang)), h('td', {}, d.enabled ? '✓' : '✗'))));
    }

    function renderStock() {
      if (!selected) { stockBody.replaceChildren(); return; }
      const rows = Array.from(stock.values()).sort((a, b) => a.itemCode.localeCompare(b.itemCode));
      if (!rows.length) {
        stockBody.replaceChildren(h('tr', { 'data-testid': 'supplies-stock-empty' }, h('td', { colspan: 6 }, t('supplies.stock.none'))));
        return;
      }
      stockBody.replaceChildren(...rows.map(b => {
        const threshold = h('input', { type: 'number', min: 0, style: 'width:6em', 'data-testid': 'supplies-threshold', 'aria-label': t('supplies.col.threshold') + ' · ' + itemName(b.itemCode),
          value: b.lowThreshold === null || b.lowThreshold === undefined ? '' : String(b.lowThreshold), disabled: !operator });
        if (operator) threshold.addEventListener('change', () => setThreshold(b, threshold.value));
        return h('tr', { 'data-testid': 'supplies-stock-row', 'data-item-code': b.itemCode, 'data-low': b.low ? 'true' : 'false',
          class: b.low ? 'low' : null },
        h('td', {}, itemName(b.itemCode), ' ', h('small', {}, b.itemCode), b.low ? h('span', { class: 'badge low' }, ' ', t('supplies.low')) : null),
        h('td', { 'data-testid': 'supplies-stock-onhand' }, String(b.onHand)),
        h('td', { 'data-testid': 'supplies-stock-reserved' }, String(b.reserved)),
        h('td', { 'data-testid': 'supplies-stock-available' }, String(b.available), ' ', unit(b.itemCode)),
        h('td', {}, threshold),
        h('td', {}, fmt(b.updatedAt)));
      }));
    }

    function selectDepot(code) {
      selected = code;
      stock.clear();
      stockTitle.textContent = t('supplies.stock', { depot: depotName(code) + ' ' + code });
      stockTitle.setAttribute('data-depot-code', code);
      renderDepots();
      renderStock();
      renderMovementForm();
      ctx.api('GET', '/api/supplies/depots/' + encodeURIComponent(code) + '/stock').then(list => {
        if (disposed || selected !== code) return;
        for (const b of list) {
          // a live level newer than this answer wins
          const known = stock.get(b.itemCode);
          if (!known || !known.updatedAt || !b.updatedAt || known.updatedAt <= b.updatedAt) stock.set(b.itemCode, b);
        }
        renderStock();
      }, err => showError(ctx, err));
    }

    function setThreshold(b, value) {
      const threshold = value === '' ? null : Number(value);
      ctx.api('PUT', '/api/supplies/depots/' + encodeURIComponent(b.depotCode) + '/stock/' + encodeURIComponent(b.itemCode) + '/threshold',
        { threshold }).then(nb => { if (selected === nb.depotCode) { stock.set(nb.itemCode, nb); renderStock(); } },
        err => showError(ctx, err));
    }

    function renderMovementForm() {
      if (!operator) return;
      const depotSel = h('select', { 'data-testid': 'supplies-movement-depot' },
        Array.from(depots.values()).sort((a, b) => a.code.localeCompare(b.code))
          .map(d => h('option', { value: d.code, selected: d.code === selected }, d.code + ' ' + (ctx.lang === 'en' ? d.nameEn : d.nameZh))));
      const itemSel = h('select', { 'data-testid': 'supplies-movement-item' },
        Array.from(items.values()).map(i => h('option', { value: i.code }, i.code + ' ' + (ctx.lang === 'en' ? i.nameEn : i.nameZh))));
      const typeSel = h('select', { 'data-testid': 'supplies-movement-type' },
        MOVEMENT_TYPES.map(x => h('option', { value: x }, t('supplies.type.' + x))));
      const qty = h('input', { type: 'number', 'data-testid': 'supplies-movement-quantity', value: '1', style: 'width:7em' });
      const reason = h('input', { type: 'text', 'data-testid': 'supplies-movement-reason' });
      const counterpart = h('input', { type: 'text', size: 10, 'data-testid': 'supplies-movement-counterpart', placeholder: '350000-01' });
      const submit = h('button', { 'data-testid': 'supplies-movement-submit', 'on:click': () => {
        const body = { movementId: uid('console'), depotCode: depotSel.value, itemCode: itemSel.value, type: typeSel.value,
          quantity: Number(qty.value) };
        if (reason.value.trim()) body.reason = reason.value.trim();
        if (counterpart.value.trim() && typeSel.value.startsWith('TRANSFER')) body.counterpartDepot = counterpart.value.trim();
        submit.disabled = true;
        ctx.api('POST', '/api/supplies/movements', body).then(r => {
          submit.disabled = false;
          ctx.toast(t('supplies.movement.done', { type: t('supplies.type.' + r.type), quantity: r.quantity, available: r.available }), 'info');
        }, err => { submit.disabled = false; showError(ctx, err); });
      } }, t('supplies.movement.submit'));
      const lf = (k, input) => h('label', { class: 'field' }, h('span', {}, t(k)), input);
      movementForm.replaceChildren(lf('supplies.movement.depot', depotSel), lf('supplies.movement.item', itemSel),
        lf('supplies.movement.type', typeSel), lf('supplies.movement.quantity', qty), lf('supplies.movement.reason', reason),
        lf('supplies.movement.counterpart', counterpart), submit);
    }

    // ------------------------------------------------------------ requests
    function renderRequestList() {
      const list = Array.from(requests.values()).sort((a, b) => (b.request.requestedAt || '').localeCompare(a.request.requestedAt || ''));
      requestList.replaceChildren(...(list.length ? list.map(r => h('li', { 'data-testid': 'supplies-request-row', 'data-request-id': r.request.id,
        class: r.request.id === shownRequest ? 'selected' : null },
      h('a', { href: '#', 'on:click': e => { e.preventDefault(); showRequest(r.request.id); } },
        areaName(r.request.cityCode, ctx.lang), ' · ', r.request.lines.map(l => (l.itemCode || l.resourceName) + ' ×' + l.quantity).join(', '),
        ' · ', r.request.messageId))) : [h('li', {}, t('supplies.request.none'))]));
    }

    function renderRequestForm() {
      if (!operator) return;
      const city = h('select', { 'data-testid': 'supplies-request-city' },
        PLATFORMS.map(p => h('option', { value: p.code, selected: p.code === (ctx.user && ctx.user.cityCode) }, ctx.lang === 'en' ? p.en : p.zh)));
      const incident = h('input', { type: 'text', 'data-testid': 'supplies-request-incident' });
      const contact = h('input', { type: 'text', 'data-testid': 'supplies-request-contact' });
      const location = h('input', { type: 'text', 'data-testid': 'supplies-request-location' });
      const note = h('input', { type: 'text', 'data-testid': 'supplies-request-note' });
      const lines = h('div', { 'data-testid': 'supplies-request-lines' });
      const addLine = () => lines.append(h('div', { class: 'row', 'data-testid': 'supplies-request-line' },
        h('select', { 'data-testid': 'supplies-request-item', 'aria-label': t('supplies.c.item') },
          Array.from(items.values()).map(i => h('option', { value: i.code }, i.code + ' ' + (ctx.lang === 'en' ? i.nameEn : i.nameZh)))),
        h('input', { type: 'number', min: 1, value: '1', style: 'width:7em', 'data-testid': 'supplies-request-quantity', 'aria-label': t('supplies.c.quantity') })));
      addLine();
      const lf = (k, input) => h('label', { class: 'field' }, h('span', {}, t(k)), input);
      const submit = h('button', { 'data-testid': 'supplies-request-submit', 'on:click': () => {
        const body = { requestId: uid('console-req'), lines: Array.from(lines.children).map(r => ({
          itemCode: r.querySelector('select').value, quantity: Number(r.querySelector('input').value) })) };
        if (!ctx.user || !ctx.user.cityCode) body.cityCode = city.value;
        for (const [k, input] of [['incidentId', incident], ['contact', contact], ['location', location], ['note', note]]) {
          if (input.value.trim()) body[k] = input.value.trim();
        }
        ctx.api('POST', '/api/supplies/requests', body).then(view => {
          requests.set(view.request.id, view);
          ctx.toast(t('supplies.request.created', { id: view.request.id }), 'info');
          showRequest(view.request.id, view);
        }, err => showError(ctx, err));
      } }, t('supplies.request.submit'));
      requestForm.replaceChildren(ctx.user && ctx.user.cityCode ? null : lf('supplies.request.city', city),
        lf('supplies.request.incident', incident), lf('supplies.request.contact', contact),
        lf('supplies.request.location', location), lf('supplies.request.note', note), lines,
        h('button', { type: 'button', 'data-testid': 'supplies-request-add-line', 'on:click': addLine }, t('supplies.request.addLine')),
        submit);
    }

    function showRequest(id, view) {
      shownRequest = id;
      if (view) { requests.set(id, view); renderRequestList(); renderRequest(view); return; }
      ctx.api('GET', '/api/supplies/requests/' + encodeURIComponent(id)).then(v => {
        if (disposed || shownRequest !== id) return;
        requests.set(v.request.id, v);
        renderRequestList();
        renderRequest(v);
      }, err => showError(ctx, err));
    }

    function renderRequest(v) {
      const r = v.request;
      const needs = h('table', { class: 'grid', 'data-testid': 'supplies-needs' },
        th(['supplies.need.line', 'supplies.col.item', 'supplies.need.requested', 'supplies.need.committed', 'supplies.need.delivered',
          'supplies.need.remaining']),
        h('tbody', {}, v.needs.map(n => h('tr', { 'data-testid': 'supplies-need-row', 'data-line-no': n.lineNo },
          h('td', {}, n.lineNo), h('td', {}, n.itemCode ? itemName(n.itemCode) : n.resourceName), h('td', {}, n.requested),
          h('td', {}, n.committed), h('td', {}, n.delivered), h('td', { 'data-testid': 'supplies-need-remaining' }, n.remaining)))));
      const commitments = h('table', { class: 'grid', 'data-testid': 'supplies-commitments' },
        th(['supplies.need.line', 'supplies.c.depot', 'supplies.c.item', 'supplies.c.quantity', 'supplies.c.status', 'supplies.c.holdUntil',
          'supplies.c.actions']),
        h('tbody', {}, v.commitments.map(c => h('tr', { 'data-testid': 'supplies-commitment-row', 'data-commitment-id': c.id,
          'data-status': c.status },
        h('td', {}, c.lineNo), h('td', {}, c.depotCode ? depotName(c.depotCode) + ' ' + c.depotCode : (c.provider || '')),
        h('td', {}, c.itemCode ? itemName(c.itemCode) : (c.resourceName || '')), h('td', {}, c.quantity),
        h('td', { 'data-testid': 'supplies-commitment-status' }, ctx.name('commitment', c.status)),
        h('td', {}, fmt(c.holdUntil)),
        h('td', {}, operator && c.depotCode ? stepButtons(c) : null)))));
      requestPane.replaceChildren(h('div', { 'data-testid': 'supplies-request', 'data-request-id': r.id },
        h('h3', {}, t('supplies.request.title', { id: r.messageId })),
        h('p', {}, areaName(r.cityCode, ctx.lang), r.incidentId ? ' · ' + r.incidentId : '', r.contact ? ' · ' + r.contact : '',
          r.location ? ' · ' + r.location : '', r.note ? ' · ' + r.note : '', ' · ', fmt(r.requestedAt)),
        needs,
        operator ? commitForm(v) : null,
        h('h4', {}, t('supplies.commitments')), commitments));
    }

    function stepButtons(c) {
      return (STEPS[c.status] || []).map(s => {
        if (s === 'return') {
          const q = h('input', { type: 'number', min: 1, max: c.quantity, value: String(c.quantity), style: 'width:5em',
            'data-testid': 'supplies-return-quantity' });
          return h('span', {}, q, h('button', { 'data-testid': 'supplies-step-return', 'on:click': () => doStep(c, s, { quantity: Number(q.value) }) },
            t('supplies.step.return')));
        }
        return h('button', { 'data-testid': 'supplies-step-' + s, 'on:click': () => doStep(c, s, {}) }, t('supplies.step.' + s));
      });
    }

    function doStep(c, s, body) {
      ctx.api('POST', '/api/supplies/commitments/' + encodeURIComponent(c.id) + '/' + s, body).then(nc => {
        ctx.toast(t('supplies.step.done', { step: t('supplies.step.' + s), status: t('supplies.status.' + nc.status) }), 'info');
        applyCommitment(nc);
      }, err => showError(ctx, err));
    }

    function commitForm(v) {
      const lines = h('div', { 'data-testid': 'supplies-commit-lines' });
      const committable = v.needs.filter(n => n.itemCode && n.remaining > 0);
      if (!committable.length) return null;
      const depotOptions = () => Array.from(depots.values()).filter(d => d.enabled).sort((a, b) => a.code.localeCompare(b.code))
        .map(d => h('option', { value: d.code }, d.code + ' ' + (ctx.lang === 'en' ? d.nameEn : d.nameZh)));
      const addLine = () => lines.append(h('div', { class: 'row', 'data-testid': 'supplies-commit-line' },
        h('select', { 'data-testid': 'supplies-commit-line-no' }, committable.map(n => h('option', { value: n.lineNo },
          n.lineNo + ' ' + itemName(n.itemCode) + ' (' + n.remaining + ')'))),
        h('select', { 'data-testid': 'supplies-commit-depot' }, depotOptions()),
        h('input', { type: 'number', min: 1, value: String(committable[0].remaining), style: 'width:7em',
          'data-testid': 'supplies-commit-quantity' })));
      addLine();
      const hold = h('input', { type: 'datetime-local', 'data-testid': 'supplies-commit-hold' });
      const submit = h('button', { 'data-testid': 'supplies-commit-submit', 'on:click': () => {
        const body = { commitId: uid('console-commit'), lines: Array.from(lines.children).map(row => {
          const [lineNo, depot] = row.querySelectorAll('select');
          return { lineNo: Number(lineNo.value), depotCode: depot.value, quantity: Number(row.querySelector('input').value) };
        }) };
        if (hold.value) body.holdUntil = hold.value + ':00+08:00';
        ctx.api('POST', '/api/supplies/requests/' + encodeURIComponent(v.request.id) + '/commitments', body).then(answer => {
          ctx.toast(t('supplies.commit.done'), 'info');
          // the answer carries the need as it stands and only this call's commitments: add them to those shown
          const known = (requests.get(answer.request.id) || v).commitments || [];
          const nv = Object.assign({}, answer, { commitments: known.concat(answer.commitments.filter(c => !known.some(x => x.id === c.id))) });
          requests.set(nv.request.id, nv);
          if (shownRequest === nv.request.id) renderRequest(nv);
        }, err => showError(ctx, err));
      } }, t('supplies.commit.submit'));
      return h('div', { class: 'form', 'data-testid': 'supplies-commit-form' }, h('h4', {}, t('supplies.commit')), lines,
        h('button', { type: 'button', 'data-testid': 'supplies-commit-add-line', 'on:click': addLine }, t('supplies.commit.addLine')),
        h('label', { class: 'field' }, h('span', {}, t('supplies.commit.holdUntil')), hold), submit);
    }

    function applyCommitment(c) {
      const v = requests.get(c.requestId);
      if (!v) return;
      const i = v.commitments.findIndex(x => x.id === c.id);
      if (i >= 0) {
        if (v.commitments[i].updatedAt && c.updatedAt && v.commitments[i].updatedAt > c.updatedAt) return;
        v.commitments[i] = c;
      } else v.commitments.push(c);
      if (shownRequest === c.requestId) {
        renderRequest(v);
        // the need changes with a release, an expiry, a delivery: read it again
        if (c.status === 'RELEASED' || c.status === 'EXPIRED' || c.status === 'DELIVERED') showRequest(c.requestId);
      }
    }

    // ------------------------------------------------------------ live
    cleanups.push(ctx.events.on('stock.level', ev => {
      const b = ev.data;
      if (!b || b.depotCode !== selected) return;
      const known = stock.get(b.itemCode);
      if (known && known.updatedAt && b.updatedAt && known.updatedAt > b.updatedAt) return;
      stock.set(b.itemCode, b);
      renderStock();
    }));
    cleanups.push(ctx.events.on('stock.movement', ev => {
      const m = ev.data;
      if (!m) return;
      if (m.depotCode === selected) {
        const known = stock.get(m.itemCode) || { depotCode: m.depotCode, itemCode: m.itemCode, lowThreshold: null, low: false };
        stock.set(m.itemCode, Object.assign({}, known, { onHand: m.onHand, reserved: m.reserved, available: m.available,
          updatedAt: m.recordedAt }));
        renderStock();
      }
      movementList.prepend(h('li', { 'data-testid': 'supplies-movement-row', 'data-depot-code': m.depotCode, 'data-item-code': m.itemCode },
        fmt(m.recordedAt), ' ', depotName(m.depotCode), ' · ', itemName(m.itemCode), ' · ', ctx.name('movement', m.type),
        ' ', String(m.onHandDelta !== undefined && m.onHandDelta !== 0 ? m.onHandDelta : m.quantity), ' → ', String(m.available)));
      while (movementList.children.length > 20) movementList.lastChild.remove();
    }));
    cleanups.push(ctx.events.on('stock.low', ev => {
      const l = ev.data;
      if (!l) return;
      const text = t('supplies.lowAlert', { depot: depotName(l.depotCode), item: itemName(l.itemCode), available: l.available,
        threshold: l.threshold });
      lowList.prepend(h('li', { 'data-testid': 'supplies-low-alert', class: 'low' }, fmt(l.at), ' ', text));
      while (lowList.children.length > 10) lowList.lastChild.remove();
      ctx.toast(text, 'warning');
    }));
    cleanups.push(ctx.events.on('depot.', ev => {
      if (!ev.data || !ev.data.code) return;
      depots.set(ev.data.code, ev.data);
      renderDepots();
    }));
    cleanups.push(ctx.events.on('item.', ev => {
      if (!ev.data || !ev.data.code) return;
      items.set(ev.data.code, ev.data);
      renderStock();
    }));
    cleanups.push(ctx.events.on('supply.requested', ev => {
      if (!ev.data || !ev.data.request) return;
      requests.set(ev.data.request.id, ev.data);
      renderRequestList();
    }));
    cleanups.push(ctx.events.on('supply.committed', ev => {
      const id = ev.data && ev.data.requestId;
      if (!id) return;
      if (shownRequest === id) showRequest(id);
      else if (requests.has(id)) {
        const v = requests.get(id);
        for (const c of ev.data.commitments || []) if (!v.commitments.some(x => x.id === c.id)) v.commitments.push(c);
        if (ev.data.needs) v.needs = ev.data.needs;
      }
    }));
    cleanups.push(ctx.events.on('supply.commitment', ev => { if (ev.data && ev.data.id) applyCommitment(ev.data); }));

    // ------------------------------------------------------------ start
    Promise.all([ctx.api('GET', '/api/supplies/depots'), ctx.api('GET', '/api/supplies/items')]).then(([ds, is]) => {
      if (disposed) return;
      for (const d of ds) depots.set(d.code, d);
      for (const i of is) items.set(i.code, i);
      renderDepots();
      renderRequestForm();
      renderRequestList();
      const first = param && depots.has(decodeURIComponent(param)) ? decodeURIComponent(param)
        : (ds.find(d => ownCity ? d.ownerCity === ownCity : d.level === 'PROVINCE') || ds[0] || {}).code;
      if (first) selectDepot(first);
    }, err => showError(ctx, err));

    return () => {
      disposed = true;
      for (const off of cleanups) { try { off(); } catch (e) { console.warn('unsubscribe', e); } }
    };
  },
};
