// Plans (docs/plans.md): the list of digital emergency plans (GET /api/plans), one plan's version read as a table of
// levels × parties (GET /api/plans/{id}/versions/{v}/file), its version history and the level its conditions suggest
// now (GET /api/plans/{id}/suggestion). Administrators edit: upload or paste a plan file, check it (POST
// /api/plans/validate, problems shown by their path), and save it as a new version with a note (POST
// /api/plans/{id}/versions) or import a new plan (POST /api/plans); also import the shipped plans (POST /api/plans/shipped).
const LEVELS = ['IV', 'III', 'II', 'I'];

export default {
  id: 'plans',
  titleKey: 'nav.plans',
  roles: ['DUTY_OFFICER', 'COMMANDER', 'ADMIN'],
  messages: {
    'zh-CN': {
      'nav.plans': '预案', 'plans.title': '数字化应急预案', 'plans.none': '暂无预案', 'plans.id': '编号', 'plans.name': '名称',
      'plans.category': '灾种', 'plans.current': '现行版本', 'plans.updated': '更新时间', 'plans.retired': '已废止',
      'plans.importShipped': '导入随附预案', 'plans.shippedDone': '已导入 {n} 个随附预案', 'plans.new': '导入新预案',
      'plans.back': '返回预案列表', 'plans.version': '版本', 'plans.history': '版本历史', 'plans.by': '修订人',
      'plans.at': '时间', 'plans.note': '修订说明', 'plans.party': '责任单位', 'plans.level.IV': 'Ⅳ级', 'plans.level.III': 'Ⅲ级',
      'plans.level.II': 'Ⅱ级', 'plans.level.I': 'Ⅰ级', 'plans.ack': '需回执', 'plans.within': '{d}内',
      'plans.conditions': '启动条件（建议级别）', 'plans.suggestion': '当前建议', 'plans.suggestNone': '当前无条件满足，无建议级别',
      'plans.suggestLevel': '建议启动 {level}应急响应（仅为建议，须指挥长决定）', 'plans.kind.DEPARTMENT': '省直部门',
      'plans.kind.CITIES': '设区市', 'plans.kind.CENTRE': '指挥中心', 'plans.editor': '编辑预案（管理员）',
      'plans.editorNew': '导入新预案（管理员）', 'plans.file': '上传预案文件', 'plans.paste': '或粘贴预案文件（JSON）',
      'plans.noteLabel': '修订说明', 'plans.validate': '校验', 'plans.save': '保存为新版本', 'plans.saveNew': '导入',
      'plans.valid': '预案文件校验通过', 'plans.saved': '已保存为第 {v} 版', 'plans.problems': '预案文件有以下问题：',
      'plans.path': '位置', 'plans.problem': '问题', 'plans.whole': '（整个文件）', 'plans.edit': '编辑此预案',
      'error.FIELD_REQUIRED.note': '请填写修订说明'
    },
    en: {
      'nav.plans': 'Plans', 'plans.title': 'Digital emergency plans', 'plans.none': 'No plan yet', 'plans.id': 'Id', 'plans.name': 'Title',
      'plans.category': 'Hazard', 'plans.current': 'Current version', 'plans.updated': 'Updated', 'plans.retired': 'retired',
      'plans.importShipped': 'Import the shipped plans', 'plans.shippedDone': '{n} shipped plan(s) imported', 'plans.new': 'Import a new plan',
      'plans.back': 'Back to the plans', 'plans.version': 'Version', 'plans.history': 'Version history', 'plans.by': 'By',
      'plans.at': 'When', 'plans.note': 'Note', 'plans.party': 'Party', 'plans.level.IV': 'Level IV', 'plans.level.III': 'Level III',
      'plans.level.II': 'Level II', 'plans.level.I': 'Level I', 'plans.ack': 'acknowledgement required', 'plans.within': 'within {d}',
      'plans.conditions': 'Conditions (suggested level)', 'plans.suggestion': 'Suggestion now', 'plans.suggestNone': 'No condition holds now: no level suggested',
      'plans.suggestLevel': 'Suggests a level {level} response (a suggestion: the commander decides)', 'plans.kind.DEPARTMENT': 'Department',
      'plans.kind.CITIES': 'Cities', 'plans.kind.CENTRE': 'Command centre', 'plans.editor': 'Edit the plan (administrator)',
      'plans.editorNew': 'Import a new plan (administrator)', 'plans.file': 'Upload a plan file', 'plans.paste': 'or paste a plan file (JSON)',
      'plans.noteLabel': 'What changed', 'plans.validate': 'Check', 'plans.save': 'Save as a new version', 'plans.saveNew': 'Import',
      'plans.valid': 'The plan file is valid', 'plans.saved': 'Saved as version {v}', 'plans.problems': 'The plan file has these problems:',
      'plans.path': 'Where', 'plans.problem': 'Problem', 'plans.whole': '(the whole file)', 'plans.edit': 'Edit this plan',
      'error.FIELD_REQUIRED.note': 'Say what changed'
    }
  },

  mount(el, ctx, param) {
    const { el: h, t } = ctx;
    const admin = ctx.hasRole('ADMIN');
    let disposed = false;
    const tr = text => (text ? text[ctx.lang] || text['zh-CN'] || text.en || '' : '');
    const enc = encodeURIComponent;

    // an ISO-8601 duration as the officer reads it: PT2H -> 2小时 / 2 h
    function duration(iso) {
      const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso || '');
      if (!m) return iso;
      const zh = ctx.lang === 'zh-CN';
      const parts = [[m[1], zh ? '天' : ' d'], [m[2], zh ? '小时' : ' h'], [m[3], zh ? '分钟' : ' min'], [m[4], zh ? '秒' : ' s']];
      return parts.filter(p => p[0]).map(p => p[0] + p[1]).join(zh ? '' : ' ');
    }

    const body = h('div', { 'data-testid': 'plans-screen' });
    el.append(body);

    // 'list' while the list is shown: only then do plan events draw it again (never over an open editor)
    let mode = 'list';

    function showList() {
      mode = 'list';
      const tbody = h('tbody', { 'data-testid': 'plans-list' });
      const tools = admin ? h('div', { class: 'plans-tools' },
        h('button', { 'data-testid': 'plans-import-shipped', 'on:click': importShipped }, t('plans.importShipped')), ' ',
        h('button', { 'data-testid': 'plans-new', 'on:click': () => { mode = 'new'; body.replaceChildren(h('h2', {}, t('plans.title')), backLink(), editor(null, '')); } },
          t('plans.new'))) : null;
      body.replaceChildren(h('h2', {}, t('plans.title')), tools,
        h('table', { class: 'plans-table' }, h('thead', {}, h('tr', {},
          ...['id', 'name', 'category', 'current', 'updated'].map(k => h('th', {}, t('plans.' + k))))), tbody));
      ctx.api('GET', '/api/plans').then(plans => {
        if (disposed) return;
        tbody.replaceChildren(...(plans.length ? plans.map(p => h('tr', {
          'data-testid': 'plans-row', 'data-plan-id': p.id, 'data-version': String(p.currentVersion),
          class: p.retiredAt ? 'muted' : '', style: { cursor: 'pointer' }, 'on:click': () => ctx.navigate('#/plans/' + p.id) },
        h('td', {}, p.id), h('td', {}, ctx.lang === 'zh-CN' ? p.titleZh : p.titleEn, p.retiredAt ? ' (' + t('plans.retired') + ')' : ''),
        h('td', {}, p.category), h('td', { 'data-testid': 'plans-row-version' }, String(p.currentVersion)),
        h('td', {}, ctx.fmtTime(p.updatedAt)))) : [h('tr', {}, h('td', { colspan: '5', 'data-testid': 'plans-empty' }, t('plans.none')))]));
      }, ctx.fail);
    }

    function importShipped() {
      ctx.api('POST', '/api/plans/shipped').then(done => {
        ctx.toast(t('plans.shippedDone', { n: done.length }), 'success');
        if (!disposed && mode === 'list') showList();
      }, ctx.fail);
    }

    function backLink() {
      return h('p', {}, h('a', { href: '#/plans', 'data-testid': 'plans-back' }, t('plans.back')));
    }

    function showPlan(id, version) {
      const wanted = version || 'current';
      Promise.all([ctx.api('GET', '/api/plans/' + enc(id)),
        ctx.api('GET', `/api/plans/${enc(id)}/versions/${enc(wanted)}/file`, undefined, { accept: 'application/json' })])
        .then(([summary, file]) => {
          if (disposed) return;
          const plan = typeof file === 'string' ? JSON.parse(file) : file;
          const select = h('select', { 'data-testid': 'plans-version-select',
            'on:change': () => showPlan(id, select.value) },
          ...summary.versions.map(v => h('option', { value: String(v.version), selected: v.version === plan.version },
            `${t('plans.version')} ${v.version}`)));
          const parts = [h('h2', { 'data-testid': 'plans-detail-title', 'data-plan-id': id, 'data-version': String(plan.version) },
            tr(plan.title)), backLink(),
          h('p', {}, h('label', {}, t('plans.version') + ' ', select), ' ',
            summary.retiredAt ? h('span', { class: 'muted' }, t('plans.retired')) : null),
          matrix(plan), conditions(plan), suggestion(id, plan.version), history(summary)];
          // an edit starts from the current version (an older one would be refused as edited from a past version)
          if (admin && !summary.retiredAt && plan.version === summary.currentVersion) {
            parts.push(editor(id, typeof file === 'string' ? file : JSON.stringify(file, null, 2)));
          }
          body.replaceChildren(...parts);
        }, err => { if (!disposed) { body.replaceChildren(backLink()); ctx.fail(err); } });
    }

    // rows: the parties; columns: the levels; each cell the party's actions at that level
    function matrix(plan) {
      const rows = plan.parties.map(party => h('tr', { 'data-testid': 'plans-party-row', 'data-party': party.id },
        h('th', { scope: 'row' }, tr(party.name), h('div', { class: 'muted' }, t('plans.kind.' + party.kind)
          + (party.code ? ' · ' + party.code : ''))),
        ...LEVELS.map(level => h('td', { 'data-level': level },
          ...(plan.levels[level] || []).filter(a => a.party === party.id).map(a => h('div', {
            class: 'plans-action', 'data-testid': 'plans-action', 'data-action-id': a.id, 'data-deadline': a.deadline },
          tr(a.text), ' ', h('span', { class: 'muted' }, t('plans.within', { d: duration(a.deadline) }),
            a.requiresAcknowledgement ? ' · ' + t('plans.ack') : '')))))));
      return h('table', { class: 'plans-matrix', 'data-testid': 'plans-matrix' },
        h('thead', {}, h('tr', {}, h('th', {}, t('plans.party')), ...LEVELS.map(l => h('th', {}, t('plans.level.' + l))))),
        h('tbody', {}, ...rows));
    }

    function conditions(plan) {
      return h('div', {}, h('h3', {}, t('plans.conditions')),
        h('ul', { 'data-testid': 'plans-conditions' }, ...(plan.conditions || []).map(c => h('li', { 'data-level': c.level },
          h('strong', {}, t('plans.level.' + c.level)), ' ', tr(c.reason)))));
    }

    function suggestion(id, version) {
      const box = h('p', { 'data-testid': 'plans-suggestion' });
      ctx.api('GET', `/api/plans/${enc(id)}/suggestion?version=${version}`).then(s => {
        box.dataset.level = s.level || '';
        box.replaceChildren(h('strong', {}, t('plans.suggestion') + ': '), s.level
          ? t('plans.suggestLevel', { level: t('plans.level.' + s.level) }) + ' — ' + s.matches.filter(m => m.level === s.level)
            .map(m => tr({ 'zh-CN': m.reason.zh, en: m.reason.en })).join('; ')
          : t('plans.suggestNone'));
      }, ctx.fail);
      return box;
    }

    function history(summary) {
      return h('div', {}, h('h3', {}, t('plans.history')),
        h('table', { class: 'plans-history' }, h('thead', {}, h('tr', {},
          ...['version', 'by', 'at', 'note'].map(k => h('th', {}, t('plans.' + k))))),
        h('tbody', { 'data-testid': 'plans-history' }, ...summary.versions.map(v => h('tr', {
          'data-testid': 'plans-history-row', 'data-version': String(v.version) },
        h('td', {}, String(v.version)), h('td', {}, v.createdBy), h('td', {}, ctx.fmtTime(v.createdAt)), h('td', {}, v.note))))));
    }

    // the administrator's editor: for plan `id` (a new version), or a new plan when id is null
    function editor(id, text) {
      const area = h('textarea', { 'data-testid': 'plans-editor-text', rows: '18', spellcheck: 'false', class: 'plans-editor-text' });
      area.value = text;
      const fileInput = h('input', { type: 'file', accept: '.json,application/json', 'data-testid': 'plans-editor-file',
        'on:change': () => {
          const f = fileInput.files[0];
          if (f) f.text().then(content => { area.value = content; problems.replaceChildren(); });
        } });
      const note = h('input', { type: 'text', maxlength: '500', 'data-testid': 'plans-editor-note', class: 'plans-editor-note' });
      const problems = h('div', { 'data-testid': 'plans-problems' });
      const showProblems = err => {
        const list = err && err.body && Array.isArray(err.body.problems) ? err.body.problems : [];
        problems.replaceChildren(...(list.length ? [h('p', { class: 'error' }, t('plans.problems')),
          h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('plans.path')), h('th', {}, t('plans.problem')))),
            h('tbody', {}, ...list.map(p => h('tr', { 'data-testid': 'plans-problem', 'data-path': p.path },
              h('td', {}, h('code', {}, p.path || t('plans.whole'))), h('td', {}, p.message)))))] : []));
        ctx.fail(err);
      };
      const send = (path) => ctx.api('POST', path, area.value, { contentType: 'application/json' });
      const validate = h('button', { 'data-testid': 'plans-editor-validate', 'on:click': () => {
        send('/api/plans/validate').then(() => { problems.replaceChildren(); ctx.toast(t('plans.valid'), 'success'); }, showProblems);
      } }, t('plans.validate'));
      const save = h('button', { class: 'primary', 'data-testid': 'plans-editor-save', 'on:click': () => {
        save.disabled = true;
        const q = note.value.trim() ? '?note=' + enc(note.value.trim()) : '';
        send(id ? `/api/plans/${enc(id)}/versions${q}` : `/api/plans${q}`).then(v => {
          save.disabled = false;
          ctx.toast(t('plans.saved', { v: v.version }), 'success');
          if (disposed) return;
          if (id) showPlan(id, String(v.version)); else ctx.navigate('#/plans/' + v.planId);
        }, err => { save.disabled = false; showProblems(err); });
      } }, id ? t('plans.save') : t('plans.saveNew'));
      return h('div', { class: 'plans-editor', 'data-testid': 'plans-editor' },
        h('h3', {}, id ? t('plans.editor') : t('plans.editorNew')),
        h('p', {}, h('label', {}, t('plans.file') + ' ', fileInput)),
        h('p', {}, t('plans.paste')), area,
        h('p', {}, h('label', {}, t('plans.noteLabel') + ' ', note), ' ', validate, ' ', save), problems);
    }

    if (param) showPlan(param, null); else showList();
    if (param) mode = 'plan';
    const off = ctx.events.on('plan.', () => { if (!disposed && mode === 'list') showList(); });
    return () => { disposed = true; off(); };
  }
};
