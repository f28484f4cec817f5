/**
 * A small RSocket 1.0 client over WebSocket, for the hub's console stream (docs/console-stream.md,
 * docs/web-console.md#the-rsocket-client).
 *
 * Transport: one binary WebSocket message per frame, without the 24-bit frame length prefix of TCP.
 * Frames: SETUP, REQUEST_RESPONSE, REQUEST_STREAM, REQUEST_N, CANCEL, KEEPALIVE, PAYLOAD, ERROR (encoded and
 * decoded); any other frame type received is ignored (LEASE, METADATA_PUSH) or answered by closing
 * the connection (fragments: the hub never fragments). Metadata is composite
 * (`message/x.rsocket.composite-metadata.v0`): the SETUP carries the bearer token
 * (`message/x.rsocket.authentication.v0`), every request its route (`message/x.rsocket.routing.v0`).
 * Data is JSON (`application/json`).
 *
 * Usage:
 * ```js
 * const conn = await RSocketConnection.connect('ws://host:8080/rsocket', {token});
 * const receipt = await conn.requestResponse('some.route', {...});          // parsed JSON
 * const sub = conn.requestStream('events.stream', {after: 0}, {
 *   onNext: value => ..., onError: err => ..., onComplete: () => ...}, {demand: 256});
 * sub.cancel();
 * conn.onClose(reason => ...);   // reason: RSocketError or Error
 * conn.close();
 * ```
 * Flow control: a stream requests `demand` elements and tops up with REQUEST_N by the consumed amount each time
 * half of it has been delivered. Keepalive: a KEEPALIVE with the R flag every `keepAlive` ms; received
 * KEEPALIVEs with R are answered; the connection is closed when nothing arrived for `lifetime` ms.
 * Errors: an ERROR frame becomes an {@link RSocketError}; its JSON body (the hub's `{code, message, retryable,
 * lastSeq, head, field, ...}`) is parsed when it is JSON.
 *
 * The encoders and {@link decodeFrame} are exported for the frame codec test (RSocketJsFrameCodecTest), which
 * compares them with rsocket-java's codecs byte for byte.
 */

/** Frame types (RSocket 1.0). */
export const FrameType = Object.freeze({
  SETUP: 0x01, LEASE: 0x02, KEEPALIVE: 0x03, REQUEST_RESPONSE: 0x04, REQUEST_FNF: 0x05, REQUEST_STREAM: 0x06,
  REQUEST_CHANNEL: 0x07, REQUEST_N: 0x08, CANCEL: 0x09, PAYLOAD: 0x0A, ERROR: 0x0B, METADATA_PUSH: 0x0C,
  RESUME: 0x0D, RESUME_OK: 0x0E, EXT: 0x3F,
});

/** Flags (the 10 low bits of the type-and-flags field). */
export const Flags = Object.freeze({
  IGNORE: 0x200, METADATA: 0x100, FOLLOWS: 0x80, RESUME: 0x80, RESPOND: 0x80, LEASE: 0x40, COMPLETE: 0x40,
  NEXT: 0x20,
});

/** ERROR frame codes. */
export const ErrorCodes = Object.freeze({
  INVALID_SETUP: 0x001, UNSUPPORTED_SETUP: 0x002, REJECTED_SETUP: 0x003, REJECTED_RESUME: 0x004,
  CONNECTION_ERROR: 0x101, CONNECTION_CLOSE: 0x102, APPLICATION_ERROR: 0x201, REJECTED: 0x202, CANCELED: 0x203,
  INVALID: 0x204,
});

/** Well-known MIME type ids of composite metadata (the ones this client uses). */
export const WellKnownMime = Object.freeze({
  'application/json': 0x05,
  'message/x.rsocket.authentication.v0': 0x7C,
  'message/x.rsocket.routing.v0': 0x7E,
  'message/x.rsocket.composite-metadata.v0': 0x7F,
});

const COMPOSITE = 'message/x.rsocket.composite-metadata.v0';
const JSON_MIME = 'application/json';
const MAX_24 = 0xFFFFFF;
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: false });

/** Raised for ERROR frames (and local protocol failures, with `errorCode` 0). */
export class RSocketError extends Error {
  constructor(errorCode, text, streamId = 0) {
    let body = null;
    try { body = JSON.parse(text); } catch (e) { body = null; }
    super(body && typeof body === 'object' && body.message ? body.message : text);
    this.name = 'RSocketError';
    /** ERROR frame code, e.g. 0x201 APPLICATION_ERROR. */
    this.errorCode = errorCode;
    this.streamId = streamId;
    /** The raw error data (UTF-8). */
    this.text = text;
    /** The parsed JSON body, or null. */
    this.body = body && typeof body === 'object' ? body : null;
    /** The hub's error code (`SUBSCRIBER_TOO_SLOW`, …), or the frame code's name. */
    this.code = this.body && this.body.code ? this.body.code : errorCodeName(errorCode);
    this.retryable = this.body ? this.body.retryable === true : false;
    this.lastSeq = this.body && this.body.lastSeq != null ? this.body.lastSeq : null;
    this.head = this.body && this.body.head != null ? this.body.head : null;
    this.field = this.body && this.body.field != null ? this.body.field : null;
  }
}

function errorCodeName(code) {
  for (const [name, value] of Object.entries(ErrorCodes)) {
    if (value === code) return name;
  }
  return 'ERROR_' + code.toString(16);
}

// ---------------------------------------------------------------- byte helpers

class Writer {
  constructor() { this.parts = []; this.length = 0; }
  u8(v) { return this.bytes(Uint8Array.of(v & 0xFF)); }
  u16(v) { return this.bytes(Uint8Array.of((v >>> 8) & 0xFF, v & 0xFF)); }
  u24(v) {
    if (v > MAX_24) throw new RangeError('length ' + v + ' does not fit 24 bits');
    return this.bytes(Uint8Array.of((v >>> 16) & 0xFF, (v >>> 8) & 0xFF, v & 0xFF));
  }
  u32(v) { return this.bytes(Uint8Array.of((v >>> 24) & 0xFF, (v >>> 16) & 0xFF, (v >>> 8) & 0xFF, v & 0xFF)); }
  u64(v) {
    const big = BigInt(v);
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, big);
    return this.bytes(b);
  }
  bytes(b) { this.parts.push(b); this.length += b.length; return this; }
  finish() {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) { out.set(p, at); at += p.length; }
    return out;
  }
}

function toBytes(value) {
  if (value == null) return new Uint8Array(0);
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (typeof value === 'string') return utf8.encode(value);
  return utf8.encode(JSON.stringify(value));
}

function header(w, streamId, type, flags) {
  w.u32(streamId & 0x7FFFFFFF);
  w.u16((type << 10) | (flags & 0x3FF));
}

function metadataAndData(w, metadata, data) {
  if (metadata != null) {
    w.u24(metadata.length);
    w.bytes(metadata);
  }
  w.bytes(toBytes(data));
}

// ---------------------------------------------------------------- metadata

/**
 * Composite metadata from entries `[mime, bytes]`: well-known MIME types as one byte (0x80 | id), others as
 * length-1 + US-ASCII name; then a 24-bit length and the content.
 */
export function compositeMetadata(entries) {
  const w = new Writer();
  for (const [mime, content] of entries) {
    const bytes = toBytes(content);
    const id = WellKnownMime[mime];
    if (id !== undefined) {
      w.u8(0x80 | id);
    } else {
      const name = utf8.encode(mime);
      if (name.length < 1 || name.length > 128) throw new RangeError('MIME type length 1..128: ' + mime);
      w.u8(name.length - 1);
      w.bytes(name);
    }
    w.u24(bytes.length);
    w.bytes(bytes);
  }
  return w.finish();
}

/** Routing metadata: each tag as one length byte and its UTF-8 bytes. */
export function routingMetadata(...routes) {
  const w = new Writer();
  for (const route of routes) {
    const bytes = utf8.encode(route);
    if (bytes.length < 1 || bytes.length > 255) throw new RangeError('route length 1..255: ' + route);
    w.u8(bytes.length);
    w.bytes(bytes);
  }
  return w.finish();
}

/** Bearer authentication metadata: the well-known auth type 0x81 and the UTF-8 token. */
export function bearerMetadata(token) {
  return new Writer().u8(0x81).bytes(utf8.encode(token)).finish();
}

/** The composite metadata of a request: its route. */
export function routeMetadata(route) {
  return compositeMetadata([['message/x.rsocket.routing.v0', routingMetadata(route)]]);
}

// ---------------------------------------------------------------- encoders

/**
 * SETUP on stream 0, version 1.0, no resume, no lease. `metadata` (bytes) is sent when given (M flag).
 */
export function encodeSetup({ keepAlive, lifetime, metadataMime = COMPOSITE, dataMime = JSON_MIME, metadata = null,
  data = null }) {
  const w = new Writer();
  header(w, 0, FrameType.SETUP, metadata != null ? Flags.METADATA : 0);
  w.u16(1).u16(0).u32(keepAlive).u32(lifetime);
  const mm = utf8.encode(metadataMime);
  const dm = utf8.encode(dataMime);
  w.u8(mm.length).bytes(mm).u8(dm.length).bytes(dm);
  metadataAndData(w, metadata, data);
  return w.finish();
}

export function encodeRequestResponse(streamId, metadata, data) {
  const w = new Writer();
  header(w, streamId, FrameType.REQUEST_RESPONSE, metadata != null ? Flags.METADATA : 0);
  metadataAndData(w, metadata, data);
  return w.finish();
}

export function encodeRequestStream(streamId, initialRequestN, metadata, data) {
  const w = new Writer();
  header(w, streamId, FrameType.REQUEST_STREAM, metadata != null ? Flags.METADATA : 0);
  w.u32(clampN(initialRequestN));
  metadataAndData(w, metadata, data);
  return w.finish();
}

export function encodeRequestN(streamId, n) {
  const w = new Writer();
  header(w, streamId, FrameType.REQUEST_N, 0);
  w.u32(clampN(n));
  return w.finish();
}

export function encodeCancel(streamId) {
  const w = new Writer();
  header(w, streamId, FrameType.CANCEL, 0);
  return w.finish();
}

export function encodeKeepalive(respond, lastPosition = 0, data = null) {
  const w = new Writer();
  header(w, 0, FrameType.KEEPALIVE, respond ? Flags.RESPOND : 0);
  w.u64(lastPosition);
  w.bytes(toBytes(data));
  return w.finish();
}

function clampN(n) {
  return Math.max(1, Math.min(0x7FFFFFFF, Math.floor(n)));
}

// ---------------------------------------------------------------- decoder

/**
 * Decodes one frame (a WebSocket message) into `{streamId, type, flags, ...}`: PAYLOAD → `metadata`, `data`
 * (Uint8Array or null), `next`, `complete`, `follows`; ERROR → `errorCode`, `text`; KEEPALIVE → `respond`,
 * `lastPosition` (BigInt), `data`; REQUEST_N → `n`; SETUP → `version`, `keepAlive`, `lifetime`, MIME types,
 * `metadata`, `data`; REQUEST_RESPONSE / REQUEST_STREAM → `n` (stream only), `metadata`, `data`.
 */
export function decodeFrame(input) {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 6) throw new RSocketError(0, 'frame shorter than its header');
  const streamId = view.getUint32(0) & 0x7FFFFFFF;
  const typeAndFlags = view.getUint16(4);
  const type = typeAndFlags >>> 10;
  const flags = typeAndFlags & 0x3FF;
  const frame = { streamId, type, flags };
  let at = 6;
  const hasMetadata = (flags & Flags.METADATA) !== 0;
  const readMetadataAndData = () => {
    if (hasMetadata) {
      const len = (bytes[at] << 16) | (bytes[at + 1] << 8) | bytes[at + 2];
      at += 3;
      frame.metadata = bytes.subarray(at, at + len);
      at += len;
    } else {
      frame.metadata = null;
    }
    frame.data = bytes.subarray(at);
  };
  switch (type) {
    case FrameType.PAYLOAD:
      frame.follows = (flags & Flags.FOLLOWS) !== 0;
      frame.complete = (flags & Flags.COMPLETE) !== 0;
      frame.next = (flags & Flags.NEXT) !== 0;
      readMetadataAndData();
      break;
    case FrameType.ERROR:
      frame.errorCode = view.getUint32(at);
      frame.text = utf8Decoder.decode(bytes.subarray(at + 4));
      break;
    case FrameType.KEEPALIVE:
      frame.respond = (flags & Flags.RESPOND) !== 0;
      frame.lastPosition = view.getBigUint64(at);
      frame.data = bytes.subarray(at + 8);
      break;
    case FrameType.REQUEST_N:
      frame.n = view.getUint32(at);
      break;
    case FrameType.REQUEST_STREAM:
      frame.n = view.getUint32(at);
      at += 4;
      readMetadataAndData();
      break;
    case FrameType.REQUEST_RESPONSE:
      readMetadataAndData();
      break;
    case FrameType.SETUP: {
      frame.version = [view.getUint16(at), view.getUint16(at + 2)];
      frame.keepAlive = view.getUint32(at + 4);
      frame.lifetime = view.getUint32(at + 8);
      at += 12;
      if (flags & Flags.RESUME) {
        const tl = view.getUint16(at);
        at += 2 + tl;
      }
      const ml = bytes[at++];
      frame.metadataMime = utf8Decoder.decode(bytes.subarray(at, at + ml));
      at += ml;
      const dl = bytes[at++];
      frame.dataMime = utf8Decoder.decode(bytes.subarray(at, at + dl));
      at += dl;
      readMetadataAndData();
      break;
    }
    default:
      break;
  }
  return frame;
}

/** Parses data bytes as JSON (empty data → null). */
export function parseJson(bytes) {
  if (bytes == null || bytes.length === 0) return null;
  return JSON.parse(utf8Decoder.decode(bytes));
}

// ---------------------------------------------------------------- connection

/** One RSocket connection (client side) over a WebSocket. */
export class RSocketConnection {

  /**
   * Opens the WebSocket and sends SETUP with the bearer token. Resolves once the socket is open and SETUP sent
   * (RSocket has no SETUP acknowledgement: a refused SETUP arrives as an ERROR frame and closes the connection).
   * Options: `token` (required), `keepAlive` ms (default 20000), `lifetime` ms (default 90000).
   */
  static connect(url, { token, keepAlive = 20000, lifetime = 90000 } = {}) {
    return new Promise((resolve, reject) => {
      let ws;
      try {
        ws = new WebSocket(url);
      } catch (e) {
        reject(e);
        return;
      }
      ws.binaryType = 'arraybuffer';
      const conn = new RSocketConnection(ws, keepAlive, lifetime);
      const failed = () => reject(new RSocketError(0, 'WebSocket to ' + url + ' could not be opened'));
      ws.addEventListener('error', failed, { once: true });
      ws.addEventListener('open', () => {
        ws.removeEventListener('error', failed);
        const metadata = compositeMetadata([['message/x.rsocket.authentication.v0', bearerMetadata(token)]]);
        conn.send(encodeSetup({ keepAlive, lifetime, metadata }));
        conn.startKeepalive();
        resolve(conn);
      }, { once: true });
    });
  }

  constructor(ws, keepAlive, lifetime) {
    this.ws = ws;
    this.keepAliveMs = keepAlive;
    this.lifetimeMs = lifetime;
    this.nextStreamId = 1;
    this.streams = new Map();
    this.closeListeners = [];
    this.closed = false;
    this.lastReceived = Date.now();
    ws.addEventListener('message', event => this.receive(event.data));
    ws.addEventListener('close', event => this.terminate(this.closeReason
      || new RSocketError(0, 'connection closed (WebSocket ' + event.code + ')')));
    ws.addEventListener('error', () => {
      this.closeReason = this.closeReason || new RSocketError(0, 'WebSocket error');
    });
  }

  /** True while the WebSocket is open. */
  get open() {
    return !this.closed && this.ws.readyState === WebSocket.OPEN;
  }

  send(frame) {
    if (this.ws.readyState !== WebSocket.OPEN) {
      throw new RSocketError(0, 'connection is not open');
    }
    this.ws.send(frame);
  }

  startKeepalive() {
    this.keepaliveTimer = setInterval(() => {
      if (Date.now() - this.lastReceived > this.lifetimeMs) {
        this.closeReason = new RSocketError(0, 'no frame from the hub for ' + this.lifetimeMs + ' ms');
        this.ws.close();
        return;
      }
      if (this.open) this.send(encodeKeepalive(true, 0));
    }, this.keepAliveMs);
  }

  /** Registers a listener for the end of the connection, called once with the reason. */
  onClose(listener) {
    if (this.closed) {
      listener(this.closeReason);
    } else {
      this.closeListeners.push(listener);
    }
  }

  /** Closes the WebSocket; open requests fail with `reason`. */
  close(reason) {
    if (this.closed) return;
    this.closeReason = reason || new RSocketError(0, 'closed by the client');
    this.ws.close();
    this.terminate(this.closeReason);
  }

  terminate(reason) {
    if (this.closed) return;
    this.closed = true;
    this.closeReason = reason;
    clearInterval(this.keepaliveTimer);
    const open = [...this.streams.values()];
    this.streams.clear();
    for (const s of open) s.fail(reason);
    for (const l of this.closeListeners) l(reason);
    this.closeListeners = [];
  }

  allocateStreamId() {
    const id = this.nextStreamId;
    this.nextStreamId += 2;
    return id;
  }

  /** REQUEST_RESPONSE on `route` with JSON `data`; resolves with the parsed JSON answer (null when empty). */
  requestResponse(route, data) {
    return new Promise((resolve, reject) => {
      if (!this.open) {
        reject(this.closeReason || new RSocketError(0, 'connection is not open'));
        return;
      }
      const streamId = this.allocateStreamId();
      this.streams.set(streamId, {
        payload: frame => {
          this.streams.delete(streamId);
          if (frame.next) resolve(parseJson(frame.data)); else resolve(null);
        },
        fail: error => { this.streams.delete(streamId); reject(error); },
      });
      this.send(encodeRequestResponse(streamId, routeMetadata(route), data));
    });
  }

  /**
   * REQUEST_STREAM on `route` with JSON `data`. `handlers`: `onNext(value)`, `onError(error)`, `onComplete()`.
   * Demand starts at `demand` and is topped up by REQUEST_N. Returns `{streamId, cancel()}`.
   */
  requestStream(route, data, handlers, { demand = 256 } = {}) {
    const { onNext = () => {}, onError = () => {}, onComplete = () => {} } = handlers;
    const streamId = this.allocateStreamId();
    let received = 0;
    let done = false;
    const topUp = Math.max(1, Math.floor(demand / 2));
    const subscription = {
      streamId,
      cancel: () => {
        if (done) return;
        done = true;
        this.streams.delete(streamId);
        if (this.open) this.send(encodeCancel(streamId));
      },
    };
    if (!this.open) {
      done = true;
      queueMicrotask(() => onError(this.closeReason || new RSocketError(0, 'connection is not open')));
      return subscription;
    }
    this.streams.set(streamId, {
      payload: frame => {
        if (frame.next) {
          received++;
          if (received >= topUp && !frame.complete) {
            this.send(encodeRequestN(streamId, received));
            received = 0;
          }
          onNext(parseJson(frame.data));
        }
        if (frame.complete) {
          done = true;
          this.streams.delete(streamId);
          onComplete();
        }
      },
      fail: error => {
        if (done) return;
        done = true;
        this.streams.delete(streamId);
        onError(error);
      },
    });
    this.send(encodeRequestStream(streamId, demand, routeMetadata(route), data));
    return subscription;
  }

  receive(message) {
    this.lastReceived = Date.now();
    if (!(message instanceof ArrayBuffer)) {
      this.close(new RSocketError(0, 'text WebSocket message: RSocket frames are binary'));
      return;
    }
    let frame;
    try {
      frame = decodeFrame(message);
    } catch (e) {
      this.close(e instanceof RSocketError ? e : new RSocketError(0, 'undecodable frame: ' + e.message));
      return;
    }
    if (frame.streamId === 0) {
      if (frame.type === FrameType.KEEPALIVE) {
        if (frame.respond) this.send(encodeKeepalive(false, 0, frame.data));
      } else if (frame.type === FrameType.ERROR) {
        this.close(new RSocketError(frame.errorCode, frame.text, 0));
      }
      // LEASE, METADATA_PUSH and extensions: not used by the hub, ignored
      return;
    }
    const stream = this.streams.get(frame.streamId);
    if (!stream) return; // a late frame of a cancelled stream
    if (frame.type === FrameType.PAYLOAD) {
      if (frame.follows) {
        this.close(new RSocketError(0, 'fragmented frames are not supported'));
        return;
      }
      stream.payload(frame);
    } else if (frame.type === FrameType.ERROR) {
      stream.fail(new RSocketError(frame.errorCode, frame.text, frame.streamId));
    }
  }

}
