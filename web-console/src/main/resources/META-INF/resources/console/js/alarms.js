/**
 * Alarms on every screen (docs/web-console.md#alarms): a persistent banner under the top bar with the newest open
 * alarm and the list of the others, a counter in the top bar, the tab title, a beep generated with Web Audio and a
 * desktop notification where the officer allowed them. The hub raises alarms (once per cause, whatever the number of
 * instances) and records who acknowledged them; `alarm.raised` and `alarm.acknowledged` keep every screen in step.
 */

const POLL_MS = 30000;
const SOUND_KEY = 'hub.console.alarm-sound';

/**
 * Starts the alarms of the signed-in shell. `banner` is the element under the top bar, `counter` the one in it;
 * `deps` are the shell's `{ el, t, fmtTime, api, events, toast, user, baseTitle }`. Answers the stop function.
 */
export function start(banner, counter, deps) {
  const { el, t, api, events, user } = deps;
  const open = new Map(); // id → alarm, newest last
  const closed = new Set(); // ids seen acknowledged: a list read before the acknowledgement must not bring them back
  let expanded = false;
  let stopped = false;
  const mayAcknowledge = user.roles.includes('DUTY_OFFICER') || user.roles.includes('COMMANDER');
  const sound = beeper();

  const offRaised = events.on('alarm.raised', e => {
    const alarm = e.data;
    if (closed.has(alarm.id) || open.has(alarm.id)) return;
    open.set(alarm.id, alarm);
    render();
    announce(alarm);
  });
  const offAcknowledged = events.on('alarm.acknowledged', e => {
    closed.add(e.data.id);
    if (open.delete(e.data.id)) render();
  });

  async function load(announceNew) {
    // only what was open before the read may be dropped for its absence: a raise arriving live meanwhile stays
    const before = [...open.keys()];
    try {
      const list = await api('GET', '/api/alarms');
      if (stopped) return;
      const fresh = [];
      const listed = new Set(list.map(a => a.id));
      for (const id of before) if (!listed.has(id)) open.delete(id);
      for (const alarm of list.slice().reverse()) {
        if (closed.has(alarm.id) || open.has(alarm.id)) continue;
        open.set(alarm.id, alarm);
        fresh.push(alarm);
      }
      render();
      if (announceNew && fresh.length) announce(fresh[fresh.length - 1]);
    } catch (err) {
      if (!stopped) console.error('alarms could not be read', err);
    }
  }

  function describe(alarm) {
    const city = alarm.cityCode ? t('city.' + alarm.cityCode) : t('alarm.province');
    switch (alarm.kind) {
      case 'INCIDENT_LEVEL':
        return t('alarm.incident', { level: t('level.' + alarm.level), city, title: alarm.summary || '' });
      case 'ORDER_OVERDUE':
        return t('alarm.overdue', { order: alarm.summary || '', city });
      case 'DELIVERY_FAILED': {
        // the summary is "<CHANNEL> <recipient>": the channel by its name
        const [channel, ...recipient] = String(alarm.summary || '').split(' ');
        return t('alarm.delivery', { warning: alarm.subjectId || '', channel: [deps.name('channel', channel), ...recipient].join(' ') });
      }
      case 'PLATFORM_OFFLINE':
        return t('alarm.offline', { city });
      default:
        return deps.name('alarm', alarm.kind);
    }
  }

  async function acknowledge(alarm, button) {
    button.disabled = true;
    try {
      const done = await api('POST', '/api/alarms/' + encodeURIComponent(alarm.id) + '/acknowledge');
      closed.add(done.id);
      open.delete(done.id);
      render();
      deps.toast(t('alarm.acknowledgedBy', { by: done.acknowledgedBy, at: deps.fmtTime(done.acknowledgedAt) }),
        'success');
    } catch (err) {
      button.disabled = false;
      deps.toast(t('alarm.ackFailed') + ' ' + deps.errorText(err), 'error', (err && err.code) || null);
    }
  }

  function item(alarm, main) {
    const link = alarm.kind === 'INCIDENT_LEVEL' && alarm.subjectId
      ? el('a', { href: '#/incidents/' + encodeURIComponent(alarm.subjectId), 'data-testid': 'alarm-open' },
        t('alarm.show'))
      : alarm.kind === 'ORDER_OVERDUE' && alarm.subjectId
        ? el('a', { href: '#/orders/' + encodeURIComponent(alarm.subjectId), 'data-testid': 'alarm-open' }, t('alarm.showOrder'))
        : null;
    const ack = mayAcknowledge
      ? el('button', { type: 'button', class: 'alarm-ack', 'data-testid': 'alarm-acknowledge',
        'on:click': e => acknowledge(alarm, e.currentTarget) }, t('alarm.acknowledge'))
      : null;
    return el(main ? 'div' : 'li', {
      class: 'alarm-item alarm-' + alarm.kind + (alarm.level ? ' alarm-level-' + alarm.level : ''),
      'data-testid': main ? 'alarm-current' : 'alarm-item', 'data-alarm-id': alarm.id, 'data-kind': alarm.kind,
    },
    el('span', { class: 'alarm-mark', 'aria-hidden': 'true' }, '!'),
    el('span', { class: 'alarm-text', 'data-testid': 'alarm-text' }, describe(alarm)),
    el('time', { class: 'alarm-time', datetime: alarm.raisedAt }, deps.fmtTime(alarm.raisedAt)),
    link, ack);
  }

  function render() {
    const list = [...open.values()].sort((a, b) => (a.raisedAt < b.raisedAt ? 1 : a.raisedAt > b.raisedAt ? -1 : 0));
    const n = list.length;
    counter.textContent = n ? t('alarm.counter', { n }) : t('alarm.none');
    counter.dataset.count = String(n);
    counter.classList.toggle('alarm-counter-on', n > 0);
    counter.setAttribute('aria-label', t('alarm.counterLabel', { n }));
    document.title = n ? t('alarm.title', { n, title: deps.baseTitle }) : deps.baseTitle;
    banner.dataset.count = String(n);
    if (!n) {
      banner.hidden = true;
      banner.replaceChildren();
      return;
    }
    banner.hidden = false;
    const controls = el('div', { class: 'alarm-controls' },
      n > 1 ? el('button', { type: 'button', 'data-testid': 'alarm-more', 'aria-expanded': String(expanded),
        'on:click': () => { expanded = !expanded; render(); } },
      expanded ? t('alarm.fewer') : t('alarm.more', { n: n - 1 })) : null,
      soundControl(),
      notificationControl());
    const rest = expanded && n > 1
      ? [el('ul', { class: 'alarm-list', 'data-testid': 'alarm-list' }, list.slice(1).map(a => item(a, false)))] : [];
    banner.replaceChildren(item(list[0], true), controls, ...rest);
  }

  function soundControl() {
    if (!sound.supported) return null;
    if (sound.muted()) {
      return el('button', { type: 'button', 'data-testid': 'alarm-sound', 'data-sound': 'muted',
        'on:click': () => { sound.setMuted(false); render(); } }, t('alarm.soundOn'));
    }
    if (sound.blocked()) {
      // the browser holds audio back until the officer interacts with the page: this button is that interaction
      return el('button', { type: 'button', 'data-testid': 'alarm-sound', 'data-sound': 'blocked',
        'on:click': () => { sound.unlock(); sound.beep(); render(); } }, t('alarm.soundEnable'));
    }
    return el('button', { type: 'button', 'data-testid': 'alarm-sound', 'data-sound': 'on',
      'on:click': () => { sound.setMuted(true); render(); } }, t('alarm.soundOff'));
  }

  function notificationControl() {
    if (!('Notification' in window) || Notification.permission !== 'default') return null;
    return el('button', { type: 'button', 'data-testid': 'alarm-notify',
      'on:click': () => Notification.requestPermission().then(() => render(), () => render()) },
    t('alarm.notifyEnable'));
  }

  function announce(alarm) {
    sound.beep();
    if (sound.blocked()) render();
    if ('Notification' in window && Notification.permission === 'granted') {
      try {
        const note = new Notification(t('alarm.notificationTitle'), { body: describe(alarm), tag: 'alarm-' + alarm.id });
        note.onclick = () => { window.focus(); note.close(); };
      } catch (err) {
        console.warn('desktop notification refused', err);
      }
    }
  }

  // any interaction with the page lets the audio context run (browsers' autoplay rules)
  const unlock = () => sound.unlock();
  document.addEventListener('pointerdown', unlock, true);
  document.addEventListener('keydown', unlock, true);
  // signing in was such an interaction: a page that has had one may start its audio at once
  if (navigator.userActivation && navigator.userActivation.hasBeenActive) sound.unlock();
  const timer = setInterval(() => load(true), POLL_MS);
  render();
  load(false);

  return () => {
    stopped = true;
    offRaised();
    offAcknowledged();
    clearInterval(timer);
    document.removeEventListener('pointerdown', unlock, true);
    document.removeEventListener('keydown', unlock, true);
    banner.hidden = true;
    banner.replaceChildren();
    document.title = deps.baseTitle;
  };
}

/** A short two-tone beep, generated (no audio file); played only once the browser lets the page make sound. */
function beeper() {
  const Context = window.AudioContext || window.webkitAudioContext;
  let context = null;
  const state = { beeps: 0 };
  window.__alarmSound = state; // test hook: how many beeps were played, and whether audio is blocked
  const api = {
    supported: Boolean(Context),
    muted: () => localStorage.getItem(SOUND_KEY) === 'off',
    setMuted: muted => localStorage.setItem(SOUND_KEY, muted ? 'off' : 'on'),
    blocked: () => !context || context.state !== 'running',
    unlock() {
      if (!Context) return;
      try {
        if (!context) context = new Context();
        if (context.state === 'suspended') context.resume().catch(() => {});
      } catch (err) {
        console.warn('audio unavailable', err);
      }
    },
    beep() {
      state.blocked = api.blocked();
      if (!Context || api.muted() || api.blocked()) return;
      const now = context.currentTime;
      for (let i = 0; i < 3; i++) {
        const osc = context.createOscillator();
        const gain = context.createGain();
        osc.type = 'square';
        osc.frequency.value = i % 2 ? 660 : 880;
        gain.gain.setValueAtTime(0.0001, now + i * 0.25);
        gain.gain.exponentialRampToValueAtTime(0.2, now + i * 0.25 + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.25 + 0.2);
        osc.connect(gain).connect(context.destination);
        osc.start(now + i * 0.25);
        osc.stop(now + i * 0.25 + 0.22);
      }
      state.beeps++;
    },
  };
  return api;
}
