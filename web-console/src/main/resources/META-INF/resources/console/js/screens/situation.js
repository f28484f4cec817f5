// The province's situation roll-up (GET /api/sitreps/rollup, docs/sitreps.md#get-apisitrepsrollup): per city
// platform, the casualty and resource figures of the latest reports on its open incidents, with the province's
// totals, the cities that have not reported, and when each last did. Read again on sitrep.submitted and when an
// incident closes (debounced); the reports arriving while the screen is open are listed as they come.
import { PLATFORMS } from '../areas-fj.js';

const CASUALTIES = ['dead', 'injured', 'missing', 'trapped', 'ill', 'rescued', 'evacuated', 'sheltered'];
const RESOURCES = ['personnel', 'teams', 'vehicles', 'boats', 'aircraft', 'heavyEquipment'];
const KINDS = ['FIELD_OBSERVATION', 'SITUATION_INFORMATION', 'RESPONSE_RESOURCES_TOTALS', 'CASUALTY_AND_ILLNESS_SUMMARY',
  'MANAGEMENT_SUMMARY'];
const DEBOUNCE_MS = 500;
const RECENT = 20;

const zh = {
  'nav.situation': '灾情汇总',
  'situation.title': '全省灾情汇总', 'situation.asOf': '统计时间 {time}', 'situation.real': '实际事件',
  'situation.drills': '演练', 'situation.which': '范围', 'situation.city': '地市', 'situation.incidents': '事件数',
  'situation.casualties': '人员伤亡与转移', 'situation.resources': '投入力量', 'situation.last': '最近报告',
  'situation.total': '全省合计', 'situation.cityTotal': '本市合计', 'situation.notReported': '未报告',
  'situation.missing': '{n} 个地市未报告：{names}', 'situation.allReported': '各地市均已报告',
  'situation.recent': '刚收到的报告', 'situation.noRecent': '打开本页后尚未收到新报告',
  'situation.reports': '份报告', 'situation.note': '只统计未结束事件的最新伤亡与力量报告；各来源的数字相加。',
  'situation.f.dead': '死亡', 'situation.f.injured': '受伤', 'situation.f.missing': '失踪', 'situation.f.trapped': '被困',
  'situation.f.ill': '患病', 'situation.f.rescued': '获救', 'situation.f.evacuated': '转移', 'situation.f.sheltered': '安置',
  'situation.f.personnel': '人员', 'situation.f.teams': '队伍', 'situation.f.vehicles': '车辆', 'situation.f.boats': '船艇',
  'situation.f.aircraft': '航空器', 'situation.f.heavyEquipment': '大型机械',
  'situation.kind.FIELD_OBSERVATION': '现场观察', 'situation.kind.SITUATION_INFORMATION': '态势信息',
  'situation.kind.RESPONSE_RESOURCES_TOTALS': '投入力量', 'situation.kind.CASUALTY_AND_ILLNESS_SUMMARY': '人员伤亡',
  'situation.kind.MANAGEMENT_SUMMARY': '处置情况', 'situation.province': '省级', 'situation.open': '查看事件',
};
const en = {
  'nav.situation': 'Situation',
  'situation.title': 'Province situation', 'situation.asOf': 'As of {time}', 'situation.real': 'Real incidents',
  'situation.drills': 'Drills', 'situation.which': 'Incidents', 'situation.city': 'City', 'situation.incidents': 'Incidents',
  'situation.casualties': 'People', 'situation.resources': 'Deployed', 'situation.last': 'Last report',
  'situation.total': 'Province total', 'situation.cityTotal': 'City total', 'situation.notReported': 'not reported',
  'situation.missing': '{n} cities have not reported: {names}', 'situation.allReported': 'Every city has reported',
  'situation.recent': 'Reports just received', 'situation.noRecent': 'No new report since this page opened',
  'situation.reports': 'reports', 'situation.note': 'The latest casualty and resource reports on open incidents; the figures of all sources added up.',
  'situation.f.dead': 'Dead', 'situation.f.injured': 'Injured', 'situation.f.missing': 'Missing', 'situation.f.trapped': 'Trapped',
  'situation.f.ill': 'Ill', 'situation.f.rescued': 'Rescued', 'situation.f.evacuated': 'Evacuated', 'situation.f.sheltered': 'Sheltered',
  'situation.f.personnel': 'Personnel', 'situation.f.teams': 'Teams', 'situation.f.vehicles': 'Vehicles', 'situation.f.boats': 'Boats',
  'situation.f.aircraft': 'Aircraft', 'situation.f.heavyEquipment': 'Heavy equipment',
  'situation.kind.FIELD_OBSERVATION': 'Field observation', 'situation.kind.SITUATION_INFORMATION': 'Situation',
  'situation.kind.RESPONSE_RESOURCES_TOTALS': 'Resources', 'situation.kind.CASUALTY_AND_ILLNESS_SUMMARY': 'Casualties',
  'situation.kind.MANAGEMENT_SUMMARY': 'Management', 'situation.province': 'Province', 'situation.open': 'open the incident',
};
for (const k of KINDS) if (!zh['situation.kind.' + k] || !en['situation.kind.' + k]) throw new Error(k);

export default {
  id: 'situation',
  titleKey: 'nav.situation',
  roles: ['DUTY_OFFICER', 'COMMANDER', 'ADMIN'],
  messages: { 'zh-CN': zh, en },

  mount(el, ctx) {
    const { el: h, t } = ctx;
    const num = n => Number(n || 0).toLocaleString(ctx.lang);
    const cityName = code => (code === '350000' ? t('situation.province') : t('city.' + code));
    let exercise = false;
    let disposed = false;
    let timer = null;
    let busy = false;
    let again = false;
    const recent = [];

    const which = h('select', { 'data-testid': 'situation-exercise', id: 'situation-exercise',
      'on:change': e => { exercise = e.target.value === 'true'; load(); } },
    h('option', { value: 'false', selected: true }, t('situation.real')), h('option', { value: 'true' }, t('situation.drills')));
    const asOf = h('span', { class: 'situation-as-of', 'data-testid': 'situation-as-of' });
    const missing = h('p', { class: 'situation-missing', 'data-testid': 'situation-missing', role: 'status' });
    const table = h('div', { 'data-testid': 'situation-rollup' });
    const recentEl = h('ul', { class: 'situation-recent', 'data-testid': 'situation-recent' });
    el.append(h('div', { class: 'situation' },
      h('h2', {}, t('situation.title')),
      h('div', { class: 'board-filters' }, h('label', { for: 'situation-exercise' }, t('situation.which'), which), asOf),
      h('p', { class: 'situation-note' }, t('situation.note')),
      missing, table,
      h('h3', {}, t('situation.recent')), recentEl));
    drawRecent();

    function figures(totals) {
      const c = (totals && totals.casualties) || {};
      const r = (totals && totals.resources) || {};
      return [...CASUALTIES.map(f => h('td', { class: 'num', 'data-testid': 'situation-' + f, 'data-value': c[f] || 0 }, num(c[f]))),
        ...RESOURCES.map(f => h('td', { class: 'num', 'data-testid': 'situation-' + f, 'data-value': r[f] || 0 }, num(r[f])))];
    }

    function draw(rollup) {
      asOf.textContent = t('situation.asOf', { time: ctx.fmtTime(rollup.asOf) });
      const byCity = new Map((rollup.cities || []).map(c => [c.cityCode, c]));
      const cities = ctx.user.cityCode ? PLATFORMS.filter(p => p.code === ctx.user.cityCode) : PLATFORMS;
      const silent = cities.filter(p => !byCity.has(p.code));
      missing.dataset.count = String(silent.length);
      missing.textContent = silent.length
        ? t('situation.missing', { n: silent.length, names: silent.map(p => cityName(p.code)).join('、') })
        : t('situation.allReported');
      const head = h('thead', {},
        h('tr', {}, h('th', { rowspan: '2', scope: 'col' }, t('situation.city')), h('th', { rowspan: '2', scope: 'col' }, t('situation.incidents')),
          h('th', { colspan: String(CASUALTIES.length), scope: 'colgroup' }, t('situation.casualties')),
          h('th', { colspan: String(RESOURCES.length), scope: 'colgroup' }, t('situation.resources')),
          h('th', { rowspan: '2', scope: 'col' }, t('situation.last'))),
        h('tr', {}, [...CASUALTIES, ...RESOURCES].map(f => h('th', { scope: 'col' }, t('situation.f.' + f)))));
      // reported cities first (most dead, then most evacuated), then those that have not reported
      const ordered = [...cities].sort((a, b) => {
        const ca = byCity.get(a.code), cb = byCity.get(b.code);
        if (!!ca !== !!cb) return ca ? -1 : 1;
        if (!ca) return 0;
        const d = (cb.totals.casualties.dead - ca.totals.casualties.dead) || (cb.totals.casualties.evacuated - ca.totals.casualties.evacuated);
        return d || (a.code < b.code ? -1 : 1);
      });
      const rows = ordered.map(p => {
        const c = byCity.get(p.code);
        if (!c) {
          return h('tr', { 'data-testid': 'situation-city', 'data-city': p.code, 'data-reported': 'false', class: 'situation-silent' },
            h('th', { scope: 'row' }, cityName(p.code)), h('td', { class: 'num' }, '–'),
            h('td', { colspan: String(CASUALTIES.length + RESOURCES.length), class: 'situation-not-reported' }, t('situation.notReported')),
            h('td', {}, '–'));
        }
        return h('tr', { 'data-testid': 'situation-city', 'data-city': p.code, 'data-reported': 'true',
          'data-incidents': c.incidents, tabindex: '0', 'on:click': () => ctx.navigate('#/board/' + p.code),
          class: c.totals.casualties.dead > 0 ? 'situation-dead' : null },
        h('th', { scope: 'row' }, cityName(p.code)), h('td', { class: 'num', 'data-testid': 'situation-incidents' }, num(c.incidents)),
        figures(c.totals),
        h('td', { 'data-testid': 'situation-last', 'data-last-reported': c.lastReportedAt || '' },
          c.lastReportedAt ? ctx.fmtTime(c.lastReportedAt) : '–',
          c.lastSubmittedAt ? h('div', { class: 'situation-small' }, ctx.fmtTime(c.lastSubmittedAt)) : null));
      });
      const total = rollup.total || { incidents: 0, totals: {} };
      const foot = h('tfoot', {}, h('tr', { 'data-testid': 'situation-total', 'data-incidents': total.incidents },
        h('th', { scope: 'row' }, ctx.user.cityCode ? t('situation.cityTotal') : t('situation.total')),
        h('td', { class: 'num', 'data-testid': 'situation-incidents' }, num(total.incidents)), figures(total.totals),
        h('td', { 'data-testid': 'situation-last' }, total.lastReportedAt ? ctx.fmtTime(total.lastReportedAt) : '–')));
      table.replaceChildren(h('table', { class: 'console-table situation-table', 'data-testid': 'situation-table',
        'data-exercise': String(rollup.exercise) }, head, h('tbody', {}, rows), foot));
    }

    function load() {
      if (disposed) return;
      if (busy) { again = true; return; }
      busy = true;
      const asked = exercise;
      ctx.api('GET', '/api/sitreps/rollup?exercise=' + asked).then(rollup => {
        if (!disposed && asked === exercise) draw(rollup);
      }, err => ctx.fail(err)).finally(() => {
        busy = false;
        if (again) { again = false; load(); }
      });
    }
    function soon() {
      clearTimeout(timer);
      timer = setTimeout(load, DEBOUNCE_MS);
    }

    function drawRecent() {
      if (!recent.length) { recentEl.replaceChildren(h('li', { class: 'empty' }, t('situation.noRecent'))); return; }
      recentEl.replaceChildren(...recent.map(s => h('li', { 'data-testid': 'situation-recent-report', 'data-kind': s.kind, 'data-city': s.cityCode },
        h('span', {}, ctx.fmtTime(s.reportedAt)), ' \u00b7 ', cityName(s.source === '350000' ? '350000' : s.cityCode), ' \u00b7 ',
        t('situation.kind.' + s.kind), s.exercise ? ' \u00b7 ' + t('situation.drills') : '', ' \u00b7 ',
        h('a', { href: '#/incidents/' + s.incidentId }, t('situation.open')))));
    }

    const offs = [
      ctx.events.on('sitrep.submitted', ev => {
        const s = ev.data || {};
        recent.unshift(s);
        recent.splice(RECENT);
        drawRecent();
        if (!!s.exercise === exercise) soon();
      }),
      // an incident that closes leaves the roll-up
      ctx.events.on('incident.status-changed', () => soon()),
    ];
    load();
    return () => { disposed = true; clearTimeout(timer); offs.forEach(off => off()); };
  }
};
