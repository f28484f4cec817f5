// Drills (COMMANDER, ADMIN): start a drill of a shipped scenario or of a scenario pasted as JSON (POST /api/drills),
// follow the drills (GET /api/drills, live from drill.* events, the running one read every 2 s for its progress),
// cancel a running one, and read a finished drill's report (GET /api/drills/{id}; docs/drills.md). Starting asks
// for confirmation first, showing what the drill will send (POST /api/drills/preview: its peak reports per second
// above all); only the confirmation starts it.
const POLL_MS = 2000;
const SHIPPED = ['typhoon-fujian'];

export default {
  id: 'drills',
  titleKey: 'nav.drills',
  roles: ['COMMANDER', 'ADMIN'],
  messages: {
    'zh-CN': {
      'nav.drills': '演练', 'drills.title': '演练', 'drills.start': '开始演练', 'drills.scenario': '场景',
      'drills.inline': '粘贴场景（JSON）', 'drills.timeScale': '时间压缩倍数', 'drills.rate': '报告量倍数',
      'drills.list': '演练记录', 'drills.none': '暂无演练', 'drills.state': '状态', 'drills.startedBy': '发起人',
      'drills.startedAt': '开始', 'drills.endedAt': '结束', 'drills.progress': '进度', 'drills.cancel': '中止演练',
      'drills.started': '演练已开始', 'drills.report': '演练报告', 'drills.clean': '无丢失', 'drills.notClean': '有丢失或错误',
      'drills.measure': '测量', 'drills.count': '数量', 'drills.late': '超时（阈值）', 'drills.lost': '丢失',
      'drills.r2c': '报告 → 席位', 'drills.o2c': '指令 → 地市平台', 'drills.o2a': '指令 → 回执', 'drills.w2d': '预警批准 → 渠道送达',
      'drills.sent': '发送统计', 'drills.reports': '事件报告 发送/确认/拒绝', 'drills.orders': '指令 下达/目标/回执',
      'drills.alerts': '部门预警 推送/接收/拒绝', 'drills.warnings': '发布预警 发布/送达', 'drills.supplies': '物资申请 发送/接受/拒绝',
      'drills.lostItems': '丢失项', 'drills.errors': '错误', 'drills.markdown': '下载报告（Markdown）', 'drills.phase': '阶段',
      'drills.badJson': '场景不是有效的 JSON'
    },
    en: {
      'nav.drills': 'Drills', 'drills.title': 'Drills', 'drills.start': 'Start the drill', 'drills.scenario': 'Scenario',
      'drills.inline': 'Paste a scenario (JSON)', 'drills.timeScale': 'Time-scale', 'drills.rate': 'Rate multiplier',
      'drills.list': 'Drills', 'drills.none': 'No drill yet', 'drills.state': 'State', 'drills.startedBy': 'Started by',
      'drills.startedAt': 'Started', 'drills.endedAt': 'Ended', 'drills.progress': 'Progress', 'drills.cancel': 'Cancel the drill',
      'drills.started': 'Drill started', 'drills.report': 'Drill report', 'drills.clean': 'nothing lost',
      'drills.notClean': 'something lost or failed', 'drills.measure': 'Measurement', 'drills.count': 'Count',
      'drills.late': 'Late (threshold)', 'drills.lost': 'Lost', 'drills.r2c': 'Report → console',
      'drills.o2c': 'Order → city platform', 'drills.o2a': 'Order → acknowledgement', 'drills.w2d': 'Warning approved → channel delivery',
      'drills.sent': 'Traffic', 'drills.reports': 'Incident reports sent / acknowledged / refused',
      'drills.orders': 'Orders issued / targets / acknowledged', 'drills.alerts': 'Department alerts pushed / accepted / refused',
      'drills.warnings': 'Hub warnings published / deliveries', 'drills.supplies': 'Supply requests sent / accepted / refused',
      'drills.lostItems': 'Lost', 'drills.errors': 'Errors', 'drills.markdown': 'Download the report (Markdown)', 'drills.phase': 'phase',
      'drills.badJson': 'The scenario is not valid JSON'
    }
  },

  mount(el, ctx, param) {
    const { el: h, t } = ctx;
    const fail = err => ctx.fail(err);
    let disposed = false;
    let selected = param || null;
    const drills = new Map(); // id -> summary, newest first by startedAt

    const scenarioSelect = h('select', { 'data-testid': 'drill-scenario' },
      ...SHIPPED.map(name => h('option', { value: name }, name)), h('option', { value: '' }, t('drills.inline')));
    const inline = h('textarea', { 'data-testid': 'drill-inline', 'aria-label': t('drills.inline'), rows: '8', style: 'width:100%;display:none;font-family:monospace' });
    scenarioSelect.addEventListener('change', () => { inline.style.display = scenarioSelect.value ? 'none' : ''; });
    const timeScale = h('input', { type: 'number', min: '0.1', step: 'any', value: '60', 'data-testid': 'drill-time-scale', style: 'width:6em' });
    // a twentieth of the scenario's rates by default: the shipped typhoon at time-scale 60 peaks at 2,330 reports/s at 1
    const rate = h('input', { type: 'number', min: '0', step: 'any', value: '0.05', 'data-testid': 'drill-rate', style: 'width:6em' });
    const startButton = h('button', { 'data-testid': 'drill-start', 'on:click': start }, t('drills.start'));
    const tbody = h('tbody', { 'data-testid': 'drill-list' });
    const detail = h('div', { 'data-testid': 'drill-detail' });

    el.append(h('h2', {}, t('drills.title')),
      h('div', { class: 'drill-form' },
        h('label', {}, t('drills.scenario') + ' ', scenarioSelect), ' ',
        h('label', {}, t('drills.timeScale') + ' ', timeScale), ' ',
        h('label', {}, t('drills.rate') + ' ', rate), ' ', startButton, inline),
      h('h3', {}, t('drills.list')),
      h('table', { class: 'drill-table' },
        h('thead', {}, h('tr', {}, ...['scenario', 'state', 'startedBy', 'startedAt', 'endedAt', 'progress']
          .map(k => h('th', {}, t('drills.' + k))))), tbody),
      detail);

    // the open confirmation, if any (removed on unmount)
    let confirmation = null;

    function start() {
      let scenario = scenarioSelect.value;
      if (!scenario) {
        try { scenario = JSON.parse(inline.value); } catch (e) { ctx.toast(t('drills.badJson') + ': ' + e.message, 'error'); return; }
      }
      const body = { scenario, timeScale: Number(timeScale.value), rateMultiplier: Number(rate.value) };
      startButton.disabled = true;
      // the hub checks the scenario and works out what it will send; nothing is started yet
      ctx.api('POST', '/api/drills/preview', body).then(plan => {
        if (disposed) return;
        confirm(plan, () => {
          ctx.api('POST', '/api/drills', body).then(drill => {
            startButton.disabled = false;
            ctx.toast(t('drills.started'), 'success');
            drills.set(drill.id, drill);
            select(drill.id);
          }, err => { startButton.disabled = false; fail(err); });
        }, () => { startButton.disabled = false; startButton.focus(); });
      }, err => { startButton.disabled = false; fail(err); });
    }

    function number(value, digits) {
      return new Intl.NumberFormat(ctx.lang, { maximumFractionDigits: digits }).format(value);
    }

    /** A modal dialog with the drill's plan: `onStart` on its start button only; Cancel, Esc and closing do nothing. */
    function confirm(plan, onStart, onCancel) {
      let started = false;
      const cancelButton = h('button', { type: 'button', 'data-testid': 'drill-confirm-cancel', 'on:click': () => dialog.close() },
        t('drills.confirm.cancel'));
      // the hub refuses a scenario with warnings to anyone but a commander (docs/drills.md#exercise-flags): say so here
      const refused = plan.warnings > 0 && !ctx.hasRole('COMMANDER');
      const goButton = h('button', { type: 'button', class: 'primary', 'data-testid': 'drill-confirm-start', disabled: refused,
        'on:click': () => { started = true; dialog.close(); } }, t('drills.confirm.start'));
      const dialog = h('dialog', { class: 'drill-confirm', 'data-testid': 'drill-confirm', 'aria-labelledby': 'drill-confirm-title',
        'data-peak-rate': String(plan.peakReportsPerSecond) },
        h('h3', { id: 'drill-confirm-title' }, t('drills.confirm.title')),
        h('p', {}, (plan.title || plan.scenario) + (plan.title ? ` (${plan.scenario})` : '')),
        h('p', { class: 'drill-confirm-rate', 'data-testid': 'drill-confirm-rate' },
          t('drills.confirm.peak', { rate: number(plan.peakReportsPerSecond, 1) }), ' ',
          h('span', { class: 'muted' }, t('drills.confirm.peakWhen',
            { minute: number(plan.peakScenarioMinute, 1), phase: plan.peakPhase || '' }))),
        h('p', { 'data-testid': 'drill-confirm-length' }, t('drills.confirm.length', {
          minutes: number(plan.wallSeconds / 60, 1), scenarioMinutes: number(plan.scenarioMinutes, 1),
          timeScale: number(plan.timeScale, 2), rateMultiplier: number(plan.rateMultiplier, 4), reports: number(plan.reports, 0) })),
        h('p', {}, t('drills.confirm.steps', { orders: plan.orders, targets: plan.orderTargets, warnings: plan.warnings,
          alerts: plan.departmentAlerts, supplies: plan.supplyRequests })),
        h('p', { class: 'muted' }, t('drills.confirm.exercise')),
        refused ? h('p', { class: 'error', 'data-testid': 'drill-confirm-needs-commander' }, t('drills.confirm.needsCommander')) : null,
        h('div', { class: 'drill-confirm-actions' }, cancelButton, ' ', goButton));
      dialog.addEventListener('close', () => {
        dialog.remove();
        confirmation = null;
        if (started && !disposed) onStart(); else onCancel();
      });
      confirmation = dialog;
      el.append(dialog);
      dialog.showModal();
      // the safe choice has the focus: Enter does not start a drill by accident
      cancelButton.focus();
    }

    function progressText(d) {
      const p = d.progress;
      if (!p) return '';
      const pct = p.scenarioMinutes ? Math.min(100, Math.round(100 * p.scenarioMinute / p.scenarioMinutes)) : 0;
      return `${pct}% · ${t('drills.phase')} ${p.phase} · ${p.reportsAcknowledged}/${p.reportsSent}`;
    }

    function drawList() {
      const list = [...drills.values()].sort((a, b) => (b.startedAt || '').localeCompare(a.startedAt || ''));
      tbody.replaceChildren(...(list.length ? list.map(d => h('tr', { 'data-testid': 'drill-row', 'data-drill-id': d.id,
        'data-state': d.state, class: d.id === selected ? 'selected' : '', style: 'cursor:pointer',
        'on:click': () => select(d.id),
        tabindex: '0', 'on:keydown': e => { if (e.key === 'Enter') select(d.id); } },
        h('td', {}, d.title || d.scenario), h('td', { 'data-testid': 'drill-state' }, ctx.name('drill', d.state)), h('td', {}, d.startedBy),
        h('td', {}, ctx.fmtTime(d.startedAt)), h('td', {}, d.endedAt ? ctx.fmtTime(d.endedAt) : ''),
        h('td', { 'data-testid': 'drill-progress' }, progressText(d))))
        : [h('tr', {}, h('td', { colspan: '6' }, t('drills.none')))]));
    }

    function latencyRow(name, lat, late, lost) {
      const f = v => (v == null ? '' : String(v));
      return h('tr', { 'data-testid': 'drill-measure' }, h('td', {}, name), h('td', {}, f(lat && lat.count)),
        h('td', {}, f(lat && lat.p50Millis)), h('td', {}, f(lat && lat.p90Millis)), h('td', {}, f(lat && lat.p99Millis)),
        h('td', {}, f(lat && lat.maxMillis)), h('td', {}, late), h('td', { class: lost ? 'lost' : '' }, f(lost)));
    }

    function drawReport(d) {
      const r = d.report;
      const clean = r.reports.lost === 0 && r.orders.lost === 0 && r.warnings.lost === 0 && !(r.errors || []).length;
      const lostItems = [...(r.reports.lostReportIds || []), ...(r.orders.lostTargets || []), ...(r.warnings.lostWarnings || [])];
      const md = d.reportMarkdown
        ? h('a', { 'data-testid': 'drill-markdown', download: `drill-${d.id}.md`,
          href: URL.createObjectURL(new Blob([d.reportMarkdown], { type: 'text/markdown' })) }, t('drills.markdown'))
        : '';
      return h('div', { 'data-testid': 'drill-report', 'data-clean': String(clean) },
        h('h3', {}, t('drills.report') + ' · ', h('span', { style: `color:${clean ? '#2e7d32' : '#c62828'}` },
          clean ? '\u2714 ' + t('drills.clean') : '\u2716 ' + t('drills.notClean')), ' ', md),
        h('table', { class: 'drill-table' },
          h('thead', {}, h('tr', {}, h('th', {}, t('drills.measure')), h('th', {}, t('drills.count')),
            h('th', {}, 'p50 ms'), h('th', {}, 'p90 ms'), h('th', {}, 'p99 ms'), h('th', {}, 'max ms'),
            h('th', {}, t('drills.late')), h('th', {}, t('drills.lost')))),
          h('tbody', {},
            latencyRow(t('drills.r2c'), r.reports.toConsole, `${r.reports.late} (${r.reports.thresholdMillis} ms)`, r.reports.lost),
            latencyRow(t('drills.o2c'), r.orders.toCity, '', 0),
            latencyRow(t('drills.o2a'), r.orders.toAcknowledgement, `${r.orders.late} (${r.orders.thresholdMillis} ms)`, r.orders.lost),
            latencyRow(t('drills.w2d'), r.warnings.approvedToDelivery, `${r.warnings.late} (${r.warnings.thresholdMillis} ms)`, r.warnings.lost))),
        h('h4', {}, t('drills.sent')),
        h('table', { class: 'drill-table', 'data-testid': 'drill-traffic' }, h('tbody', {},
          h('tr', { 'data-testid': 'drill-traffic-reports' }, h('td', {}, t('drills.reports')),
            h('td', {}, `${r.reports.sent} / ${r.reports.acknowledged} / ${r.reports.refused}`)),
          h('tr', {}, h('td', {}, t('drills.orders')), h('td', {}, `${r.orders.issued} / ${r.orders.targets} / ${r.orders.acknowledged}`)),
          h('tr', {}, h('td', {}, t('drills.alerts')),
            h('td', {}, `${r.departmentAlerts.pushed} / ${r.departmentAlerts.accepted} / ${r.departmentAlerts.refused}`)),
          h('tr', {}, h('td', {}, t('drills.warnings')), h('td', {}, `${r.warnings.published} / ${r.warnings.deliveries}`)),
          h('tr', {}, h('td', {}, t('drills.supplies')),
            h('td', {}, `${r.supplyRequests.sent} / ${r.supplyRequests.accepted} / ${r.supplyRequests.refused}`)))),
        lostItems.length ? h('div', {}, h('h4', {}, t('drills.lostItems')), h('ul', { 'data-testid': 'drill-lost' }, ...lostItems.map(i => h('li', {}, i)))) : '',
        (r.errors || []).length ? h('div', {}, h('h4', {}, t('drills.errors')), h('ul', { 'data-testid': 'drill-errors' }, ...r.errors.map(e => h('li', {}, e)))) : '');
    }

    function drawDetail(d) {
      if (!d) { detail.replaceChildren(); return; }
      detail.replaceChildren(h('div', { 'data-testid': 'drill-selected', 'data-drill-id': d.id, 'data-state': d.state },
        h('h3', {}, (d.title || d.scenario) + ' · ' + ctx.name('drill', d.state)),
        h('p', {}, `${t('drills.timeScale')} ${d.timeScale} · ${t('drills.rate')} ${d.rateMultiplier} · ${progressText(d)}`),
        d.state === 'RUNNING' ? h('button', { 'data-testid': 'drill-cancel', 'on:click': () => cancel(d.id) }, t('drills.cancel')) : '',
        d.error ? h('p', { 'data-testid': 'drill-error', class: 'error' }, d.error) : '',
        d.report ? drawReport(d) : ''));
    }

    let reading = false;
    function readSelected() {
      if (!selected || reading || disposed) return;
      reading = true;
      const id = selected;
      ctx.api('GET', '/api/drills/' + id).then(d => {
        reading = false;
        if (disposed || id !== selected) return;
        drills.set(d.id, Object.assign({}, d, { report: null, reportMarkdown: null }));
        drawList();
        drawDetail(d);
      }, err => { reading = false; fail(err); });
    }

    function select(id) {
      selected = id;
      drawList();
      readSelected();
    }

    function cancel(id) {
      ctx.api('POST', `/api/drills/${id}/cancel`).then(() => readSelected(), fail);
    }

    function loadList() {
      return ctx.api('GET', '/api/drills').then(list => {
        if (disposed) return;
        for (const d of list) drills.set(d.id, d);
        drawList();
      }, fail);
    }

    const off = ctx.events.on('drill.', ev => {
      const id = ev.data && (ev.data.id || ev.data.drillId);
      loadList().then(() => { if (id && id === selected) readSelected(); });
    });
    const timer = setInterval(() => {
      const d = selected && drills.get(selected);
      if (d && d.state === 'RUNNING') readSelected();
    }, POLL_MS);
    loadList().then(() => {
      if (!selected && drills.size) selected = [...drills.values()].sort((a, b) => (b.startedAt || '').localeCompare(a.startedAt || ''))[0].id;
      if (selected) select(selected);
    });

    return () => { disposed = true; clearInterval(timer); off(); if (confirmation) confirmation.close(); };
  }
};
