// Incident detail (#/incidents/<id>): the record, its timeline, officers' actions, orders and acknowledgements,
// situation reports, supply requests and their commitments and video, all kept live from the shared event stream.
import { countyName, platformName } from '../map.js';
import { assigneePicker, mergePicker, videoTools } from '../incident-tools.js';

const NEXT = {
  REPORTED: ['VERIFIED', 'MERGED', 'DISMISSED'], VERIFIED: ['RESPONDING', 'MERGED', 'DISMISSED'],
  RESPONDING: ['CONTAINED', 'MERGED', 'DISMISSED'], CONTAINED: ['CLOSED', 'MERGED', 'DISMISSED']
};

export default {
  id: 'incidents',
  titleKey: 'nav.incident',
  roles: ['DUTY_OFFICER', 'COMMANDER', 'ADMIN'],
  hidden: true, // reached from the board's rows, not from the navigation
  messages: {
    'zh-CN': {
      'nav.incident': '事件详情', 'incident.none': '未指定事件', 'incident.status': '状态', 'incident.level': '等级',
      'incident.area': '地区', 'incident.assignee': '负责人', 'incident.occurred': '发生时间', 'incident.version': '版本',
      'incident.exercise': '演练', 'incident.timeline': '时间线', 'incident.actions': '处置', 'incident.reason': '理由',
      'incident.mergedInto': '并入事件编号', 'incident.setStatus': '变更状态', 'incident.setLevel': '调整等级',
      'incident.assign': '指派', 'incident.note': '备注', 'incident.addNote': '添加备注', 'incident.orders': '指令与回执',
      'incident.noOrders': '暂无指令', 'incident.deadline': '时限', 'incident.overdue': '已超时', 'incident.noAck': '未回执',
      'incident.sitreps': '态势报告', 'incident.noSitreps': '暂无报告', 'incident.supplies': '物资申请与调拨',
      'incident.noSupplies': '暂无该事件的物资申请', 'incident.needMet': '已满足', 'incident.needOpen': '待调拨',
      'incident.needLine': '{item}：申请 {requested}，已调拨 {committed}，已送达 {delivered}，尚缺 {remaining}', 'incident.video': '视频', 'incident.noVideo': '暂无调度视频',
      'incident.play': '播放', 'incident.done': '已提交', 'incident.back': '返回事件列表'
    },
    en: {
      'nav.incident': 'Incident', 'incident.none': 'No incident given', 'incident.status': 'Status', 'incident.level': 'Level',
      'incident.area': 'Area', 'incident.assignee': 'Assignee', 'incident.occurred': 'Occurred', 'incident.version': 'Version',
      'incident.exercise': 'Exercise', 'incident.timeline': 'Timeline', 'incident.actions': 'Actions', 'incident.reason': 'Reason',
      'incident.mergedInto': 'Merge into incident id', 'incident.setStatus': 'Change status', 'incident.setLevel': 'Change level',
      'incident.assign': 'Assign', 'incident.note': 'Note', 'incident.addNote': 'Add note', 'incident.orders': 'Orders and acknowledgements',
      'incident.noOrders': 'No orders', 'incident.deadline': 'Deadline', 'incident.overdue': 'overdue', 'incident.noAck': 'no acknowledgement',
      'incident.sitreps': 'Situation reports', 'incident.noSitreps': 'No reports', 'incident.supplies': 'Supply requests and commitments',
      'incident.noSupplies': 'No supply requests for this incident', 'incident.needMet': 'met', 'incident.needOpen': 'open',
      'incident.needLine': '{item}: requested {requested}, committed {committed}, delivered {delivered}, remaining {remaining}',
      'incident.video': 'Video',
      'incident.noVideo': 'No video dispatched', 'incident.play': 'Play', 'incident.done': 'Done', 'incident.back': 'Back to the board'
    }
  },

  mount(el, ctx, id) {
    const { el: h, t } = ctx;
    if (!id) { el.append(h('p', { 'data-testid': 'incident-none' }, t('incident.none'))); return () => {}; }
    const fail = ctx.fail;
    const officer = ctx.hasRole('DUTY_OFFICER', 'COMMANDER');
    // the pickers and video tools (../incident-tools.js), for duty officers and commanders
    const picker = officer ? assigneePicker(ctx, username => post('/assignment', { assignee: username,
      expectedVersion: incident && incident.version })) : null;
    const video = officer ? videoTools(ctx, () => incident, d => { dispatches.set(d.id, d); drawVideo(); }) : null;
    const post = (path, body, after) => ctx.api('POST', '/api/incidents/' + id + path, body)
      .then(r => { ctx.toast(t('incident.done'), 'info'); if (after) after(r); return true; }, err => { fail(err); return false; });
    const offs = [];
    let incident = null;
    let lastTimelineSeq = 0;
    let statusSel = null;
    let timelineLoading = null;
    const orders = new Map();      // id -> OrderView
    const requests = new Map();    // supply request id -> RequestView
    let suppliesLoading = null;    // while the incident's requests are read: ids changed meanwhile, read again after
    const dispatches = new Map();  // id -> VideoDispatch.View
    const sitreps = new Map();     // id -> Sitrep
    const items = new Map();       // supply item code -> SupplyItem (the catalogue), for the items' names
    const itemName = (code, other) => { const i = code && items.get(code); return i ? (ctx.lang === 'en' ? i.nameEn : i.nameZh) : (code || other); };

    const header = h('div', { class: 'incident-header', 'data-testid': 'incident-header' });
    const timeline = h('ol', { class: 'incident-timeline', 'data-testid': 'incident-timeline' });
    const ordersEl = h('div', { 'data-testid': 'incident-orders' });
    const sitrepsEl = h('div', { 'data-testid': 'incident-sitreps' });
    const suppliesEl = h('div', { 'data-testid': 'incident-supplies' });
    const videoEl = h('div', { 'data-testid': 'incident-video' });
    const section = (key, body) => h('section', { class: 'incident-section' }, h('h3', {}, t(key)), body);

    el.append(h('p', {}, h('a', { href: '#/board', 'data-testid': 'incident-back' }, '\u2190 ' + t('incident.back')),
      ctx.hasRole('COMMANDER') ? h('a', { href: '#/orders/new/' + encodeURIComponent(id), class: 'button', 'data-testid': 'incident-issue-order' }, t('orders.issueForIncident')) : ''),
      header, officer ? section('incident.actions', actions()) : '',
      section('incident.timeline', timeline), section('incident.orders', ordersEl),
      section('incident.sitreps', sitrepsEl), section('incident.supplies', suppliesEl),
      section('incident.video', h('div', {}, videoEl, video ? video.element : '')));

    // ---- record
    function drawHeader() {
      const i = incident;
      header.replaceChildren(
        h('h2', { 'data-testid': 'incident-title' },
          h('span', { 'data-testid': 'incident-level', 'data-level': i.level,
            class: 'level-badge level-' + i.level, title: t('level.' + i.level),
            style: `background:${ctx.levelColour(i.level)};padding:0 .4em;border-radius:3px;margin-right:.5em` }, i.level),
          i.title, i.exercise ? h('small', {}, ' [' + t('incident.exercise') + ']') : ''),
        h('dl', { class: 'incident-facts', style: 'display:grid;grid-template-columns:max-content 1fr;gap:2px 12px' },
          h('dt', {}, t('incident.status')), h('dd', { style: 'margin:0', 'data-testid': 'incident-status', 'data-status': i.status }, t('status.' + i.status)),
          h('dt', {}, t('incident.area')), h('dd', { style: 'margin:0' }, platformName(i.cityCode, ctx.lang) + ' / ' + countyName(i.countyCode, ctx.lang)),
          h('dt', {}, t('incident.occurred')), h('dd', { style: 'margin:0' }, ctx.fmtTime(i.occurredAt)),
          h('dt', {}, t('incident.assignee')), h('dd', { style: 'margin:0', 'data-testid': 'incident-assignee' }, i.assignee || '–'),
          h('dt', {}, t('incident.version')), h('dd', { style: 'margin:0', 'data-testid': 'incident-version' }, String(i.version))),
        i.description ? h('p', {}, i.description) : '');
      if (statusSel) {
        // a merge is chosen in the merge picker, not typed
        statusSel.replaceChildren(...(NEXT[i.status] || []).filter(s => s !== 'MERGED').map(s => h('option', { value: s }, t('status.' + s))));
      }
      if (picker) picker.refresh(i);
      if (video) video.refresh();
    }
    const loadIncident = () => ctx.api('GET', '/api/incidents/' + id).then(i => { incident = i; drawHeader(); }, fail);

    // ---- actions
    function actions() {
      statusSel = h('select', { 'data-testid': 'incident-status-select', 'aria-label': t('incident.setStatus') });
      const reason = h('input', { 'data-testid': 'incident-status-reason', placeholder: t('incident.reason'), 'aria-label': t('incident.reason') });
      const levelSel = h('select', { 'data-testid': 'incident-level-select', 'aria-label': t('incident.setLevel') }, ...['I', 'II', 'III', 'IV'].map(l => h('option', { value: l }, t('level.' + l))));
      const levelReason = h('input', { 'data-testid': 'incident-level-reason', placeholder: t('incident.reason'), 'aria-label': t('incident.reason') });
      const note = h('textarea', { 'data-testid': 'incident-note-text', rows: 2, placeholder: t('incident.note'), 'aria-label': t('incident.note') });
      return h('div', { class: 'incident-actions' },
        h('div', {}, statusSel, reason, h('button', { 'data-testid': 'incident-status-submit', 'on:click': () => {
          const body = { status: statusSel.value, expectedVersion: incident && incident.version };
          if (reason.value.trim()) body.reason = reason.value.trim();
          post('/status', body, () => { reason.value = ''; });
        } }, t('incident.setStatus'))),
        h('div', {}, levelSel, levelReason, h('button', { 'data-testid': 'incident-level-submit', 'on:click': () =>
          post('/level', { level: levelSel.value, reason: levelReason.value.trim(), expectedVersion: incident && incident.version },
            () => { levelReason.value = ''; }) }, t('incident.setLevel'))),
        h('div', {}, picker.element),
        h('div', {}, mergePicker(ctx, () => incident, (into, why) => post('/status', { status: 'MERGED', mergedInto: into,
          reason: why || undefined, expectedVersion: incident && incident.version }))),
        h('div', {}, note, h('button', { 'data-testid': 'incident-note-submit', 'on:click': () =>
          post('/notes', { text: note.value }, () => { note.value = ''; }) }, t('incident.addNote'))));
    }

    // ---- timeline
    function describe(e) {
      const d = e.data || {};
      switch (e.type) {
        case 'incident.reported': {
          const source = d.source && typeof d.source === 'object' ? d.source.kind : d.source;
          return source ? '(' + t('source.' + source) + ')' : '';
        }
        case 'incident.status-changed': return `${t('status.' + d.previousStatus)} \u2192 ${t('status.' + d.status)}` + (d.reason ? ': ' + d.reason : '');
        case 'incident.level-changed': return `${t('level.' + d.previousLevel)} \u2192 ${t('level.' + d.level)}: ${d.reason || ''}`;
        case 'incident.assigned': return '\u2192 ' + d.assignee;
        case 'incident.note-added': return d.text;
        case 'incident.duplicate-suspected': return (d.candidates || []).map(c => String((c && typeof c === 'object' ? c.id || c.incidentId : c) || '').slice(0, 8)).join(', ');
        default: return '';
      }
    }
    function loadTimeline() {
      // one reader at a time; events arriving meanwhile trigger one more read
      if (timelineLoading) { timelineLoading.again = true; return; }
      timelineLoading = { again: false };
      ctx.api('GET', `/api/incidents/${id}/timeline?after=${lastTimelineSeq}&limit=500`).then(list => {
        for (const e of list) {
          if (e.seq <= lastTimelineSeq) continue;
          lastTimelineSeq = e.seq;
          timeline.append(h('li', { 'data-testid': 'incident-timeline-entry', 'data-type': e.type, 'data-seq': String(e.seq) },
            h('time', {}, ctx.fmtTime(e.at)), ' ', h('b', {}, ctx.name('event', e.type)), ' ',
            h('span', { class: 'by', title: e.by }, ctx.who(e.by)), ' ', h('span', {}, describe(e))));
        }
        const again = timelineLoading.again;
        timelineLoading = null;
        if (again || list.length === 500) loadTimeline();
      }, err => { timelineLoading = null; fail(err); });
    }

    // ---- orders
    function drawOrders() {
      if (!orders.size) { ordersEl.replaceChildren(h('p', {}, t('incident.noOrders'))); return; }
      ordersEl.replaceChildren(...[...orders.values()].map(o => h('div', { class: 'order', 'data-testid': 'incident-order', 'data-order-id': o.id },
        h('div', {}, h('b', {}, o.ref), ' ', o.text, ' \u00b7 ', t('incident.deadline') + ' ' + ctx.fmtTime(o.deadline), ' \u00b7 ', o.issuedBy),
        h('ul', {}, ...(o.targets || []).map(tg => h('li', { 'data-testid': 'incident-order-target', 'data-city': tg.cityCode,
          'data-state': tg.state || 'NONE', 'data-overdue': tg.overdueAt ? 'true' : 'false' },
          platformName(tg.cityCode, ctx.lang) + ': ', tg.state ? ctx.name('ack', tg.state) : t('incident.noAck'),
          tg.acknowledgedAt ? ' (' + ctx.fmtTime(tg.acknowledgedAt) + ')' : '',
          tg.overdueAt ? h('b', { class: 'overdue' }, ' ' + t('incident.overdue')) : '',
          ...(tg.acknowledgements || []).filter(a => a.reason).map(a => h('div', { class: 'ack-reason' }, ctx.name('ack', a.state) + ': ' + a.reason))))))));
    }
    const loadOrder = oid => ctx.api('GET', '/api/orders/' + oid).then(o => { orders.set(o.id, o); drawOrders(); }, fail);
    const loadOrders = () => ctx.api('GET', `/api/orders?incident=${id}&size=200`).then(page => {
      for (const o of page.orders || []) loadOrder(o.id);
      drawOrders();
    }, fail);

    // ---- situation reports
    const sitrepValue = (k, v) => k === 'severity' ? ctx.name('severityName', v) : k === 'trend' ? ctx.name('trend', v)
      : k === 'observedAt' ? ctx.fmtTime(v) : typeof v === 'object' ? JSON.stringify(v) : v;
    function drawSitreps() {
      if (!sitreps.size) { sitrepsEl.replaceChildren(h('p', {}, t('incident.noSitreps'))); return; }
      const list = [...sitreps.values()].sort((a, b) => a.reportedAt < b.reportedAt ? -1 : a.reportedAt > b.reportedAt ? 1 : 0);
      sitrepsEl.replaceChildren(...list.map(s => h('div', { class: 'sitrep', 'data-testid': 'incident-sitrep', 'data-kind': s.kind },
        h('b', {}, ctx.name('sitrep', s.kind)), ' ', ctx.fmtTime(s.reportedAt), ' \u00b7 ', platformName(s.source, ctx.lang),
        h('div', { class: 'sitrep-content' }, Object.entries(s.content || {})
          .filter(([, v]) => v !== null && v !== '').map(([k, v]) => ctx.name('sitrepField', k) + ': ' + sitrepValue(k, v)).join(' \u00b7 ')))));
    }

    // ---- supplies: the requests naming the incident, read by incident when the page opens, then kept live
    function drawSupplies() {
      if (!requests.size) { suppliesEl.replaceChildren(h('p', { 'data-testid': 'incident-no-supplies' }, t('incident.noSupplies'))); return; }
      const list = [...requests.values()].sort((a, b) => a.request.requestedAt < b.request.requestedAt ? -1
        : a.request.requestedAt > b.request.requestedAt ? 1 : 0);
      suppliesEl.replaceChildren(...list.map(rv => {
        const met = (rv.needs || []).every(n => n.remaining === 0);
        return h('div', { class: 'supply-request', 'data-testid': 'incident-supply-request', 'data-request-id': rv.request.id,
          'data-met': String(met) },
        h('b', {}, rv.request.messageId), ' ', platformName(rv.request.cityCode, ctx.lang), ' \u00b7 ',
        ctx.fmtTime(rv.request.requestedAt), ' \u00b7 ', h('span', { class: met ? 'need-met' : 'need-open' },
          t(met ? 'incident.needMet' : 'incident.needOpen')),
        h('ul', {}, ...(rv.needs || []).map(n => h('li', { 'data-testid': 'incident-supply-need', 'data-line': String(n.lineNo),
          'data-remaining': String(n.remaining) }, t('incident.needLine', { item: itemName(n.itemCode, n.resourceName),
          requested: n.requested, committed: n.committed, delivered: n.delivered, remaining: n.remaining })))),
        h('ul', {}, ...(rv.commitments || []).map(c => h('li', { 'data-testid': 'incident-commitment', 'data-status': c.status,
          'data-depot': c.depotCode || '' },
          `${itemName(c.itemCode, c.resourceName)} \u00d7${c.quantity} @ ${c.depotCode || c.provider}: ${ctx.name('commitment', c.status)}`))));
      }));
    }
    const loadRequest = rid => ctx.api('GET', '/api/supplies/requests/' + rid).then(rv => { requests.set(rv.request.id, rv); drawSupplies(); }, fail);
    // every page of GET /api/supplies/requests?incident=; a request changed while reading is read once more after
    function loadSupplies(before) {
      if (!before) suppliesLoading = new Set();
      const q = `/api/supplies/requests?incident=${encodeURIComponent(id)}&size=200` + (before ? '&before=' + before : '');
      ctx.api('GET', q).then(page => {
        for (const rv of page.items || []) if (!requests.has(rv.request.id)) requests.set(rv.request.id, rv);
        if (page.next) { loadSupplies(page.next); return; }
        const changed = suppliesLoading;
        suppliesLoading = null;
        drawSupplies();
        for (const rid of changed) if (requests.has(rid)) loadRequest(rid);
      }, err => { suppliesLoading = null; drawSupplies(); fail(err); });
    }

    // ---- video
    function drawVideo() {
      if (!dispatches.size) { videoEl.replaceChildren(h('p', {}, t('incident.noVideo'))); return; }
      videoEl.replaceChildren(...[...dispatches.values()].map(d => h('div', { 'data-testid': 'incident-dispatch', 'data-dispatch-id': d.id, 'data-status': d.status },
        h('b', {}, d.source && d.source.name), ' ', d.source && d.source.protocol, ' \u00b7 ', d.status, ' \u00b7 ', d.dispatchedBy,
        d.note ? ' \u00b7 ' + d.note : '',
        d.status === 'ACTIVE' ? h('button', { 'data-testid': 'incident-dispatch-play', 'on:click': () =>
          ctx.api('POST', `/api/video/dispatches/${d.id}/playback`).then(g => window.open(g.playbackUrl, '_blank'), fail) }, t('incident.play')) : '')));
    }

    // ---- live
    offs.push(ctx.events.on('incident.', ev => {
      if (ev.subjectId !== id && !(ev.data && ev.data.id === id)) return;
      loadTimeline();
      if (ev.type !== 'incident.note-added') loadIncident();
    }));
    offs.push(ctx.events.on('order.', ev => {
      const d = ev.data || {};
      if (ev.type === 'order.issued' && d.incidentId === id) loadOrder(d.id);
      else if (orders.has(d.orderId)) loadOrder(d.orderId);
    }));
    offs.push(ctx.events.on('sitrep.submitted', ev => {
      if (ev.data && ev.data.incidentId === id) { sitreps.set(ev.data.id, ev.data); drawSitreps(); }
    }));
    offs.push(ctx.events.on('supply.', ev => {
      const d = ev.data || {};
      if (ev.type === 'supply.requested' && d.request && (d.request.incidentId || '').toLowerCase() === id.toLowerCase()) {
        // a list read meanwhile may already hold it as it stands now, with later commitments
        if (!requests.has(d.request.id)) { requests.set(d.request.id, d); drawSupplies(); }
      } else if (d.requestId) {
        if (suppliesLoading) suppliesLoading.add(d.requestId);
        if (requests.has(d.requestId)) loadRequest(d.requestId);
      }
    }));
    offs.push(ctx.events.on('video.', ev => {
      const d = ev.data || {};
      if ((ev.type === 'video.dispatched' || ev.type === 'video.withdrawn') && d.incidentId === id) { dispatches.set(d.id, d); drawVideo(); }
    }));

    loadIncident();
    loadTimeline();
    loadOrders();
    ctx.api('GET', `/api/incidents/${id}/sitreps`).then(list => {
      for (const s of list) if (!sitreps.has(s.id)) sitreps.set(s.id, s);
      drawSitreps();
    }, fail);
    ctx.api('GET', '/api/video/dispatches?incidentId=' + encodeURIComponent(id)).then(list => {
      for (const d of list) if (!dispatches.has(d.id)) dispatches.set(d.id, d);
      drawVideo();
    }, fail);
    loadSupplies();
    ctx.api('GET', '/api/supplies/items').then(list => {
      for (const i of list || []) items.set(i.code, i);
      if (requests.size) drawSupplies();
    }, fail);

    return () => { offs.forEach(off => off()); if (video) video.dispose(); };
  }
};
