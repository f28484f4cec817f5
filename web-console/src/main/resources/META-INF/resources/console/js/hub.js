/**
 * The console's connection to the hub: the session (the officer token, kept in sessionStorage), HTTP calls
 * ({@link api}) and the ONE live event stream of the session ({@link events}), shared by all screens.
 *
 * The stream (docs/web-console.md#the-live-stream): one RSocket-over-WebSocket connection to `/rsocket` and one
 * `events.stream` subscription. It starts at the log's head as it was when the session began (learned from
 * `RESUME_POSITION_UNKNOWN`'s `head`), so anything a screen reads over HTTP after that is covered by the stream.
 * Events go to the listeners once each, in seq order: an event whose seq is not above the last one dispatched is
 * dropped. After a drop (connection lost, `SUBSCRIBER_TOO_SLOW`, another retryable error) it subscribes again
 * with `after` = the last seq, with a growing pause; when the token has expired, the session ends (sign in again).
 */

import { RSocketConnection } from './rsocket.js';

const SESSION_KEY = 'hub.console.session';

/** A refused HTTP call, from the hub's RFC 9457 problem details (`code`, `detail`/`title`). */
export class HubError extends Error {
  constructor(status, code, message, body) {
    super(message);
    this.name = 'HubError';
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

// ---------------------------------------------------------------- session

let session = loadSession();
const sessionListeners = [];
const warnListeners = [];
let expiryTimer = null;
let warnTimer = null;
/** How long before the token's expiry the officer is warned (docs/web-console.md#the-session). */
export const WARN_BEFORE_MS = 5 * 60 * 1000;

/** The warning's lead for this session: 5 minutes, or a third of a token's life where tokens are shorter. */
export function warnBeforeMs(s = session) {
  if (!s || !s.receivedAt) return WARN_BEFORE_MS;
  return Math.min(WARN_BEFORE_MS, Math.max(0, (Date.parse(s.expiresAt) - s.receivedAt) / 3));
}
scheduleExpiry();

/**
 * Warns {@link onSessionWarn} listeners WARN_BEFORE_MS before the token's expiry, and ends the session at the
 * expiry even when nothing else notices (no refresh exists: the officer signs in again, in place).
 */
function scheduleExpiry() {
  clearTimeout(expiryTimer);
  clearTimeout(warnTimer);
  if (!session) return;
  const s = session;
  const left = Date.parse(s.expiresAt) - Date.now();
  // setTimeout holds at most 2^31-1 ms; a longer token is checked again then
  const lead = warnBeforeMs(s);
  if (left - lead <= 0x7FFFFFFF) {
    warnTimer = setTimeout(() => { if (session === s) warnListeners.forEach(l => l(s.expiresAt)); },
      Math.max(0, left - lead));
  }
  expiryTimer = setTimeout(() => (tokenExpired() ? signOut('expired') : scheduleExpiry()), Math.min(left, 0x7FFFFFFF));
}

/** Listens for the warning that the token expires soon (called with `expiresAt`). */
export function onSessionWarn(listener) {
  warnListeners.push(listener);
}

function loadSession() {
  const raw = sessionStorage.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw);
    if (!s.token || Date.parse(s.expiresAt) <= Date.now()) {
      sessionStorage.removeItem(SESSION_KEY);
      return null;
    }
    return s;
  } catch (e) {
    console.error('stored session unreadable, dropped', e);
    sessionStorage.removeItem(SESSION_KEY);
    return null;
  }
}

/** The signed-in officer's issued token (`token`, `subject`, `roles`, `cityCode`, `expiresAt`), or null. */
export function currentSession() {
  return session;
}

/** Signs in with `POST /api/auth/token`; rejects with HubError (e.g. `BAD_CREDENTIALS`). */
export async function signIn(username, password) {
  const issued = Object.assign(await http('POST', '/api/auth/token', { username, password }, {}, null),
    { receivedAt: Date.now() });
  // another officer does not follow the stream from where the previous one stopped
  if (lastSubject !== issued.subject) stream.lastSeq = null;
  lastSubject = issued.subject;
  session = issued;
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(issued));
  scheduleExpiry();
  // signed in again while the stream runs: it reconnects with the new token, from where it was
  if (stream.running) reconnect();
  return issued;
}

let lastSubject = session ? session.subject : null;

/** Ends the session (the stream stops); listeners of {@link onSessionEnd} learn why (`'signout'`, `'expired'`). */
export function signOut(reason = 'signout') {
  if (!session) return;
  session = null;
  clearTimeout(expiryTimer);
  clearTimeout(warnTimer);
  sessionStorage.removeItem(SESSION_KEY);
  // an expired session keeps the stream's position: signed in again, it resumes after the last event seen
  events.stop(reason === 'expired');
  for (const l of sessionListeners) l(reason);
}

export function onSessionEnd(listener) {
  sessionListeners.push(listener);
}

function tokenExpired() {
  return !session || Date.parse(session.expiresAt) <= Date.now();
}

// ---------------------------------------------------------------- HTTP

/**
 * An HTTP call with the session's token. `body` is sent as JSON unless `contentType` says otherwise (then as is).
 * Resolves with parsed JSON (or text for non-JSON answers, null for 204); rejects with {@link HubError}.
 */
export function api(method, path, body, options = {}) {
  if (!session) return Promise.reject(new HubError(401, 'AUTHENTICATION_REQUIRED', 'Not signed in', null));
  return http(method, path, body, options, session.token).catch(error => {
    if (error instanceof HubError && error.status === 401 && session) {
      signOut('expired');
    }
    throw error;
  });
}

async function http(method, path, body, { contentType, accept } = {}, token) {
  const headers = { Accept: accept || 'application/json, application/problem+json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  let payload;
  if (body !== undefined && body !== null) {
    if (contentType && !/json/.test(contentType)) {
      headers['Content-Type'] = contentType;
      payload = body;
    } else {
      headers['Content-Type'] = contentType || 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch (e) {
    throw new HubError(0, 'NETWORK_ERROR', 'The hub cannot be reached: ' + e.message, null);
  }
  const type = response.headers.get('Content-Type') || '';
  const text = response.status === 204 ? '' : await response.text();
  const json = /json/.test(type) && text ? JSON.parse(text) : null;
  if (!response.ok) {
    const code = json && json.code ? json.code : 'HTTP_' + response.status;
    const message = json ? (json.detail || json.title || code) : (text || response.statusText);
    throw new HubError(response.status, code, message, json || text);
  }
  if (response.status === 204 || text === '') return null;
  return json !== null ? json : text;
}

// ---------------------------------------------------------------- the live stream

const listeners = new Set();
const statusListeners = new Set();
const HEAD_PROBE = Number.MAX_SAFE_INTEGER;

const stream = {
  status: 'offline',
  lastSeq: null,
  connection: null,
  subscription: null,
  running: false,
  generation: 0,
  backoff: 0,
  timer: null,
  holdUntil: 0,
};

function setStatus(status) {
  if (stream.status === status) return;
  stream.status = status;
  for (const l of statusListeners) {
    try { l(status); } catch (e) { console.error('stream status listener failed', e); }
  }
}

function matches(filter, event) {
  if (typeof filter === 'string') {
    if (filter === '*') return true;
    if (filter.endsWith('*')) return event.type.startsWith(filter.slice(0, -1));
    if (filter.endsWith('.')) return event.type.startsWith(filter);
    return event.type === filter;
  }
  if (filter && typeof filter === 'object') {
    if (filter.stream && filter.stream !== event.stream) return false;
    if (filter.type && filter.type !== event.type) return false;
    return true;
  }
  return false;
}

function dispatch(event) {
  if (stream.lastSeq !== null && event.seq <= stream.lastSeq) {
    testHook.dropped.push(event.seq);
    return;
  }
  stream.lastSeq = event.seq;
  testHook.dispatched.push(event.seq);
  if (testHook.dispatched.length > 10000) testHook.dispatched.splice(0, 5000);
  for (const l of [...listeners]) {
    if (!matches(l.filter, event)) continue;
    try {
      l.handler(event);
    } catch (e) {
      console.error('event listener failed on ' + event.type + ' #' + event.seq, e);
    }
  }
}

function wsUrl() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return scheme + '//' + location.host + '/rsocket';
}

function streamRequest(after) {
  const request = { after };
  if (session && session.cityCode) request.cities = [session.cityCode];
  return request;
}

/** The log's head now: a subscription beyond any position is refused with RESUME_POSITION_UNKNOWN and `head`. */
function probeHead(connection) {
  return new Promise((resolve, reject) => {
    connection.requestStream('events.stream', { after: HEAD_PROBE }, {
      onNext: () => reject(new Error('events.stream answered an event beyond ' + HEAD_PROBE)),
      onComplete: () => reject(new Error('events.stream completed')),
      onError: error => {
        if (error.code === 'RESUME_POSITION_UNKNOWN' && error.head != null) resolve(Number(error.head));
        else reject(error);
      },
    }, { demand: 1 });
  });
}

async function runStream(generation) {
  if (!stream.running || generation !== stream.generation) return;
  if (tokenExpired()) {
    signOut('expired');
    return;
  }
  try {
    let connection = stream.connection;
    if (!connection || !connection.open) {
      connection = await RSocketConnection.connect(wsUrl(), { token: session.token });
      testHook.connections++;
      if (!stream.running || generation !== stream.generation) {
        connection.close();
        return;
      }
      stream.connection = connection;
      connection.onClose(reason => {
        if (stream.connection === connection) stream.connection = null;
        if (stream.running && generation === stream.generation) retry(generation, reason);
      });
    }
    if (stream.lastSeq === null) {
      stream.lastSeq = await probeHead(connection);
      if (!stream.running || generation !== stream.generation) return;
      if (stream.positioned) stream.positioned();
    }
    stream.subscription = connection.requestStream('events.stream', streamRequest(stream.lastSeq), {
      onNext: dispatch,
      onComplete: () => retry(generation, new Error('events.stream completed')),
      onError: error => retry(generation, error),
    }, { demand: 256 });
    stream.backoff = 0;
    setStatus('live');
  } catch (error) {
    retry(generation, error);
  }
}

function retry(generation, error) {
  if (!stream.running || generation !== stream.generation) return;
  stream.subscription = null;
  if ((error && (error.code === 'TOKEN_EXPIRED' || error.errorCode === 0x003)) || tokenExpired()) {
    console.warn('stream refused the token; the session ends', error);
    signOut('expired');
    return;
  }
  if (error && error.code === 'RESUME_POSITION_UNKNOWN') {
    console.warn('stream position unknown to the hub; following from its head', error);
    stream.lastSeq = null;
  } else if (error && error.errorCode === 0x201 && !error.retryable) {
    console.error('events.stream refused', error);
    stream.lastError = error;
    setStatus('offline');
    return;
  } else {
    console.warn('events.stream interrupted, resuming after ' + stream.lastSeq, error);
  }
  generation = ++stream.generation;
  setStatus('reconnecting');
  stream.backoff = stream.backoff ? Math.min(stream.backoff * 2, 10000) : 250;
  const wait = Math.max(stream.backoff, stream.holdUntil - Date.now());
  clearTimeout(stream.timer);
  stream.timer = setTimeout(() => runStream(generation), wait);
}

/** Drops the connection (its token is the old one) and subscribes again after the last seq. */
function reconnect() {
  const generation = ++stream.generation;
  if (stream.subscription) stream.subscription.cancel();
  stream.subscription = null;
  if (stream.connection) stream.connection.close();
  stream.connection = null;
  setStatus('reconnecting');
  runStream(generation);
}

/** The session's live events. */
export const events = {
  /** Subscribes a handler to events matching `filter`; answers the unsubscribe function. */
  on(filter, handler) {
    const entry = { filter, handler };
    listeners.add(entry);
    return () => listeners.delete(entry);
  },
  lastSeq() {
    return stream.lastSeq;
  },
  status() {
    return stream.status;
  },
  /** Listens to status changes ('live' | 'reconnecting' | 'offline'); answers the unsubscribe function. */
  onStatus(listener) {
    statusListeners.add(listener);
    return () => statusListeners.delete(listener);
  },
  /**
   * Starts the stream (once per session). Resolves when its start position is known: screens read their HTTP
   * data after that, so the stream covers every change after their read.
   */
  start() {
    if (stream.running) return stream.ready;
    stream.running = true;
    stream.generation++;
    stream.ready = stream.lastSeq !== null ? Promise.resolve()
      : new Promise(resolve => { stream.positioned = resolve; });
    setStatus('reconnecting');
    runStream(stream.generation);
    return stream.ready;
  },
  /** Stops the stream; `keepPosition` (an expired session) resumes after the last seq on the next start. */
  stop(keepPosition = false) {
    stream.running = false;
    stream.generation++;
    clearTimeout(stream.timer);
    if (stream.subscription) stream.subscription.cancel();
    stream.subscription = null;
    if (stream.connection) stream.connection.close();
    stream.connection = null;
    if (!keepPosition) stream.lastSeq = null;
    if (stream.positioned) stream.positioned();
    setStatus('offline');
  },
};

/**
 * Test hooks (`window.__hub`): `dropConnection(holdMs)` closes the WebSocket as a network cut would and keeps
 * the console from reconnecting for `holdMs`; `dispatched` and `dropped` list the seqs handed to listeners and
 * those dropped as already seen; `connections` counts the WebSocket connections opened.
 */
const testHook = {
  connections: 0,
  dispatched: [],
  dropped: [],
  dropConnection(holdMs = 0) {
    stream.holdUntil = Date.now() + holdMs;
    if (stream.connection) stream.connection.ws.close();
  },
  status: () => stream.status,
  lastSeq: () => stream.lastSeq,
};
window.__hub = testHook;
