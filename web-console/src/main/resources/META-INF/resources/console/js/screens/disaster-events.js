// Disaster events and responses (docs/disaster-events.md, docs/web-console.md#disaster-events-screen): the active
// responses province-wide at the top (GET /api/disaster-responses), the list of events (GET /api/disaster-events),
// a commander's form to open one, and an event's page (GET /api/disaster-events/{id}): its response with the
// commander's activate / raise / lower / end (each with a reason, after a confirmation), its counts, its members
// with add / take out, its responses' signed changes, and its timeline (GET .../timeline), kept live from the
// disaster-event.* and disaster-response.* events of the shared stream.
import { CITY_CODES } from '../i18n.js';

const LEVELS = ['RESPONSE_IV', 'RESPONSE_III', 'RESPONSE_II', 'RESPONSE_I'];
const KINDS = ['INCIDENT', 'WARNING', 'ORDER', 'SITREP', 'SUPPLY_REQUEST'];
const CATEGORIES = ['1201', '1202', '1101', '1103', '1301', '1402', '1701', '1501'];
const LEVEL_COLOURS = { RESPONSE_I: '#d7263d', RESPONSE_II: '#f28c28', RESPONSE_III: '#f2c318', RESPONSE_IV: '#1e6fd9' };
const TIMELINE_SIZE = 50;

export default {
  id: 'disaster-events',
  titleKey: 'nav.disaster-events',
  roles: ['DUTY_OFFICER', 'COMMANDER', 'ADMIN'],
  messages: {
    'zh-CN': {
      'devents.category.1201': '台风', 'devents.category.1202': '暴雨', 'devents.category.1101': '洪水',
      'devents.category.1103': '山洪', 'devents.category.1301': '地震', 'devents.category.1402': '滑坡',
      'devents.category.1701': '森林火灾', 'devents.category.1501': '风暴潮',
      'nav.disaster-events': '灾害事件', 'devents.title': '灾害事件', 'devents.active': '正在实施的应急响应',
      'devents.noActive': '当前没有实施中的应急响应', 'devents.new': '新建灾害事件', 'devents.empty': '没有灾害事件',
      'devents.realOnly': '只看真实事件（隐藏演练）', 'devents.exercise': '演练', 'devents.open': '进行中', 'devents.closed': '已结束',
      'devents.col.name': '名称', 'devents.col.category': '类别', 'devents.col.cities': '涉及地市', 'devents.col.span': '时间',
      'devents.col.state': '状态', 'devents.col.response': '响应', 'devents.more': '更多',
      'devents.level.RESPONSE_I': 'Ⅰ级响应', 'devents.level.RESPONSE_II': 'Ⅱ级响应', 'devents.level.RESPONSE_III': 'Ⅲ级响应',
      'devents.level.RESPONSE_IV': 'Ⅳ级响应', 'devents.since': '自 {time}',
      'devents.form.category': '类别（GB/T 35561）', 'devents.form.nameZh': '名称（中文）', 'devents.form.nameEn': '名称（英文，可选）',
      'devents.form.cities': '涉及地市', 'devents.form.exercise': '演练事件', 'devents.form.submit': '新建', 'devents.form.cancel': '取消',
      'devents.form.needName': '请填写事件名称', 'devents.form.needCity': '请至少选择一个地市', 'devents.opened': '灾害事件已新建',
      'devents.back': '返回灾害事件列表', 'devents.response': '应急响应', 'devents.noResponse': '未启动应急响应',
      'devents.response.level': '响应级别', 'devents.response.reason': '理由（必填）',
      'devents.action.ACTIVATED': '启动', 'devents.action.RAISED': '提升', 'devents.action.LOWERED': '降低', 'devents.action.ENDED': '终止',
      'devents.do.activate': '启动响应…', 'devents.do.raise': '提升响应…', 'devents.do.lower': '降低响应…', 'devents.do.end': '终止响应…',
      'devents.onlyCommander': '只有指挥长可以启动、调整和终止应急响应', 'devents.needReason': '请填写理由',
      'devents.confirm.title': '确认{action}应急响应', 'devents.confirm.event': '事件', 'devents.confirm.level': '级别',
      'devents.confirm.reason': '理由', 'devents.confirm.go': '确认', 'devents.confirm.cancel': '取消',
      'devents.confirm.real': '这是真实事件：变更将签名并记入日志，Ⅰ/Ⅱ级将报送国家平台', 'devents.confirm.exercise': '这是演练事件',
      'devents.changed': '应急响应已{action}', 'devents.counts': '概况', 'devents.count.incidents': '事件 {n}',
      'devents.count.warnings': '预警 {n}（生效 {inForce}）', 'devents.count.orders': '指令 {n}（回执 {answered}/{targets}，超时 {overdue}）',
      'devents.count.sitreps': '情况报告 {n}', 'devents.count.supplies': '物资需求 {n}',
      'devents.members': '成员', 'devents.member.kind': '类型', 'devents.member.id': '编号', 'devents.member.how': '加入方式',
      'devents.member.byRule': '按规则自动加入', 'devents.member.byHand': '{who} 手动加入', 'devents.member.removed': '已移出（{who}：{reason}）',
      'devents.member.remove': '移出…', 'devents.member.add': '加入', 'devents.member.reason': '理由',
      'devents.member.removeTitle': '移出成员', 'devents.member.removeGo': '移出', 'devents.member.added': '已加入', 'devents.member.removedToast': '已移出',
      'devents.kind.INCIDENT': '突发事件', 'devents.kind.WARNING': '预警', 'devents.kind.ORDER': '指令', 'devents.kind.SITREP': '情况报告',
      'devents.kind.SUPPLY_REQUEST': '物资需求', 'devents.tasks': '待办任务', 'devents.noTasks': '暂无任务（预案任务尚未启用）',
      'devents.history': '响应记录', 'devents.signed': '已签名', 'devents.timeline': '时间线', 'devents.noTimeline': '暂无记录',
      'devents.close': '结束事件…', 'devents.closeTitle': '结束灾害事件', 'devents.closedToast': '灾害事件已结束',
      'error.REASON_REQUIRED.reason': '请填写理由'
    },
    en: {
      'devents.category.1201': 'Typhoon', 'devents.category.1202': 'Rainstorm', 'devents.category.1101': 'Flood',
      'devents.category.1103': 'Flash flood', 'devents.category.1301': 'Earthquake', 'devents.category.1402': 'Landslide',
      'devents.category.1701': 'Forest fire', 'devents.category.1501': 'Storm surge',
      'nav.disaster-events': 'Disaster events', 'devents.title': 'Disaster events', 'devents.active': 'Responses in force',
      'devents.noActive': 'No response is in force', 'devents.new': 'Open a disaster event', 'devents.empty': 'No disaster event',
      'devents.realOnly': 'real events only (hide drills)', 'devents.exercise': 'drill', 'devents.open': 'open', 'devents.closed': 'closed',
      'devents.col.name': 'Name', 'devents.col.category': 'Category', 'devents.col.cities': 'Cities', 'devents.col.span': 'Time',
      'devents.col.state': 'State', 'devents.col.response': 'Response', 'devents.more': 'More',
      'devents.level.RESPONSE_I': 'Level Ⅰ response', 'devents.level.RESPONSE_II': 'Level Ⅱ response',
      'devents.level.RESPONSE_III': 'Level Ⅲ response', 'devents.level.RESPONSE_IV': 'Level Ⅳ response', 'devents.since': 'since {time}',
      'devents.form.category': 'Category (GB/T 35561)', 'devents.form.nameZh': 'Name (Chinese)', 'devents.form.nameEn': 'Name (English, optional)',
      'devents.form.cities': 'Cities concerned', 'devents.form.exercise': 'Drill event', 'devents.form.submit': 'Open', 'devents.form.cancel': 'Cancel',
      'devents.form.needName': 'Enter the event\'s name', 'devents.form.needCity': 'Choose at least one city', 'devents.opened': 'Disaster event opened',
      'devents.back': 'Back to the disaster events', 'devents.response': 'Emergency response', 'devents.noResponse': 'No response activated',
      'devents.response.level': 'Response level', 'devents.response.reason': 'Reason (required)',
      'devents.action.ACTIVATED': 'activated', 'devents.action.RAISED': 'raised', 'devents.action.LOWERED': 'lowered', 'devents.action.ENDED': 'ended',
      'devents.do.activate': 'Activate…', 'devents.do.raise': 'Raise…', 'devents.do.lower': 'Lower…', 'devents.do.end': 'End…',
      'devents.onlyCommander': 'Only a commander activates, changes and ends responses', 'devents.needReason': 'Enter a reason',
      'devents.confirm.title': 'Response to be {action}', 'devents.confirm.event': 'Event', 'devents.confirm.level': 'Level',
      'devents.confirm.reason': 'Reason', 'devents.confirm.go': 'Confirm', 'devents.confirm.cancel': 'Cancel',
      'devents.confirm.real': 'This is a real event: the change is signed and logged; levels Ⅰ/Ⅱ are reported to the national platform',
      'devents.confirm.exercise': 'This is a drill event',
      'devents.changed': 'Response {action}', 'devents.counts': 'At a glance', 'devents.count.incidents': '{n} incidents',
      'devents.count.warnings': '{n} warnings ({inForce} in force)', 'devents.count.orders': '{n} orders ({answered}/{targets} answered, {overdue} overdue)',
      'devents.count.sitreps': '{n} situation reports', 'devents.count.supplies': '{n} supply requests',
      'devents.members': 'Members', 'devents.member.kind': 'Kind', 'devents.member.id': 'Id', 'devents.member.how': 'Joined',
      'devents.member.byRule': 'by rule', 'devents.member.byHand': 'added by {who}', 'devents.member.removed': 'taken out ({who}: {reason})',
      'devents.member.remove': 'Take out…', 'devents.member.add': 'Add', 'devents.member.reason': 'Reason',
      'devents.member.removeTitle': 'Take out a member', 'devents.member.removeGo': 'Take out', 'devents.member.added': 'Added',
      'devents.member.removedToast': 'Taken out',
      'devents.kind.INCIDENT': 'Incident', 'devents.kind.WARNING': 'Warning', 'devents.kind.ORDER': 'Order', 'devents.kind.SITREP': 'Situation report',
      'devents.kind.SUPPLY_REQUEST': 'Supply request', 'devents.tasks': 'Open tasks', 'devents.noTasks': 'No tasks (plan tasks are not in use yet)',
      'devents.history': 'Response history', 'devents.signed': 'signed', 'devents.timeline': 'Timeline', 'devents.noTimeline': 'Nothing yet',
      'devents.close': 'Close the event…', 'devents.closeTitle': 'Close the disaster event', 'devents.closedToast': 'Disaster event closed',
      'error.REASON_REQUIRED.reason': 'Enter a reason'
    }
  },

  mount(el, ctx, param) {
    const { el: h, t } = ctx;
    let disposed = false;
    const cleanups = [];
    const cityName = code => t('city.' + code);
    const levelName = level => t('devents.level.' + level);
    const levelBadge = (level, testid) => {
      const badge = h('span', { class: 'devents-level', 'data-testid': testid, 'data-level': level }, levelName(level));
      badge.style.background = LEVEL_COLOURS[level] || '#888';
      return badge;
    };
    // the shell names classes and sub-categories; the kinds an event is usually opened for are named here
    const categoryName = code => CATEGORIES.includes(code) ? t('devents.category.' + code)
      : code.length === 4 ? t('category.' + code.slice(0, 2)) + ' ' + code : t('category.' + code);
    const eventName = e => (ctx.lang === 'en' && e.nameEn) ? e.nameEn : e.nameZh;
    const exerciseTag = e => e.exercise ? h('span', { class: 'tag exercise', 'data-testid': 'disaster-events-exercise' }, t('devents.exercise')) : null;

    function dialog(testid, title, body, goLabel, onGo) {
      let go = false;
      const cancel = h('button', { type: 'button', class: 'secondary', 'data-testid': testid + '-cancel', 'on:click': () => d.close() },
        t('devents.confirm.cancel'));
      const ok = h('button', { type: 'button', 'data-testid': testid + '-go', 'on:click': () => { go = true; d.close(); } }, goLabel);
      const d = h('dialog', { class: 'devents-dialog', 'data-testid': testid }, h('h3', {}, title), body,
        h('div', { class: 'orders-confirm-actions' }, cancel, ok));
      d.addEventListener('close', () => { d.remove(); if (go && !disposed) onGo(); });
      cleanups.push(() => { if (d.open) d.close(); });
      el.append(d);
      d.showModal();
      cancel.focus();
    }

    const activePanel = h('section', { class: 'devents-active', 'data-testid': 'disaster-events-active' });
    function loadActive() {
      ctx.api('GET', '/api/disaster-responses').then(answer => {
        if (disposed) return;
        const rows = answer.responses || [];
        activePanel.replaceChildren(h('h3', {}, t('devents.active')), rows.length
          ? h('ul', { class: 'devents-active-list' }, rows.map(r => h('li', {
            'data-testid': 'disaster-events-active-row', 'data-response-id': r.responseId, 'data-event-id': r.eventId,
            'data-level': r.level, 'data-exercise': String(Boolean(r.exercise)) },
          levelBadge(r.level, 'disaster-events-active-level'), ' ',
          h('a', { href: '#/disaster-events/' + r.eventId }, (ctx.lang === 'en' && r.eventNameEn) ? r.eventNameEn : r.eventNameZh),
          ' ', exerciseTag(r), ' ', h('small', {}, r.cities.map(cityName).join('、'), ' · ', t('devents.since', { time: ctx.fmtTime(r.activatedAt) })))))
          : h('p', { class: 'muted', 'data-testid': 'disaster-events-no-active' }, t('devents.noActive')));
      }).catch(err => { if (!disposed) ctx.fail(err); });
    }

    el.append(activePanel);
    loadActive();
    cleanups.push(ctx.events.on('disaster-response.', () => loadActive()));

    if (param) page(param); else list();
    return () => { disposed = true; cleanups.splice(0).forEach(f => f()); };

    // ------------------------------------------------------------------ list

    function list() {
      let realOnly = true;
      let pageNo = 0;
      const tbody = h('tbody', { 'data-testid': 'disaster-events-rows' });
      const more = h('button', { type: 'button', class: 'secondary', 'data-testid': 'disaster-events-more',
        'on:click': () => { pageNo += 1; load(true); } }, t('devents.more'));
      const form = h('div', { 'data-testid': 'disaster-events-form-slot' });
      el.append(h('div', { class: 'devents' },
        h('div', { class: 'orders-head' }, h('h2', {}, t('devents.title')),
          ctx.hasRole('COMMANDER') ? h('button', { type: 'button', 'data-testid': 'disaster-events-new', 'on:click': () => openForm() }, t('devents.new')) : null),
        form,
        h('label', {}, h('input', { type: 'checkbox', checked: true, 'data-testid': 'disaster-events-real-only',
          'on:change': e => { realOnly = e.target.checked; pageNo = 0; load(false); } }), ' ', t('devents.realOnly')),
        h('table', { class: 'orders-table', 'data-testid': 'disaster-events-list' },
          h('thead', {}, h('tr', {}, ...['name', 'category', 'cities', 'span', 'state'].map(k => h('th', {}, t('devents.col.' + k))))),
          tbody),
        h('div', { class: 'board-footer' }, more)));

      function row(e) {
        const go = () => ctx.navigate('#/disaster-events/' + e.id);
        return h('tr', { 'data-testid': 'disaster-events-row', 'data-event-id': e.id, 'data-state': e.state,
          'data-exercise': String(e.exercise), class: e.exercise ? 'exercise' : '', tabindex: '0', 'on:click': go,
          'on:keydown': k => { if (k.key === 'Enter') go(); } },
        h('td', {}, h('a', { href: '#/disaster-events/' + e.id, 'data-testid': 'disaster-events-name' }, eventName(e)), ' ', exerciseTag(e)),
        h('td', {}, categoryName(e.category)),
        h('td', {}, e.concernedCities.map(cityName).join('、')),
        h('td', {}, ctx.fmtTime(e.startsAt), e.endsAt ? ' – ' + ctx.fmtTime(e.endsAt) : ''),
        h('td', {}, e.state === 'OPEN' ? t('devents.open') : t('devents.closed')));
      }

      function load(append) {
        const q = new URLSearchParams({ page: String(pageNo), size: '50' });
        if (realOnly) q.set('exercise', 'false');
        ctx.api('GET', '/api/disaster-events?' + q).then(answer => {
          if (disposed) return;
          const rows = answer.events.map(row);
          if (append) tbody.append(...rows);
          else tbody.replaceChildren(...(rows.length ? rows : [h('tr', {}, h('td', { colspan: '5', class: 'muted' }, t('devents.empty')))]));
          more.disabled = !answer.more;
        }).catch(err => { if (!disposed) ctx.fail(err); });
      }
      load(false);
      cleanups.push(ctx.events.on('disaster-event.', e => { if (e.type !== 'disaster-event.member-added') { pageNo = 0; load(false); } }));

      function openForm() {
        if (form.firstChild) return;
        const category = h('select', { 'data-testid': 'disaster-events-form-category' },
          CATEGORIES.map(c => h('option', { value: c }, c + ' ' + categoryName(c))));
        const nameZh = h('input', { type: 'text', maxlength: '200', 'data-testid': 'disaster-events-form-name-zh' });
        const nameEn = h('input', { type: 'text', maxlength: '200', 'data-testid': 'disaster-events-form-name-en' });
        const fixed = ctx.user.cityCode;
        const boxes = CITY_CODES.map(c => h('label', { class: 'devents-city' }, h('input', { type: 'checkbox', value: c,
          checked: fixed === c, disabled: Boolean(fixed), 'data-testid': 'disaster-events-form-city-' + c }), ' ', cityName(c)));
        const exercise = h('input', { type: 'checkbox', 'data-testid': 'disaster-events-form-exercise' });
        const submit = h('button', { type: 'submit', 'data-testid': 'disaster-events-form-submit' }, t('devents.form.submit'));
        const f = h('form', { class: 'devents-form', 'data-testid': 'disaster-events-form', 'on:submit': ev => {
          ev.preventDefault();
          const cities = boxes.map(b => b.querySelector('input')).filter(i => i.checked).map(i => i.value);
          if (!nameZh.value.trim()) { ctx.toast(t('devents.form.needName'), 'error'); nameZh.focus(); return; }
          if (!cities.length) { ctx.toast(t('devents.form.needCity'), 'error'); return; }
          const body = { category: category.value, nameZh: nameZh.value.trim(), cities, exercise: exercise.checked };
          if (nameEn.value.trim()) body.nameEn = nameEn.value.trim();
          submit.disabled = true;
          ctx.api('POST', '/api/disaster-events', body).then(created => {
            if (disposed) return;
            ctx.toast(t('devents.opened'), 'success');
            ctx.navigate('#/disaster-events/' + created.id);
          }).catch(err => { submit.disabled = false; if (!disposed) ctx.fail(err); });
        } },
        h('label', {}, t('devents.form.category'), category),
        h('label', {}, t('devents.form.nameZh'), nameZh),
        h('label', {}, t('devents.form.nameEn'), nameEn),
        h('fieldset', {}, h('legend', {}, t('devents.form.cities')), boxes),
        h('label', {}, exercise, ' ', t('devents.form.exercise')),
        h('div', {}, h('button', { type: 'button', class: 'secondary', 'data-testid': 'disaster-events-form-cancel',
          'on:click': () => form.replaceChildren() }, t('devents.form.cancel')), ' ', submit));
        form.replaceChildren(f);
        nameZh.focus();
      }
    }

    // ------------------------------------------------------------------ one event

    function page(id) {
      const root = h('div', { class: 'devents-page', 'data-testid': 'disaster-events-page', 'data-event-id': id });
      el.append(h('p', {}, h('a', { href: '#/disaster-events', 'data-testid': 'disaster-events-back' }, t('devents.back'))), root);
      let timelinePage = 0;
      const timeline = h('ol', { class: 'devents-timeline', 'data-testid': 'disaster-events-timeline' });
      const timelineMore = h('button', { type: 'button', class: 'secondary', 'data-testid': 'disaster-events-timeline-more',
        'on:click': () => { timelinePage += 1; loadTimeline(true); } }, t('devents.more'));

      function load() {
        ctx.api('GET', '/api/disaster-events/' + id).then(view => { if (!disposed) draw(view); })
          .catch(err => { if (!disposed) ctx.fail(err); });
        timelinePage = 0;
        loadTimeline(false);
      }
      function loadTimeline(append) {
        ctx.api('GET', `/api/disaster-events/${id}/timeline?page=${timelinePage}&size=${TIMELINE_SIZE}`).then(answer => {
          if (disposed) return;
          const items = answer.events.map(e => h('li', { 'data-testid': 'disaster-events-timeline-item', 'data-type': e.type, 'data-seq': String(e.seq) },
            h('small', {}, ctx.fmtTime(e.recordedAt)), ' ', h('code', {}, e.type), ' ', describe(e)));
          if (append) timeline.append(...items);
          else timeline.replaceChildren(...(items.length ? items : [h('li', { class: 'muted' }, t('devents.noTimeline'))]));
          timelineMore.disabled = !answer.more;
        }).catch(err => { if (!disposed) ctx.fail(err); });
      }
      function describe(e) {
        const d = e.data || {};
        if (e.type.startsWith('disaster-response.')) return [levelName(d.level), ' · ', d.reason, ' · ', d.changedBy];
        if (e.type.startsWith('disaster-event.member')) return [t('devents.kind.' + d.kind), ' ', d.memberId, d.reason ? ' · ' + d.reason : ''];
        return d.title || d.text || d.reason || '';
      }

      function draw(view) {
        const e = view.event;
        const r = view.activeResponse;
        const c = view.counts;
        const commander = ctx.hasRole('COMMANDER') && e.state === 'OPEN';
        const level = h('select', { 'data-testid': 'disaster-events-response-level' },
          LEVELS.map(l => h('option', { value: l, selected: r ? l === r.level : l === 'RESPONSE_IV' }, levelName(l))));
        const reason = h('textarea', { rows: '2', maxlength: '2000', 'data-testid': 'disaster-events-response-reason' });
        const action = (path, actionKey) => h('button', { type: 'button', 'data-testid': 'disaster-events-response-' + path,
          'on:click': () => change(path, actionKey) }, t('devents.do.' + path));
        function change(path, actionKey) {
          if (!reason.value.trim()) { ctx.toast(t('devents.needReason'), 'error'); reason.focus(); return; }
          const body = { reason: reason.value.trim() };
          if (path !== 'end') body.level = level.value;
          const actionText = t('devents.action.' + actionKey);
          dialog('disaster-events-confirm', t('devents.confirm.title', { action: actionText }), h('div', {},
            h('p', {}, h('b', {}, t('devents.confirm.event') + ': '), eventName(e)),
            path !== 'end' ? h('p', {}, h('b', {}, t('devents.confirm.level') + ': '), levelBadge(body.level, 'disaster-events-confirm-level')) : null,
            h('p', {}, h('b', {}, t('devents.confirm.reason') + ': '), body.reason),
            h('p', { class: e.exercise ? 'muted' : 'orders-real' }, e.exercise ? t('devents.confirm.exercise') : t('devents.confirm.real'))),
          t('devents.confirm.go'), () => ctx.api('POST', `/api/disaster-events/${id}/response/${path}`, body).then(() => {
            if (disposed) return;
            ctx.toast(t('devents.changed', { action: actionText }), 'success');
            load();
          }).catch(err => { if (!disposed) ctx.fail(err); }));
        }
        const responseBox = h('section', { class: 'devents-response', 'data-testid': 'disaster-events-response',
          'data-level': r ? r.level : '', 'data-state': r ? r.state : 'NONE' },
        h('h3', {}, t('devents.response')),
        r ? h('p', {}, levelBadge(r.level, 'disaster-events-response-current'), ' ', t('devents.since', { time: ctx.fmtTime(r.activatedAt) }))
          : h('p', { class: 'muted', 'data-testid': 'disaster-events-no-response' }, t('devents.noResponse')),
        commander ? h('div', { class: 'devents-response-form' },
          h('label', {}, t('devents.response.level'), ' ', level),
          h('label', {}, t('devents.response.reason'), reason),
          h('div', {}, ...(r ? [action('raise', 'RAISED'), ' ', action('lower', 'LOWERED'), ' ', action('end', 'ENDED')]
            : [action('activate', 'ACTIVATED')])))
          : (e.state === 'OPEN' ? h('p', { class: 'muted' }, t('devents.onlyCommander')) : null));

        const counts = h('section', { class: 'devents-counts', 'data-testid': 'disaster-events-counts' }, h('h3', {}, t('devents.counts')),
          h('p', { 'data-testid': 'disaster-events-count-incidents', 'data-count': String(c.incidents) }, t('devents.count.incidents', { n: c.incidents }),
            ' ', Object.entries(c.incidentsByLevel).map(([lv, n]) => h('span', { class: 'orders-chip' }, t('level.' + lv) + ' ' + n)),
            ' ', Object.entries(c.incidentsByStatus).map(([st, n]) => h('span', { class: 'orders-chip' }, t('status.' + st) + ' ' + n))),
          h('p', { 'data-testid': 'disaster-events-count-warnings' }, t('devents.count.warnings', { n: c.warnings, inForce: c.warningsInForce })),
          h('p', { 'data-testid': 'disaster-events-count-orders' }, t('devents.count.orders', { n: c.orders, answered: c.ordersAnswered,
            targets: c.orderTargets, overdue: c.ordersOverdue })),
          h('p', {}, t('devents.count.sitreps', { n: c.sitreps }), ' · ', t('devents.count.supplies', { n: c.supplyRequests })));

        const dispatcher = ctx.hasRole('DUTY_OFFICER', 'COMMANDER') && e.state === 'OPEN';
        const memberRows = view.members.map(m => h('tr', { 'data-testid': 'disaster-events-member', 'data-kind': m.kind,
          'data-member-id': m.memberId, 'data-active': String(!m.removedAt), class: m.removedAt ? 'muted' : '' },
        h('td', {}, t('devents.kind.' + m.kind)),
        h('td', {}, m.kind === 'INCIDENT' ? h('a', { href: '#/incident/' + m.memberId }, m.memberId.slice(0, 8))
          : m.kind === 'ORDER' ? h('a', { href: '#/orders/' + m.memberId }, m.memberId.slice(0, 8)) : m.memberId),
        h('td', {}, m.removedAt ? t('devents.member.removed', { who: m.removedBy, reason: m.removeReason })
          : m.joinedByRule ? t('devents.member.byRule') : t('devents.member.byHand', { who: m.addedBy }), m.addReason ? ' · ' + m.addReason : ''),
        h('td', {}, dispatcher && !m.removedAt ? h('button', { type: 'button', class: 'secondary', 'data-testid': 'disaster-events-member-remove',
          'on:click': () => removeMember(m) }, t('devents.member.remove')) : null)));
        const kind = h('select', { 'data-testid': 'disaster-events-member-kind' }, KINDS.map(k => h('option', { value: k }, t('devents.kind.' + k))));
        const memberId = h('input', { type: 'text', maxlength: '100', 'data-testid': 'disaster-events-member-id' });
        const memberReason = h('input', { type: 'text', maxlength: '2000', placeholder: t('devents.member.reason'), 'data-testid': 'disaster-events-member-reason' });
        const addForm = dispatcher ? h('form', { class: 'devents-add', 'data-testid': 'disaster-events-member-add', 'on:submit': ev => {
          ev.preventDefault();
          const body = { kind: kind.value, memberId: memberId.value.trim() };
          if (memberReason.value.trim()) body.reason = memberReason.value.trim();
          ctx.api('POST', `/api/disaster-events/${id}/members`, body).then(() => {
            if (disposed) return;
            ctx.toast(t('devents.member.added'), 'success');
            load();
          }).catch(err => { if (!disposed) ctx.fail(err); });
        } }, kind, ' ', memberId, ' ', memberReason, ' ', h('button', { type: 'submit' }, t('devents.member.add'))) : null;
        function removeMember(m) {
          const why = h('textarea', { rows: '2', maxlength: '2000', 'data-testid': 'disaster-events-remove-reason' });
          dialog('disaster-events-remove', t('devents.member.removeTitle'), h('div', {}, h('p', {}, t('devents.kind.' + m.kind), ' ', m.memberId),
            h('label', {}, t('devents.member.reason'), why)), t('devents.member.removeGo'),
          () => ctx.api('POST', `/api/disaster-events/${id}/members/remove`, { kind: m.kind, memberId: m.memberId, reason: why.value.trim() })
            .then(() => { if (!disposed) { ctx.toast(t('devents.member.removedToast'), 'success'); load(); } })
            .catch(err => { if (!disposed) ctx.fail(err); }));
        }

        const history = h('section', { 'data-testid': 'disaster-events-history' }, h('h3', {}, t('devents.history')),
          h('ul', {}, view.responses.flatMap(resp => resp.changes.slice().reverse().map(ch => h('li', { 'data-testid': 'disaster-events-change',
            'data-action': ch.action, 'data-level': ch.level },
          h('small', {}, ctx.fmtTime(ch.changedAt)), ' ', t('devents.action.' + ch.action), ' ', levelName(ch.level), ' · ', ch.reason,
          ' · ', ch.changedBy, ' ', h('span', { class: 'tag', title: ch.jws }, t('devents.signed')))))));

        const closeButton = ctx.hasRole('COMMANDER') && e.state === 'OPEN' ? h('button', { type: 'button', class: 'secondary',
          'data-testid': 'disaster-events-close', 'on:click': () => {
            const why = h('textarea', { rows: '2', maxlength: '2000', 'data-testid': 'disaster-events-close-reason' });
            dialog('disaster-events-close-dialog', t('devents.closeTitle'), h('label', {}, t('devents.member.reason'), why), t('devents.confirm.go'),
              () => ctx.api('POST', `/api/disaster-events/${id}/close`, { reason: why.value.trim() })
                .then(() => { if (!disposed) { ctx.toast(t('devents.closedToast'), 'success'); load(); } })
                .catch(err => { if (!disposed) ctx.fail(err); }));
          } }, t('devents.close')) : null;

        root.replaceChildren(
          h('div', { class: 'orders-head' }, h('h2', { 'data-testid': 'disaster-events-title' }, eventName(e)), exerciseTag(e), closeButton),
          h('p', {}, categoryName(e.category), ' · ', e.concernedCities.map(cityName).join('、'), ' · ', ctx.fmtTime(e.startsAt),
            e.endsAt ? ' – ' + ctx.fmtTime(e.endsAt) : '', ' · ', h('span', { 'data-testid': 'disaster-events-state' },
              e.state === 'OPEN' ? t('devents.open') : t('devents.closed'))),
          responseBox, counts,
          h('section', { 'data-testid': 'disaster-events-tasks' }, h('h3', {}, t('devents.tasks')),
            view.openTasks.length ? h('ul', {}, view.openTasks.map(task => h('li', {}, String(task.title || task.id))))
              : h('p', { class: 'muted' }, t('devents.noTasks'))),
          h('section', {}, h('h3', {}, t('devents.members')),
            h('table', { class: 'orders-table', 'data-testid': 'disaster-events-members' },
              h('thead', {}, h('tr', {}, h('th', {}, t('devents.member.kind')), h('th', {}, t('devents.member.id')), h('th', {}, t('devents.member.how')), h('th', {}))),
              h('tbody', {}, memberRows)), addForm),
          history,
          h('section', {}, h('h3', {}, t('devents.timeline')), timeline, timelineMore));
      }

      load();
      let pending = null;
      const again = () => { if (pending) return; pending = setTimeout(() => { pending = null; if (!disposed) load(); }, 500); };
      cleanups.push(() => clearTimeout(pending));
      cleanups.push(ctx.events.on('disaster-event.', e => { if (e.subjectId === id) again(); }));
      cleanups.push(ctx.events.on('disaster-response.', e => { if (e.data && e.data.eventId === id) again(); }));
    }
  }
};
