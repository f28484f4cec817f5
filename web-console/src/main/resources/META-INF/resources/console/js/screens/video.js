// Video wall: the video sources dispatched to this officer (live: video.dispatched / video.withdrawn), playable
// through a short-lived grant, and every open consultation session with who is present (live: consultation.*).
export default {
  id: 'video',
  titleKey: 'nav.video',
  roles: ['DUTY_OFFICER', 'COMMANDER'],
  messages: {
    'zh-CN': {
      'nav.video': '视频墙', 'video.wall': '调度给我的视频', 'video.none': '暂无调度视频', 'video.play': '播放',
      'video.open': '在新窗口打开', 'video.external': '视频流在外部系统，浏览器可能无法直接播放 RTSP；可用链接打开。',
      'video.withdrawn': '已撤回', 'video.incident': '事件', 'video.sessions': '视频会商', 'video.noSessions': '暂无会商',
      'video.present': '在线', 'video.invited': '受邀', 'video.join': '加入', 'video.leave': '离开', 'video.closed': '已结束',
      'video.nobody': '无人'
    },
    en: {
      'nav.video': 'Video wall', 'video.wall': 'Video dispatched to me', 'video.none': 'No video dispatched', 'video.play': 'Play',
      'video.open': 'Open in a new window', 'video.external': 'Streams live outside the hub; a browser cannot play RTSP itself: use the link.',
      'video.withdrawn': 'withdrawn', 'video.incident': 'Incident', 'video.sessions': 'Consultations', 'video.noSessions': 'No consultation',
      'video.present': 'Present', 'video.invited': 'Invited', 'video.join': 'Join', 'video.leave': 'Leave', 'video.closed': 'closed',
      'video.nobody': 'nobody'
    }
  },

  mount(el, ctx) {
    const { el: h, t } = ctx;
    const me = 'officer:' + ctx.user.subject;
    const fail = ctx.fail;
    const dispatches = new Map();
    const sessions = new Map();
    const grants = new Map(); // dispatch id -> playback grant
    let myGroups = new Set();
    const offs = [];

    const wall = h('div', { class: 'video-wall', 'data-testid': 'video-wall', style: 'display:flex;flex-wrap:wrap;gap:12px' });
    const sessionsEl = h('div', { 'data-testid': 'video-sessions' });
    el.append(h('h2', {}, t('video.wall')), h('p', {}, h('small', {}, t('video.external'))), wall,
      h('h2', {}, t('video.sessions')), sessionsEl);

    const forMe = d => d.targets && ((d.targets.officers || []).includes(ctx.user.subject)
      || (d.targets.groups || []).some(g => myGroups.has(g)));

    function drawWall() {
      const list = [...dispatches.values()].filter(d => d.status === 'ACTIVE');
      if (!list.length) { wall.replaceChildren(h('p', { 'data-testid': 'video-none' }, t('video.none'))); return; }
      wall.replaceChildren(...list.map(d => {
        const g = grants.get(d.id);
        const player = g
          ? h('div', {},
            g.protocol === 'HLS' ? h('video', { 'data-testid': 'video-player', controls: '', muted: '', src: g.playbackUrl, style: 'width:100%' }) : '',
            h('a', { href: g.playbackUrl, target: '_blank', rel: 'noreferrer', 'data-testid': 'video-link', style: 'color:#9cf' }, t('video.open')),
            h('small', {}, ' ' + g.protocol + ' \u00b7 ' + ctx.fmtTime(g.expiresAt)))
          : h('button', { 'data-testid': 'video-play', 'on:click': () =>
            ctx.api('POST', `/api/video/dispatches/${d.id}/playback`).then(grant => { grants.set(d.id, grant); drawWall(); }, fail) }, t('video.play'));
        return h('div', { class: 'video-tile', 'data-testid': 'video-tile', 'data-dispatch-id': d.id, 'data-for-me': String(!!forMe(d)),
          style: 'border:1px solid #bbb;border-radius:4px;padding:8px;width:300px;background:#111;color:#eee' },
          h('div', { style: 'height:120px;display:flex;align-items:center;justify-content:center;background:#222' },
            h('span', {}, '\u25B6 ' + ((d.source && d.source.protocol) || ''))),
          h('b', { 'data-testid': 'video-tile-name' }, (d.source && d.source.name) || d.id),
          h('div', {}, h('small', {}, (d.source && d.source.maskedAddress) || '')),
          d.note ? h('div', {}, d.note) : '',
          h('div', {}, h('a', { href: '#/incidents/' + d.incidentId, style: 'color:#9cf' }, t('video.incident')), ' \u00b7 ', d.dispatchedBy),
          player);
      }));
    }

    function drawSessions() {
      const list = [...sessions.values()].filter(s => s.status === 'OPEN');
      if (!list.length) { sessionsEl.replaceChildren(h('p', {}, t('video.noSessions'))); return; }
      sessionsEl.replaceChildren(...list.map(s => {
        const inIt = (s.participants || []).includes(me);
        return h('div', { class: 'session', 'data-testid': 'video-session', 'data-session-id': s.id },
          h('b', {}, s.title), ' \u00b7 ', h('a', { href: '#/incidents/' + s.incidentId }, t('video.incident')), ' \u00b7 ', s.openedBy,
          h('div', {}, t('video.present') + ': ', h('span', { 'data-testid': 'video-session-present' },
            (s.participants || []).join(', ') || t('video.nobody'))),
          h('div', {}, h('small', {}, t('video.invited') + ': ' + [...(s.invitedCities || []).map(c => t('city.' + c)), ...(s.invitedOfficers || [])].join(', '))),
          h('button', { 'data-testid': inIt ? 'video-session-leave' : 'video-session-join', 'on:click': () =>
            ctx.api('POST', `/api/video/consultations/${s.id}/${inIt ? 'leave' : 'join'}`).then(v => { sessions.set(v.id, v); drawSessions(); }, fail) },
          t(inIt ? 'video.leave' : 'video.join')));
      }));
    }

    offs.push(ctx.events.on('video.', ev => {
      if (ev.type !== 'video.dispatched' && ev.type !== 'video.withdrawn') return;
      // addressed events: whatever reaches this console was dispatched to this officer
      dispatches.set(ev.data.id, ev.data);
      if (ev.type === 'video.withdrawn') grants.delete(ev.data.id);
      drawWall();
    }));
    offs.push(ctx.events.on('consultation.', ev => {
      const s = ev.data && ev.data.session;
      if (s) { sessions.set(s.id, s); drawSessions(); }
    }));

    // What was dispatched before this screen opened: every active dispatch this officer may see
    // (GET /api/video/dispatches without an incident), whatever its incident; and the open incidents' sessions.
    ctx.api('GET', '/api/video/groups').then(groups => {
      myGroups = new Set(groups.filter(g => (g.members || []).includes(ctx.user.subject)).map(g => g.name));
      return ctx.api('GET', '/api/video/dispatches');
    }).then(list => {
      for (const d of list || []) if (!dispatches.has(d.id)) dispatches.set(d.id, d);
      drawWall();
    }, fail);
    // every consultation open now, whatever its incident (GET /api/video/consultations without an incident)
    ctx.api('GET', '/api/video/consultations').then(list => {
      for (const s of list || []) if (!sessions.has(s.id)) sessions.set(s.id, s);
      drawSessions();
    }, fail);
    drawWall();
    drawSessions();

    return () => offs.forEach(off => off());
  }
};
