// Audit view (ADMIN): the hash-chained audit trail, page by page (GET /api/admin/audit?after=&limit=), and its
// verification (GET /api/admin/audit/verification).
const PAGE = 50;

export default {
  id: 'audit',
  titleKey: 'nav.audit',
  roles: ['ADMIN'],
  messages: {
    'zh-CN': {
      'nav.audit': '审计', 'audit.title': '审计记录', 'audit.verify': '校验哈希链', 'audit.intact': '完整',
      'audit.broken': '已损坏，首个不符记录', 'audit.records': '条记录', 'audit.prev': '上一页', 'audit.next': '下一页',
      'audit.first': '最早', 'audit.latest': '最新', 'audit.seq': '序号', 'audit.at': '时间', 'audit.actor': '操作者',
      'audit.action': '操作', 'audit.subject': '对象', 'audit.outcome': '结果', 'audit.details': '详情', 'audit.empty': '无记录',
      'audit.anchorsFailed': '已损坏，签名锚点不符', 'audit.anchors': '个签名锚点，最后锚定序号', 'audit.unanchored': '条尚未锚定', 'audit.hash': '哈希'
    },
    en: {
      'nav.audit': 'Audit', 'audit.title': 'Audit trail', 'audit.verify': 'Verify the hash chain', 'audit.intact': 'intact',
      'audit.broken': 'BROKEN, first record that does not fit', 'audit.records': 'records', 'audit.prev': 'Previous',
      'audit.next': 'Next', 'audit.first': 'Oldest', 'audit.latest': 'Latest', 'audit.seq': 'Seq', 'audit.at': 'At',
      'audit.actor': 'Actor', 'audit.action': 'Action', 'audit.subject': 'Subject', 'audit.outcome': 'Outcome',
      'audit.details': 'Details', 'audit.empty': 'No records',
      'audit.anchorsFailed': 'BROKEN, signed anchors that do not fit', 'audit.anchors': 'signed anchors, the last at seq',
      'audit.unanchored': 'not yet anchored', 'audit.hash': 'Hash'
    }
  },

  mount(el, ctx) {
    const { el: h, t } = ctx;
    // a value of the details in the officer's words where the console knows it (a role, a status, a state…)
    const KINDS = ['ack', 'warning', 'delivery', 'commitment', 'movement', 'drill', 'alarm', 'sitrep', 'outcome'];
    const word = v => {
      if (typeof v !== 'string') return v === null ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v);
      for (const prefix of ['role.', 'status.', 'source.']) if (ctx.t(prefix + v) !== prefix + v) return ctx.t(prefix + v);
      for (const kind of KINDS) if (ctx.name(kind, v) !== v) return ctx.name(kind, v);
      return v;
    };
    /** The details of a record (JSON) as `key: value` pairs with the values named, else as they are. */
    const details = text => {
      let parsed = null;
      try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = null; }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return h('code', {}, text || '');
      return h('code', {}, Object.entries(parsed).map(([k, v]) => k + ': ' + (Array.isArray(v) ? v.map(word).join(', ') : word(v))).join(' · '));
    };
    const fail = err => ctx.fail(err);
    const verification = h('div', { 'data-testid': 'audit-verification' });
    const tbody = h('tbody', {});
    const pos = h('span', { 'data-testid': 'audit-position' });
    let after = 0;
    let records = 0; // length of the chain, from the last verification
    let shown = [];

    function load(from) {
      after = Math.max(0, from);
      ctx.api('GET', `/api/admin/audit?after=${after}&limit=${PAGE}`).then(list => {
        shown = list;
        tbody.replaceChildren(...(list.length ? list.map(r => h('tr', { 'data-testid': 'audit-row', 'data-seq': String(r.seq),
          'data-action': r.action, 'data-outcome': r.outcome, class: r.outcome === 'REFUSED' ? 'refused' : '' },
          h('td', {}, String(r.seq)), h('td', {}, ctx.fmtTime(r.at)), h('td', {}, r.actor + ' (' + ctx.name('actorKind', r.actorKind) + ')'),
          h('td', { title: r.action }, ctx.name('event', r.action)), h('td', {}, r.subject || ''), h('td', {}, ctx.name('outcome', r.outcome)),
          h('td', {}, details(r.details)), h('td', { title: r.hash }, h('code', {}, r.hash.slice(0, 12) + '\u2026'))))
          : [h('tr', {}, h('td', { colspan: '8' }, t('audit.empty')))]));
        pos.textContent = list.length ? `${list[0].seq}–${list[list.length - 1].seq}` + (records ? ` / ${records}` : '') : '';
      }, fail);
    }
    function verify() {
      return ctx.api('GET', '/api/admin/audit/verification').then(v => {
        records = v.records;
        verification.replaceChildren(h('span', { 'data-testid': 'audit-intact', 'data-intact': String(v.intact),
          style: `font-weight:bold;color:${v.intact ? '#2e7d32' : '#c62828'}` },
          v.intact ? '\u2714 ' + t('audit.intact')
            : v.chainIntact === false ? '\u2716 ' + t('audit.broken') + ' ' + v.brokenAt
              : '\u2716 ' + t('audit.anchorsFailed') + ' ' + v.failedAnchors + ' (' + (v.anchorProblems || [])
                .slice(0, 3).map(p => p.seq + ' ' + p.problem).join(', ') + ')'),
          ` \u00b7 ${v.records} ${t('audit.records')} \u00b7 `, h('code', { title: v.lastHash }, (v.lastHash || '').slice(0, 16) + '\u2026'),
          h('span', { 'data-testid': 'audit-anchors', 'data-anchors': String(v.anchors), 'data-failed': String(v.failedAnchors) },
            ` \u00b7 ${v.anchors} ${t('audit.anchors')} ${v.lastAnchoredSeq ?? '\u2013'} \u00b7 ${v.unanchoredRecords} ${t('audit.unanchored')}`));
      }, fail);
    }

    el.append(h('h2', {}, t('audit.title')),
      h('p', {}, h('button', { 'data-testid': 'audit-verify', 'on:click': verify }, t('audit.verify')), ' ', verification),
      h('p', {},
        h('button', { 'data-testid': 'audit-first', 'on:click': () => load(0) }, t('audit.first')), ' ',
        h('button', { 'data-testid': 'audit-prev', 'on:click': () => load(after - PAGE) }, t('audit.prev')), ' ',
        h('button', { 'data-testid': 'audit-next', 'on:click': () => { if (shown.length === PAGE) load(shown[shown.length - 1].seq); } }, t('audit.next')), ' ',
        h('button', { 'data-testid': 'audit-latest', 'on:click': () => verify().then(() => load(records - PAGE)) }, t('audit.latest')), ' ', pos),
      h('table', { class: 'audit-table', 'data-testid': 'audit-table' },
        h('thead', {}, h('tr', {}, ...['seq', 'at', 'actor', 'action', 'subject', 'outcome', 'details'].map(k => h('th', {}, t('audit.' + k))), h('th', {}, t('audit.hash')))),
        tbody));
    verify().then(() => load(Math.max(0, records - PAGE)));
    return () => {};
  }
};
