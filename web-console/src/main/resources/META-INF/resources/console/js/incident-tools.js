/**
 * The incident detail's pickers (docs/web-console.md#incident-detail): the assignee chosen from the officers'
 * directory (`GET /api/officers`), the incident a duplicate is merged into chosen from its duplicate suspicions and
 * the open incidents nearby, and the video tools: dispatching a video source to officers and console groups, and
 * opening a consultation session. Each takes the screen's ctx and answers its element; none keeps state beyond it.
 */

import { CITY_CODES, addMessages } from './i18n.js';
import { areaName } from './areas-fj.js';

addMessages({
  'zh-CN': {
    'tools.assignee': '负责人', 'tools.chooseOfficer': '选择值班员或指挥员', 'tools.province': '全省',
    'tools.merge': '合并重复事件', 'tools.mergeFind': '查找可并入的事件', 'tools.mergeNone': '附近没有可并入的未结事件',
    'tools.suspected': '疑似重复', 'tools.nearby': '附近', 'tools.km': '{d} 公里', 'tools.mergeReason': '合并理由（可选）',
    'tools.mergeConfirm': '确认合并', 'tools.cancel': '取消',
    'tools.mergeQuestion': '将本事件「{from}」并入「{into}」？本事件将变为“已合并”，不可撤销。',
    'tools.dispatch': '调度视频', 'tools.source': '视频源', 'tools.noSources': '没有可用的视频源', 'tools.toOfficers': '发给值班员/指挥员',
    'tools.toGroups': '发给席位组', 'tools.note': '说明（可选）', 'tools.dispatchSubmit': '调度', 'tools.dispatched': '已调度',
    'tools.needTarget': '请至少选择一名接收人或一个席位组',
    'tools.consult': '发起视频会商', 'tools.consultTitle': '会商主题', 'tools.inviteCities': '邀请城市',
    'tools.inviteOfficers': '邀请值班员/指挥员', 'tools.consultSubmit': '发起会商', 'tools.consultOpened': '会商已发起',
    'tools.sessions': '本事件的会商', 'tools.noSessions': '暂无会商', 'tools.open': '进行中', 'tools.closed': '已结束',
    'tools.present': '在线', 'tools.nobody': '无人', 'tools.needTitle': '请填写会商主题',
  },
  en: {
    'tools.assignee': 'Assignee', 'tools.chooseOfficer': 'Choose a duty officer or commander', 'tools.province': 'province',
    'tools.merge': 'Merge a duplicate', 'tools.mergeFind': 'Find incidents to merge into', 'tools.mergeNone': 'No open incident nearby to merge into',
    'tools.suspected': 'suspected duplicate', 'tools.nearby': 'nearby', 'tools.km': '{d} km', 'tools.mergeReason': 'Reason for the merge (optional)',
    'tools.mergeConfirm': 'Confirm the merge', 'tools.cancel': 'Cancel',
    'tools.mergeQuestion': 'Merge this incident "{from}" into "{into}"? This incident becomes Merged; it cannot be undone.',
    'tools.dispatch': 'Dispatch video', 'tools.source': 'Video source', 'tools.noSources': 'No video source available', 'tools.toOfficers': 'To duty officers and commanders',
    'tools.toGroups': 'To console groups', 'tools.note': 'Note (optional)', 'tools.dispatchSubmit': 'Dispatch', 'tools.dispatched': 'Dispatched',
    'tools.needTarget': 'Choose at least one officer or console group',
    'tools.consult': 'Open a video consultation', 'tools.consultTitle': 'Subject', 'tools.inviteCities': 'Invite cities',
    'tools.inviteOfficers': 'Invite duty officers and commanders', 'tools.consultSubmit': 'Open the consultation', 'tools.consultOpened': 'Consultation opened',
    'tools.sessions': 'Consultations on this incident', 'tools.noSessions': 'No consultation', 'tools.open': 'open', 'tools.closed': 'closed',
    'tools.present': 'Present', 'tools.nobody': 'nobody', 'tools.needTitle': 'Give the consultation a subject',
  },
});

/** "Li Wei (li.wei) · Duty officer · Xiamen" */
function officerLabel(ctx, o) {
  const roles = (o.roles || []).map(r => ctx.t('role.' + r)).join(', ');
  const city = o.cityCode ? ctx.t('city.' + o.cityCode) : ctx.t('tools.province');
  const name = o.displayName && o.displayName !== o.username ? o.displayName + ' (' + o.username + ')' : o.username;
  return name + ' \u00b7 ' + roles + ' \u00b7 ' + city;
}

/** The officers who may act in the city (confined to it or province-wide), by username. */
function officersFor(ctx, cityCode) {
  return ctx.api('GET', '/api/officers' + (cityCode ? '?city=' + encodeURIComponent(cityCode) : ''));
}

/**
 * The assignee picker: a list of the officers the incident may be assigned to; `assign(username)` posts it.
 * `refresh(incident)` reads the list for the incident's city and marks the present assignee.
 */
export function assigneePicker(ctx, assign) {
  const h = ctx.el;
  const select = h('select', { 'data-testid': 'incident-assignee-select', 'aria-label': ctx.t('tools.assignee') },
    h('option', { value: '' }, ctx.t('tools.chooseOfficer')));
  const button = h('button', { type: 'button', 'data-testid': 'incident-assign-submit',
    'on:click': () => { if (select.value) assign(select.value); } }, ctx.t('incident.assign'));
  let city;
  const element = h('label', { class: 'incident-assignee-picker' }, ctx.t('tools.assignee'), ' ', select, button);
  return {
    element,
    refresh(incident) {
      if (city === incident.cityCode) { select.value = incident.assignee || ''; return; }
      city = incident.cityCode;
      officersFor(ctx, city).then(list => {
        select.replaceChildren(h('option', { value: '' }, ctx.t('tools.chooseOfficer')),
          ...list.map(o => h('option', { value: o.username, 'data-testid': 'incident-assignee-option',
            selected: o.username === incident.assignee }, officerLabel(ctx, o))));
      }, ctx.fail);
    },
  };
}

/** Great-circle distance in km. */
function distanceKm(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(s)));
}

const NEARBY = 10;

/**
 * The merge picker: "find" lists the incidents this one may be merged into, its suspected duplicates first (from
 * `GET /api/incidents/duplicate-suspicions`), then the open incidents of its county nearest first (same drill flag,
 * as a merge requires); choosing one asks to confirm, then `merge(targetId, reason)` posts the status MERGED.
 */
export function mergePicker(ctx, current, merge) {
  const h = ctx.el;
  const t = ctx.t;
  const list = h('ul', { class: 'incident-merge-list', 'data-testid': 'incident-merge-list' });
  const confirmBox = h('div', { class: 'incident-merge-confirm', 'data-testid': 'incident-merge-confirmation', hidden: true });
  const find = h('button', { type: 'button', class: 'secondary', 'data-testid': 'incident-merge-find', 'on:click': load },
    t('tools.mergeFind'));

  function suspectedIds(incident) {
    return ctx.api('GET', '/api/incidents/duplicate-suspicions?size=200&city=' + encodeURIComponent(incident.cityCode))
      .then(all => {
        const ids = new Set();
        for (const s of all || []) {
          if (s.incidentId === incident.id) (s.candidates || []).forEach(c => ids.add(c));
          else if ((s.candidates || []).includes(incident.id)) ids.add(s.incidentId);
        }
        return ids;
      });
  }

  function load() {
    const incident = current();
    if (!incident) return;
    confirmBox.hidden = true;
    const nearby = ctx.api('GET', '/api/incidents?open=true&size=200&county=' + encodeURIComponent(incident.countyCode)
      + '&exercise=' + String(!!incident.exercise));
    Promise.all([suspectedIds(incident), nearby]).then(([suspected, page]) => {
      const byId = new Map((page.items || []).map(i => [i.id, i]));
      // suspected duplicates in another county, or beyond the page, are read one by one
      const missing = [...suspected].filter(sid => !byId.has(sid));
      return Promise.all(missing.map(sid => ctx.api('GET', '/api/incidents/' + encodeURIComponent(sid))
        .then(i => byId.set(i.id, i), () => null)))
        .then(() => ({ suspected, candidates: [...byId.values()] }));
    }).then(({ suspected, candidates }) => {
      const open = candidates.filter(c => c.id !== incident.id && !['CLOSED', 'MERGED', 'DISMISSED'].includes(c.status)
        && !!c.exercise === !!incident.exercise)
        .map(c => ({ ...c, suspected: suspected.has(c.id), km: distanceKm(incident, c) }));
      const chosen = [...open.filter(c => c.suspected).sort((a, b) => a.km - b.km),
        ...open.filter(c => !c.suspected).sort((a, b) => a.km - b.km).slice(0, NEARBY)];
      if (!chosen.length) {
        list.replaceChildren(h('li', { class: 'empty', 'data-testid': 'incident-merge-none' }, t('tools.mergeNone')));
        return;
      }
      list.replaceChildren(...chosen.map(c => h('li', {},
        h('button', { type: 'button', class: 'incident-merge-candidate', 'data-testid': 'incident-merge-candidate',
          'data-incident-id': c.id, 'data-suspected': String(c.suspected), 'on:click': () => ask(incident, c) },
        h('span', { class: 'level-badge level-' + c.level, style: { background: ctx.levelColour(c.level) } }, c.level), ' ',
        h('b', { class: 'incident-merge-title' }, c.title), ' \u00b7 ', areaName(c.countyCode, ctx.lang), ' \u00b7 ',
        t('status.' + c.status), ' \u00b7 ', ctx.fmtTime(c.reportedAt), ' \u00b7 ',
        h('span', { 'data-testid': 'incident-merge-distance' }, t('tools.km', { d: c.km.toFixed(1) })),
        c.suspected ? h('span', { class: 'tag duplicate' }, ' ' + t('tools.suspected')) : null))));
    }).catch(ctx.fail);
  }

  function ask(incident, target) {
    const reason = h('input', { 'data-testid': 'incident-merge-reason', placeholder: t('tools.mergeReason'), size: 30,
      'aria-label': t('tools.mergeReason') });
    confirmBox.replaceChildren(
      h('p', { 'data-testid': 'incident-merge-question' }, t('tools.mergeQuestion', { from: incident.title, into: target.title })),
      reason,
      h('button', { type: 'button', 'data-testid': 'incident-merge-confirm', 'on:click': () =>
        merge(target.id, reason.value.trim()).then(done => { if (done) { confirmBox.hidden = true; list.replaceChildren(); } }) },
      t('tools.mergeConfirm')),
      h('button', { type: 'button', class: 'secondary', 'data-testid': 'incident-merge-cancel',
        'on:click': () => { confirmBox.hidden = true; } }, t('tools.cancel')));
    confirmBox.hidden = false;
  }

  return h('div', { class: 'incident-merge', 'data-testid': 'incident-merge' }, h('b', {}, t('tools.merge')), ' ', find,
    list, confirmBox);
}

/**
 * The video tools of an incident: dispatch a source (`POST /api/video/dispatches`) to officers and console groups,
 * open a consultation (`POST /api/video/consultations`) inviting cities and officers, and the incident's
 * consultations, kept live from `consultation.*` events; `dispatched(view)` learns of each dispatch made here.
 * Answers `{ element, refresh, dispose }`.
 */
export function videoTools(ctx, current, dispatched) {
  const h = ctx.el;
  const t = ctx.t;
  const incident = () => current() || {};
  const sessions = new Map();
  const sessionsEl = h('div', { 'data-testid': 'incident-consultations' });

  const source = h('select', { 'data-testid': 'incident-dispatch-source', 'aria-label': t('tools.source') });
  const officersBox = h('div', { class: 'incident-pick-list', 'data-testid': 'incident-dispatch-officers' });
  const groupsBox = h('div', { class: 'incident-pick-list', 'data-testid': 'incident-dispatch-groups' });
  const note = h('input', { 'data-testid': 'incident-dispatch-note', placeholder: t('tools.note'), size: 30,
    'aria-label': t('tools.note') });
  const consultTitle = h('input', { 'data-testid': 'incident-consult-title', size: 30, 'aria-label': t('tools.consultTitle') });
  const citiesBox = h('div', { class: 'incident-pick-list', 'data-testid': 'incident-consult-cities' });
  const consultOfficers = h('div', { class: 'incident-pick-list', 'data-testid': 'incident-consult-officers' });

  const checkbox = (testid, value, text, checked = false) => h('label', { class: 'incident-pick' },
    h('input', { type: 'checkbox', 'data-testid': testid, value, checked }), ' ', text);
  const checked = box => [...box.querySelectorAll('input[type=checkbox]')].filter(c => c.checked).map(c => c.value);

  function dispatch() {
    const officers = checked(officersBox);
    const groups = checked(groupsBox);
    if (!source.value) { ctx.toast(t('tools.noSources'), 'error'); return; }
    if (!officers.length && !groups.length) { ctx.toast(t('tools.needTarget'), 'error'); return; }
    const body = { sourceId: source.value, incidentId: incident().id, targets: { officers, groups } };
    if (note.value.trim()) body.note = note.value.trim();
    ctx.api('POST', '/api/video/dispatches', body).then(d => {
      ctx.toast(t('tools.dispatched'), 'info');
      if (dispatched) dispatched(d);
      note.value = '';
      for (const c of [...officersBox.querySelectorAll('input'), ...groupsBox.querySelectorAll('input')]) c.checked = false;
    }, ctx.fail);
  }

  function consult() {
    const title = consultTitle.value.trim();
    if (!title) { ctx.toast(t('tools.needTitle'), 'error'); return; }
    const body = { incidentId: incident().id, title, cities: checked(citiesBox), officers: checked(consultOfficers) };
    ctx.api('POST', '/api/video/consultations', body).then(s => {
      sessions.set(s.id, s);
      drawSessions();
      consultTitle.value = '';
      ctx.toast(t('tools.consultOpened'), 'info');
    }, ctx.fail);
  }

  function drawSessions() {
    if (!sessions.size) { sessionsEl.replaceChildren(h('p', {}, t('tools.noSessions'))); return; }
    sessionsEl.replaceChildren(...[...sessions.values()].map(s => h('div', { class: 'session', 'data-testid': 'incident-consultation',
      'data-session-id': s.id, 'data-status': s.status },
    h('b', {}, s.title), ' \u00b7 ', t(s.status === 'OPEN' ? 'tools.open' : 'tools.closed'), ' \u00b7 ', ctx.fmtTime(s.openedAt),
    ' \u00b7 ', t('tools.present') + ': ', (s.participants || []).join(', ') || t('tools.nobody'))));
  }

  let loadedFor = null;
  /** reads sources, officers, groups and sessions once the incident is known */
  function refresh() {
    const i = incident();
    if (!i.id || loadedFor === i.id) return;
    loadedFor = i.id;
    consultTitle.value = consultTitle.value || i.title || '';
    ctx.api('GET', '/api/video/sources').then(list => {
      const usable = (list || []).filter(s => s.enabled !== false)
        .sort((a, b) => (a.cityCode === i.cityCode ? 0 : 1) - (b.cityCode === i.cityCode ? 0 : 1) || a.name.localeCompare(b.name));
      source.replaceChildren(...(usable.length ? usable.map(s => h('option', { value: s.id },
        s.name + ' \u00b7 ' + t('city.' + s.cityCode) + (s.countyCode ? ' ' + areaName(s.countyCode, ctx.lang) : '')))
        : [h('option', { value: '' }, t('tools.noSources'))]));
    }, ctx.fail);
    officersFor(ctx, null).then(list => {
      officersBox.replaceChildren(...list.map(o => checkbox('incident-dispatch-officer', o.username, officerLabel(ctx, o))));
      consultOfficers.replaceChildren(...list.filter(o => o.username !== ctx.user.subject)
        .map(o => checkbox('incident-consult-officer', o.username, officerLabel(ctx, o))));
    }, ctx.fail);
    ctx.api('GET', '/api/video/groups').then(list => {
      groupsBox.replaceChildren(...(list || []).map(g => checkbox('incident-dispatch-group', g.name,
        g.name + (g.description ? ' \u00b7 ' + g.description : ''))));
    }, ctx.fail);
    citiesBox.replaceChildren(...CITY_CODES.map(c => checkbox('incident-consult-city', c, t('city.' + c), c === i.cityCode)));
    ctx.api('GET', '/api/video/consultations?incidentId=' + encodeURIComponent(i.id)).then(list => {
      for (const s of list || []) if (!sessions.has(s.id)) sessions.set(s.id, s);
      drawSessions();
    }, ctx.fail);
  }

  const off = ctx.events.on('consultation.', ev => {
    const s = ev.data && ev.data.session;
    if (s && s.incidentId === incident().id) { sessions.set(s.id, s); drawSessions(); }
  });

  drawSessions();
  const element = h('div', { class: 'incident-video-tools' },
    h('fieldset', { 'data-testid': 'incident-dispatch-form' }, h('legend', {}, t('tools.dispatch')),
      h('label', {}, t('tools.source'), ' ', source),
      h('div', {}, t('tools.toOfficers')), officersBox,
      h('div', {}, t('tools.toGroups')), groupsBox,
      note, ' ', h('button', { type: 'button', 'data-testid': 'incident-dispatch-submit', 'on:click': dispatch }, t('tools.dispatchSubmit'))),
    h('fieldset', { 'data-testid': 'incident-consult-form' }, h('legend', {}, t('tools.consult')),
      h('label', {}, t('tools.consultTitle'), ' ', consultTitle),
      h('div', {}, t('tools.inviteCities')), citiesBox,
      h('div', {}, t('tools.inviteOfficers')), consultOfficers,
      h('button', { type: 'button', 'data-testid': 'incident-consult-submit', 'on:click': consult }, t('tools.consultSubmit'))),
    h('h4', {}, t('tools.sessions')), sessionsEl);
  return { element, refresh, dispose: off };
}
