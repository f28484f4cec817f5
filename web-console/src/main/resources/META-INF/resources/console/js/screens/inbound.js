// Departments' inbound warnings (docs/inbound-warnings.md): the CAP alerts meteorology, earthquake, hydrology ...
// pushed or whose feeds the hub polls, latest first, grouped into chains (an Update or Cancel under the alert it
// references), each chain's current state (in force, superseded, cancelled, expired), the feeds' poll health, the
// original CAP document, and "make a draft" (a public warning draft of the hub's from an alert). Live from
// inbound-warning.received (docs/events.md#inbound-warnings).
import { areaName } from '../areas-fj.js';
import { realOnly, setRealOnly } from '../i18n.js';

const SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'];
const URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'];
const CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'];
const MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'];
const STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'];
const CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra',
  'CBRNE', 'Other'];
const STATES = ['ACTIVE', 'SUPERSEDED', 'CANCELLED'];
// a chain's (and a row's) standing, as an officer reads it
const STANDINGS = ['inForce', 'superseded', 'cancelled', 'expired', 'allClear', 'notInForce'];
const LIMIT = 200;
const CAP_FETCHES = 4; // original documents read at once

const zhValues = {
  severity: { Extreme: '特别严重', Severe: '严重', Moderate: '较重', Minor: '一般', Unknown: '未知' },
  urgency: { Immediate: '立即', Expected: '预期', Future: '未来', Past: '已过去', Unknown: '未知' },
  certainty: { Observed: '已观测', Likely: '很可能', Possible: '可能', Unlikely: '不太可能', Unknown: '未知' },
  msgType: { Alert: '首发', Update: '更新', Cancel: '解除', Ack: '确认', Error: '错误' },
  status: { Actual: '正式', Exercise: '演练', System: '系统', Test: '测试', Draft: '草案' },
  category: { Geo: '地质', Met: '气象', Safety: '安全', Security: '治安', Rescue: '救援', Fire: '火灾', Health: '卫生',
    Env: '环境', Transport: '交通', Infra: '基础设施', CBRNE: '核生化爆', Other: '其他' },
  state: { ACTIVE: '有效', SUPERSEDED: '已被更新', CANCELLED: '已被解除' },
  standing: { inForce: '生效中', superseded: '已被更新', cancelled: '已解除', expired: '已过期', allClear: '解除通知',
    notInForce: '未生效' },
};
const enValues = {
  severity: { Extreme: 'Extreme', Severe: 'Severe', Moderate: 'Moderate', Minor: 'Minor', Unknown: 'Unknown' },
  urgency: { Immediate: 'Immediate', Expected: 'Expected', Future: 'Future', Past: 'Past', Unknown: 'Unknown' },
  certainty: { Observed: 'Observed', Likely: 'Likely', Possible: 'Possible', Unlikely: 'Unlikely', Unknown: 'Unknown' },
  msgType: { Alert: 'Alert', Update: 'Update', Cancel: 'Cancel', Ack: 'Acknowledgement', Error: 'Error' },
  status: { Actual: 'Actual', Exercise: 'Exercise', System: 'System', Test: 'Test', Draft: 'Draft' },
  category: { Geo: 'Geophysical', Met: 'Meteorological', Safety: 'Public safety', Security: 'Security',
    Rescue: 'Rescue', Fire: 'Fire', Health: 'Health', Env: 'Environmental', Transport: 'Transport',
    Infra: 'Infrastructure', CBRNE: 'CBRNE', Other: 'Other' },
  state: { ACTIVE: 'active', SUPERSEDED: 'superseded', CANCELLED: 'cancelled' },
  standing: { inForce: 'In force', superseded: 'Superseded', cancelled: 'Cancelled', expired: 'Expired',
    allClear: 'All-clear', notInForce: 'Not in force' },
};

const zh = {
  'nav.inbound': '部门预警',
  'inbound.title': '部门来报预警', 'inbound.feeds': '订阅源轮询', 'inbound.noFeeds': '未配置订阅源（部门推送）',
  'inbound.empty': '暂无部门预警', 'inbound.count': '{chains} 条预警链，{alerts} 条消息',
  'inbound.col.msgType': '消息类型', 'inbound.col.sender': '发布部门', 'inbound.col.event': '事件',
  'inbound.col.severity': '严重程度', 'inbound.col.urgency': '紧迫程度', 'inbound.col.certainty': '确定程度',
  'inbound.col.areas': '区域', 'inbound.col.sent': '发送时间', 'inbound.col.received': '接收时间',
  'inbound.col.standing': '状态', 'inbound.col.category': '类型', 'inbound.col.status': '信息类别',
  'inbound.chain': '预警链', 'inbound.chainOf': '{n} 条消息', 'inbound.exercise': '演练',
  'inbound.unknownRef': '引用的预警未收到', 'inbound.loadingCap': '读取中…',
  'inbound.d.identifier': '标识', 'inbound.d.sender': '发送方', 'inbound.d.via': '来源',
  'inbound.d.headline': '标题', 'inbound.d.description': '描述', 'inbound.d.instruction': '防御指引',
  'inbound.d.expires': '失效时间', 'inbound.d.references': '引用', 'inbound.d.endedBy': '被以下消息结束',
  'inbound.d.cap': '原始 CAP 文档', 'inbound.d.close': '关闭',
  'inbound.draft': '生成预警草稿', 'inbound.drafted': '已生成草稿 {id}',
  'inbound.via.push': '推送：{name}', 'inbound.via.feed': '订阅源：{url}',
  'inbound.feed.url': '订阅源', 'inbound.feed.interval': '间隔', 'inbound.feed.polls': '轮询次数',
  'inbound.feed.failures': '失败', 'inbound.feed.refused': '拒收文档', 'inbound.feed.stored': '收到预警',
  'inbound.feed.last': '最近轮询', 'inbound.feed.outcome': '结果', 'inbound.feed.next': '下次轮询',
  'inbound.feed.OK': '正常', 'inbound.feed.FAILED': '失败', 'inbound.feed.never': '尚未轮询',
  'inbound.feed.seconds': '{n} 秒', 'inbound.feed.minutes': '{n} 分钟',
  'inbound.realOnly': '仅显示正式预警（隐藏演练、测试）', 'inbound.hidden': '另有 {n} 条演练或测试预警链未显示',
};
const en = {
  'nav.inbound': 'Departments',
  'inbound.title': "Departments' warnings", 'inbound.feeds': 'Feed polling', 'inbound.noFeeds': 'No feed configured (departments push)',
  'inbound.empty': 'No warning from the departments', 'inbound.count': '{chains} chains, {alerts} messages',
  'inbound.col.msgType': 'Message', 'inbound.col.sender': 'Department', 'inbound.col.event': 'Event',
  'inbound.col.severity': 'Severity', 'inbound.col.urgency': 'Urgency', 'inbound.col.certainty': 'Certainty',
  'inbound.col.areas': 'Areas', 'inbound.col.sent': 'Sent', 'inbound.col.received': 'Received',
  'inbound.col.standing': 'State', 'inbound.col.category': 'Category', 'inbound.col.status': 'Status',
  'inbound.chain': 'Chain', 'inbound.chainOf': '{n} messages', 'inbound.exercise': 'exercise',
  'inbound.unknownRef': 'references an alert not received', 'inbound.loadingCap': 'reading…',
  'inbound.d.identifier': 'Identifier', 'inbound.d.sender': 'Sender', 'inbound.d.via': 'Received via',
  'inbound.d.headline': 'Headline', 'inbound.d.description': 'Description', 'inbound.d.instruction': 'Instruction',
  'inbound.d.expires': 'Expires', 'inbound.d.references': 'References', 'inbound.d.endedBy': 'Ended by',
  'inbound.d.cap': 'Original CAP document', 'inbound.d.close': 'Close',
  'inbound.draft': 'Make a draft', 'inbound.drafted': 'Draft {id} made',
  'inbound.via.push': 'pushed by {name}', 'inbound.via.feed': 'feed {url}',
  'inbound.feed.url': 'Feed', 'inbound.feed.interval': 'Interval', 'inbound.feed.polls': 'Polls',
  'inbound.feed.failures': 'Failures', 'inbound.feed.refused': 'Documents refused', 'inbound.feed.stored': 'Alerts stored',
  'inbound.feed.last': 'Last poll', 'inbound.feed.outcome': 'Outcome', 'inbound.feed.next': 'Next poll',
  'inbound.feed.OK': 'OK', 'inbound.feed.FAILED': 'failed', 'inbound.feed.never': 'not polled yet',
  'inbound.feed.seconds': '{n} s', 'inbound.feed.minutes': '{n} min',
  'inbound.realOnly': 'Actual warnings only (hide exercises and tests)', 'inbound.hidden': '{n} exercise or test chains not shown',
};
for (const [dict, values] of [[zh, zhValues], [en, enValues]]) {
  for (const [kind, names] of Object.entries(values)) {
    for (const [value, name] of Object.entries(names)) dict['inbound.' + kind + '.' + value] = name;
  }
}
// every value the lists above name has its word in both languages (a missing one would show as its key)
for (const [kind, list] of [['severity', SEVERITIES], ['urgency', URGENCIES], ['certainty', CERTAINTIES],
  ['msgType', MSG_TYPES], ['status', STATUSES], ['category', CATEGORIES], ['state', STATES], ['standing', STANDINGS]]) {
  for (const v of list) if (!zh['inbound.' + kind + '.' + v] || !en['inbound.' + kind + '.' + v]) throw new Error(kind + ' ' + v);
}

/**
 * What the console reads of the original document for one stored alert: its first info block's values, every
 * area (description and GB/T 2260 codes), the references. An EDXL-DE envelope holds several alerts: the one of
 * this sender and identifier is taken.
 */
export function readCap(xml, sender, identifier) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const all = Array.from(doc.getElementsByTagNameNS('*', 'alert'));
  const kids = (el, name) => el ? Array.from(el.children).filter(c => c.localName === name) : [];
  const text = (el, name) => { const k = kids(el, name)[0]; return k ? k.textContent.trim() : null; };
  const alert = all.find(a => text(a, 'sender') === sender && text(a, 'identifier') === identifier) || all[0];
  if (!alert) return null;
  const infos = kids(alert, 'info');
  const info = infos[0];
  const refs = (text(alert, 'references') || '').split(/\s+/).filter(Boolean).map(r => {
    const [s, id, sent] = r.split(',');
    return { sender: s, identifier: id, sent };
  });
  const areas = infos.length ? kids(info, 'area').map(a => ({
    description: text(a, 'areaDesc') || '',
    codes: kids(a, 'geocode').filter(g => /2260/.test(text(g, 'valueName') || '')).map(g => text(g, 'value')),
  })) : [];
  return {
    references: refs,
    category: info ? kids(info, 'category').map(c => c.textContent.trim()) : [],
    severity: text(info, 'severity'), urgency: text(info, 'urgency'), certainty: text(info, 'certainty'),
    expires: text(info, 'expires'), headline: text(info, 'headline'), description: text(info, 'description'),
    instruction: text(info, 'instruction'), senderName: text(info, 'senderName'), areas,
  };
}

const instant = iso => { const t = Date.parse(iso); return Number.isNaN(t) ? 0 : t; };

export default {
  id: 'inbound',
  titleKey: 'nav.inbound',
  roles: ['DUTY_OFFICER', 'COMMANDER', 'ADMIN'],
  messages: { 'zh-CN': zh, en },

  mount(el, ctx, param) {
    const { el: h, t } = ctx;
    const value = (kind, v) => (v ? (ctx.t('inbound.' + kind + '.' + v) !== 'inbound.' + kind + '.' + v
      ? t('inbound.' + kind + '.' + v) : v) : '–');
    const canDraft = ctx.hasRole('DUTY_OFFICER', 'COMMANDER');
    const warnings = new Map(); // id -> InboundWarning
    const caps = new Map();     // id -> readCap(...) once read, or 'loading'
    const queue = [];
    let fetching = 0;
    let selected = param ? Number(param) : null;
    let disposed = false;
    let loaded = false;
    const pending = []; // events arriving before the first read

    let real = realOnly();
    const realBox = h('input', { type: 'checkbox', id: 'inbound-real-only', 'data-testid': 'inbound-real-only', checked: real,
      'on:change': e => { real = e.target.checked; setRealOnly(real); draw(); } });
    const count = h('p', { class: 'inbound-count', 'data-testid': 'inbound-count' });
    const chainsEl = h('div', { class: 'inbound-chains', 'data-testid': 'inbound-chains' });
    const detail = h('section', { class: 'inbound-detail', 'data-testid': 'inbound-detail', hidden: true });
    const feedsEl = h('div', { 'data-testid': 'inbound-feeds' });
    el.append(h('h2', {}, t('inbound.title')),
      h('div', { class: 'inbound' },
        h('div', { class: 'inbound-main' },
          h('label', { class: 'inbound-switch', for: 'inbound-real-only' }, realBox, ' ', t('inbound.realOnly')), count, chainsEl),
        h('div', { class: 'inbound-side' }, detail)),
      h('h3', {}, t('inbound.feeds')), feedsEl);

    // ---- the original documents, read a few at a time, each once
    function wantCap(id) {
      if (caps.has(id)) return;
      caps.set(id, 'loading');
      queue.push(id);
      pump();
    }
    function pump() {
      while (fetching < CAP_FETCHES && queue.length && !disposed) {
        const id = queue.shift();
        const w = warnings.get(id);
        fetching++;
        ctx.api('GET', '/api/inbound-warnings/' + id + '/cap', undefined, { accept: 'application/cap+xml, application/problem+json' }).then(xml => {
          caps.set(id, readCap(String(xml), w.sender, w.identifier) || {});
        }, err => { caps.delete(id); ctx.fail(err); }).finally(() => {
          fetching--;
          if (disposed) return;
          scheduleDraw();
          pump();
        });
      }
    }

    // ---- chains: an Update or Cancel hangs under the alert it ended (endedBy, the hub's own link), or else under
    // the latest stored alert of the same sender its CAP references name
    function parentOf(w) {
      for (const other of warnings.values()) if (other.endedBy === w.id) return other;
      const cap = caps.get(w.id);
      if (!cap || cap === 'loading' || w.msgType === 'Alert') return null;
      const refs = cap.references.filter(r => r.sender === w.sender);
      let best = null;
      for (const other of warnings.values()) {
        if (other.id === w.id || other.sender !== w.sender) continue;
        if (refs.some(r => r.identifier === other.identifier && Math.abs(instant(r.sent) - instant(other.sent)) < 1000)
          && (!best || instant(other.sent) > instant(best.sent))) best = other;
      }
      return best;
    }
    function chains() {
      const parent = new Map();
      for (const w of warnings.values()) { const p = parentOf(w); if (p && p.id !== w.id) parent.set(w.id, p.id); }
      const rootOf = id => { const seen = new Set(); while (parent.has(id) && !seen.has(id)) { seen.add(id); id = parent.get(id); } return id; };
      const groups = new Map();
      for (const w of warnings.values()) {
        const r = rootOf(w.id);
        if (!groups.has(r)) groups.set(r, []);
        groups.get(r).push(w);
      }
      const list = [...groups.entries()].map(([root, members]) => {
        members.sort((a, b) => instant(a.sent) - instant(b.sent) || a.id - b.id);
        return { root, members, latestReceived: Math.max(...members.map(m => instant(m.receivedAt))) };
      });
      list.sort((a, b) => b.latestReceived - a.latestReceived || b.root - a.root);
      return list;
    }

    /** One message's standing: in force only when active, not an all-clear and not expired. */
    function standing(w) {
      if (w.msgType === 'Cancel') return 'allClear';
      if (w.state === 'CANCELLED') return 'cancelled';
      if (w.state === 'SUPERSEDED') return 'superseded';
      const cap = caps.get(w.id);
      if (cap && cap !== 'loading' && cap.expires && instant(cap.expires) <= Date.now()) return 'expired';
      return w.msgType === 'Alert' || w.msgType === 'Update' ? 'inForce' : 'notInForce';
    }
    /** The chain's standing: that of its latest message; a chain ended by a Cancel is cancelled. */
    function chainStanding(members) {
      const last = members[members.length - 1];
      if (last.msgType === 'Cancel' || members.some(m => m.state === 'CANCELLED')) return 'cancelled';
      return standing(last);
    }

    function senderName(w) {
      const cap = caps.get(w.id);
      if (cap && cap !== 'loading' && cap.senderName) return cap.senderName;
      return w.via && w.via.startsWith('push:') ? w.via.slice(5) : w.sender;
    }
    function areasText(cap) {
      if (!cap || cap === 'loading') return t('inbound.loadingCap');
      const names = [];
      for (const a of cap.areas) {
        const coded = a.codes.map(c => areaName(c, ctx.lang)).filter(n => n);
        names.push(coded.length ? coded.join('、') : a.description);
      }
      return names.filter(Boolean).join('; ') || '–';
    }

    function row(w, depth) {
      const cap = caps.get(w.id);
      const ready = cap && cap !== 'loading';
      const st = standing(w);
      return h('tr', { 'data-testid': 'inbound-row', 'data-inbound-id': w.id, 'data-msg-type': w.msgType,
        'data-state': w.state, 'data-standing': st, 'data-exercise': w.status === 'Exercise' ? 'true' : 'false',
        class: 'inbound-row inbound-' + st + (selected === w.id ? ' selected' : '') + (depth ? ' inbound-child' : ''),
        tabindex: '0', 'aria-label': (w.headline || w.event || w.identifier),
        'on:click': () => select(w.id), 'on:keydown': e => { if (e.key === 'Enter') select(w.id); } },
      h('td', { 'data-testid': 'inbound-standing' }, h('span', { class: 'inbound-standing inbound-standing-' + st }, value('standing', st))),
      h('td', { 'data-testid': 'inbound-msg-type' }, depth ? h('span', { class: 'inbound-indent' }, '\u21b3 ') : null,
        value('msgType', w.msgType)),
      h('td', { 'data-testid': 'inbound-sender' }, senderName(w)),
      h('td', { class: 'inbound-event', title: w.headline || '' }, h('span', { 'data-testid': 'inbound-event' }, w.event || w.headline || w.identifier),
        w.status !== 'Actual' ? h('span', { class: 'inbound-tag', 'data-testid': 'inbound-status' }, ' ', value('status', w.status)) : null),
      h('td', { 'data-testid': 'inbound-category' }, ready ? cap.category.map(c => value('category', c)).join('、') || '–' : ''),
      h('td', { 'data-testid': 'inbound-severity', 'data-value': ready ? cap.severity : null }, ready ? value('severity', cap.severity) : ''),
      h('td', { 'data-testid': 'inbound-urgency' }, ready ? value('urgency', cap.urgency) : ''),
      h('td', { 'data-testid': 'inbound-certainty' }, ready ? value('certainty', cap.certainty) : ''),
      h('td', { 'data-testid': 'inbound-areas', class: 'inbound-areas' }, areasText(cap)),
      h('td', { 'data-testid': 'inbound-sent' }, ctx.fmtTime(w.sent)),
      h('td', { 'data-testid': 'inbound-received' }, ctx.fmtTime(w.receivedAt)));
    }

    function draw() {
      if (disposed) return;
      const all = chains();
      // a chain is a drill's when its first message is not Actual (an exercise's Update is an exercise too)
      const list = real ? all.filter(c => c.members[0].status === 'Actual') : all;
      count.textContent = t('inbound.count', { chains: list.length, alerts: list.reduce((n, c) => n + c.members.length, 0) })
        + (all.length > list.length ? ' \u00b7 ' + t('inbound.hidden', { n: all.length - list.length }) : '');
      if (!list.length) {
        chainsEl.replaceChildren(h('p', { class: 'empty', 'data-testid': 'inbound-empty' }, t('inbound.empty')));
        return;
      }
      const head = h('thead', {}, h('tr', {}, ['standing', 'msgType', 'sender', 'event', 'category', 'severity', 'urgency',
        'certainty', 'areas', 'sent', 'received'].map(c => h('th', { scope: 'col' }, t('inbound.col.' + c)))));
      const bodies = list.map(chain => {
        const st = chainStanding(chain.members);
        const rootW = chain.members.find(m => m.id === chain.root) || chain.members[0];
        const orphan = rootW.msgType !== 'Alert' && !chain.members.some(m => m.endedBy) && caps.get(rootW.id) !== 'loading'
          && (caps.get(rootW.id) || { references: [] }).references.length > 0;
        return h('tbody', { 'data-testid': 'inbound-chain', 'data-root-id': chain.root, 'data-standing': st,
          'data-size': chain.members.length, class: 'inbound-chain inbound-chain-' + st },
        h('tr', { class: 'inbound-chain-head' }, h('th', { colspan: '11', scope: 'rowgroup' },
          h('span', { class: 'inbound-standing inbound-standing-' + st, 'data-testid': 'inbound-chain-standing' }, value('standing', st)),
          ' ', rootW.event || rootW.headline || rootW.identifier, ' \u00b7 ', t('inbound.chainOf', { n: chain.members.length }),
          orphan ? h('span', { class: 'inbound-tag' }, ' \u00b7 ', t('inbound.unknownRef')) : null)),
        chain.members.map(m => row(m, m.id === chain.root ? 0 : 1)));
      });
      chainsEl.replaceChildren(h('table', { class: 'console-table inbound-table', 'data-testid': 'inbound-table' }, head, bodies));
      if (selected !== null && warnings.has(selected)) drawDetail();
    }
    let drawTimer = null;
    function scheduleDraw() {
      if (drawTimer) return;
      drawTimer = setTimeout(() => { drawTimer = null; draw(); }, 50);
    }

    // ---- detail: the alert's content and its original document, and "make a draft"
    let shownCap = null;
    function select(id) {
      selected = id;
      shownCap = null;
      const hash = '#/inbound/' + id;
      if (location.hash !== hash) history.replaceState(null, '', hash);
      draw();
      drawDetail();
    }
    function drawDetail() {
      const w = warnings.get(selected);
      if (!w) { detail.hidden = true; return; }
      const cap = caps.get(w.id);
      const ready = cap && cap !== 'loading';
      const ender = w.endedBy ? warnings.get(w.endedBy) : null;
      const dl = h('dl', { class: 'summary' });
      const add = (key, v, testid) => { if (v !== null && v !== undefined && v !== '') dl.append(h('dt', {}, t(key)), h('dd', { 'data-testid': testid }, v)); };
      add('inbound.col.msgType', value('msgType', w.msgType), 'inbound-detail-msg-type');
      add('inbound.col.standing', value('standing', standing(w)), 'inbound-detail-standing');
      add('inbound.col.status', value('status', w.status), 'inbound-detail-status');
      add('inbound.d.identifier', w.identifier, 'inbound-detail-identifier');
      add('inbound.d.sender', w.sender, 'inbound-detail-sender');
      add('inbound.d.via', w.via && w.via.startsWith('push:') ? t('inbound.via.push', { name: w.via.slice(5) })
        : t('inbound.via.feed', { url: w.via }), 'inbound-detail-via');
      add('inbound.col.event', w.event, 'inbound-detail-event');
      add('inbound.d.headline', w.headline, 'inbound-detail-headline');
      if (ready) {
        add('inbound.col.category', cap.category.map(c => value('category', c)).join('、'), 'inbound-detail-category');
        add('inbound.col.severity', value('severity', cap.severity), 'inbound-detail-severity');
        add('inbound.col.urgency', value('urgency', cap.urgency), 'inbound-detail-urgency');
        add('inbound.col.certainty', value('certainty', cap.certainty), 'inbound-detail-certainty');
        add('inbound.col.areas', areasText(cap), 'inbound-detail-areas');
        add('inbound.d.expires', cap.expires ? ctx.fmtTime(cap.expires) : null, 'inbound-detail-expires');
        add('inbound.d.description', cap.description, 'inbound-detail-description');
        add('inbound.d.instruction', cap.instruction, 'inbound-detail-instruction');
        add('inbound.d.references', cap.references.length ? cap.references.map(r => r.identifier + ' (' + ctx.fmtTime(r.sent) + ')').join('; ') : null,
          'inbound-detail-references');
      }
      add('inbound.col.sent', ctx.fmtTime(w.sent), 'inbound-detail-sent');
      add('inbound.col.received', ctx.fmtTime(w.receivedAt), 'inbound-detail-received');
      if (w.endedBy) {
        add('inbound.d.endedBy', ender ? h('a', { href: '#/inbound/' + ender.id, 'data-testid': 'inbound-detail-ended-by',
          'on:click': e => { e.preventDefault(); select(ender.id); } }, value('msgType', ender.msgType) + ' ' + ender.identifier)
          : String(w.endedBy), 'inbound-detail-ended');
      }
      const pre = h('pre', { class: 'inbound-cap', 'data-testid': 'inbound-detail-cap' }, shownCap || t('inbound.loadingCap'));
      if (shownCap === null) {
        const id = w.id;
        ctx.api('GET', '/api/inbound-warnings/' + id + '/cap', undefined, { accept: 'application/cap+xml, application/problem+json' }).then(xml => {
          if (selected !== id || disposed) return;
          shownCap = String(xml);
          drawDetail();
        }, err => ctx.fail(err));
        shownCap = '';
      }
      const draftButton = canDraft ? h('button', { type: 'button', 'data-testid': 'inbound-draft',
        'on:click': e => makeDraft(w, e.target) }, t('inbound.draft')) : null;
      detail.replaceChildren(
        h('div', { class: 'inbound-detail-head' }, h('h3', {}, w.headline || w.event || w.identifier),
          h('button', { type: 'button', 'data-testid': 'inbound-detail-close', 'on:click': () => {
            selected = null; detail.hidden = true; history.replaceState(null, '', '#/inbound'); draw();
          } }, t('inbound.d.close'))),
        dl, draftButton, h('h4', {}, t('inbound.d.cap')), pre);
      detail.dataset.inboundId = String(w.id);
      detail.hidden = false;
    }
    function makeDraft(w, button) {
      button.disabled = true;
      ctx.api('POST', '/api/inbound-warnings/' + w.id + '/draft').then(view => {
        ctx.toast(t('inbound.drafted', { id: view.identifier }), 'success');
        ctx.navigate('#/warnings/' + encodeURIComponent(view.identifier));
      }, err => { button.disabled = false; ctx.fail(err); });
    }

    // ---- feeds' poll health
    function duration(iso) {
      const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso || '');
      if (!m) return iso || '';
      const seconds = (Number(m[1] || 0) * 3600) + Number(m[2] || 0) * 60 + Number(m[3] || 0);
      return seconds % 60 === 0 ? t('inbound.feed.minutes', { n: seconds / 60 }) : t('inbound.feed.seconds', { n: seconds });
    }
    function drawFeeds(list) {
      if (!list.length) { feedsEl.replaceChildren(h('p', { class: 'empty', 'data-testid': 'inbound-no-feeds' }, t('inbound.noFeeds'))); return; }
      feedsEl.replaceChildren(h('table', { class: 'console-table inbound-feeds' },
        h('thead', {}, h('tr', {}, ['url', 'interval', 'outcome', 'last', 'next', 'polls', 'failures', 'refused', 'stored']
          .map(c => h('th', { scope: 'col' }, t('inbound.feed.' + c))))),
        h('tbody', {}, list.map(f => h('tr', { 'data-testid': 'inbound-feed', 'data-url': f.url, 'data-outcome': f.lastOutcome || 'NONE',
          class: f.lastOutcome === 'FAILED' ? 'inbound-feed-failed' : null },
        h('td', { class: 'inbound-feed-url', title: f.url }, f.url), h('td', {}, duration(f.interval)),
        h('td', { 'data-testid': 'inbound-feed-outcome', title: f.lastError || '' },
          f.lastOutcome ? t('inbound.feed.' + f.lastOutcome) : t('inbound.feed.never'), f.lastError ? h('div', { class: 'inbound-feed-error' }, f.lastError) : null),
        h('td', {}, ctx.fmtTime(f.lastPolledAt)), h('td', {}, ctx.fmtTime(f.nextDue)), h('td', {}, f.polls),
        h('td', {}, f.failures), h('td', {}, f.documentsRefused), h('td', {}, f.alertsStored))))));
    }
    function loadFeeds() {
      ctx.api('GET', '/api/inbound-feeds').then(list => { if (!disposed) drawFeeds(list || []); }, err => ctx.fail(err));
    }

    // ---- live: registered before the read; events arriving meanwhile are applied after it
    function apply(ev) {
      const data = ev.data || {};
      for (const w of [data.warning, ...(data.ended || [])]) {
        if (!w || w.id === undefined) continue;
        warnings.set(w.id, w);
        wantCap(w.id);
      }
      scheduleDraw();
    }
    const offs = [ctx.events.on('inbound-warning.received', ev => { if (loaded) apply(ev); else pending.push(ev); })];
    ctx.api('GET', '/api/inbound-warnings?limit=' + LIMIT).then(list => {
      if (disposed) return;
      for (const w of list || []) if (!warnings.has(w.id)) { warnings.set(w.id, w); }
      loaded = true;
      pending.splice(0).forEach(apply);
      for (const w of warnings.values()) wantCap(w.id);
      draw();
      if (selected !== null && warnings.has(selected)) drawDetail();
    }, err => ctx.fail(err));
    loadFeeds();
    const feedTimer = setInterval(loadFeeds, 30000);

    return () => { disposed = true; clearInterval(feedTimer); clearTimeout(drawTimer); offs.forEach(off => off()); };
  }
};
