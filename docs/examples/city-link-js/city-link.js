'use strict';
// A city platform's client of the hub's city link (docs/city-link.md), with rsocket-js 1.0
// (npm packages rsocket-core, rsocket-tcp-client and rsocket-composite-metadata, 1.0.0-alpha.3).
//
//   npm install
//   HUB_HOST=hub.example HUB_PORT=7000 HUB_TOKEN=... node city-link.js
//
// It connects with the platform's service token in the SETUP frame, reports one incident (request-response on
// incidents.report), then follows events.stream from the last position it processed (kept in last-seq.txt),
// reconnecting and resuming after a lost connection. Every refusal of the hub is a JSON body with a stable `code`
// (docs/errors.md); the example switches on it.

const fs = require('fs');
const { RSocketConnector, ErrorCodes } = require('rsocket-core');
const { TcpClientTransport } = require('rsocket-tcp-client');
const {
  WellKnownMimeType,
  encodeBearerAuthMetadata,
  encodeCompositeMetadata,
  encodeRoute,
} = require('rsocket-composite-metadata');

const HOST = process.env.HUB_HOST || 'localhost';
const PORT = Number(process.env.HUB_PORT || 7000);
const TOKEN = process.env.HUB_TOKEN || '';
const POSITION_FILE = process.env.HUB_POSITION_FILE || 'last-seq.txt';
// Stop after this many events (0: follow the stream for ever); handy for a first try.
const MAX_EVENTS = Number(process.env.MAX_EVENTS || 0);
// Demand on events.stream: ask for BATCH events, top up when half of them arrived.
const BATCH = 256;

/** A refusal of the hub: the JSON error body of an ERROR frame ({code, message, retryable, ...details}). */
class HubError extends Error {
  constructor(body, frameCode) {
    super(body.message);
    this.name = 'HubError';
    this.code = body.code;
    this.retryable = body.retryable === true;
    this.body = body;
    this.frameCode = frameCode; // RSocket's error code: 0x201 APPLICATION_ERROR, 0x3 REJECTED_SETUP, ...
  }
}

/**
 * The hub's error body carried by an RSocket error; a connection error (plain text) is retryable. rsocket-js's
 * RSocketError is compiled to ES5, where `instanceof RSocketError` does not hold: test its numeric `code`.
 */
function hubError(error) {
  const frameCode = typeof error.code === 'number' ? error.code : undefined;
  try {
    const body = JSON.parse(error.message);
    if (body && typeof body.code === 'string') {
      return new HubError(body, frameCode);
    }
  } catch (plainText) {
    // not JSON: the RSocket library's own refusal, or the connection ended ("Disposed", "Closed. ...")
  }
  return new HubError({ code: 'CONNECTION_LOST', message: error.message, retryable: true }, frameCode);
}

/** Composite metadata with one routing entry naming the route. */
function routing(route) {
  return encodeCompositeMetadata([[WellKnownMimeType.MESSAGE_RSOCKET_ROUTING, encodeRoute(route)]]);
}

function json(body) {
  return Buffer.from(JSON.stringify(body), 'utf8');
}

function parsed(payload) {
  return JSON.parse(payload.data.toString('utf8'));
}

/**
 * Opens a connection. connect() resolves as soon as the SETUP frame is written: RSocket has no positive answer to
 * SETUP. A refused SETUP (bad, expired or revoked token) arrives afterwards as an ERROR frame on stream 0,
 * REJECTED_SETUP with the JSON body, and closes the connection: it surfaces through onClose, never through
 * connect(). `ended` settles when the connection closes, for whatever reason, with the reason as a HubError.
 */
async function connect(token) {
  const connector = new RSocketConnector({
    setup: {
      keepAlive: 20000, // ms between our KEEPALIVE frames; the hub answers and sends its own at this interval
      lifetime: 90000, // ms without a KEEPALIVE before either side gives up
      metadataMimeType: WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.string,
      dataMimeType: 'application/json',
      payload: {
        data: Buffer.alloc(0),
        metadata: encodeCompositeMetadata([
          [WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION, encodeBearerAuthMetadata(token)],
        ]),
      },
    },
    transport: new TcpClientTransport({ connectionOptions: { host: HOST, port: PORT } }),
  });
  const rsocket = await connector.connect();
  const ended = new Promise((resolve) => {
    rsocket.onClose((error) => {
      if (!error) {
        resolve(new HubError({ code: 'CONNECTION_CLOSED', message: 'closed', retryable: true }));
      } else if (error.code === ErrorCodes.REJECTED_SETUP) {
        resolve(hubError(error)); // e.g. {"code":"TOKEN_REVOKED","message":"...","retryable":false}
      } else {
        resolve(hubError(error)); // "Disposed": the hub closed the connection (token expired or revoked)
      }
    });
  });
  return { rsocket, ended };
}

/** request-response: the answer's JSON, or a HubError. */
function requestResponse(rsocket, route, body) {
  return new Promise((resolve, reject) => {
    rsocket.requestResponse(
      { data: json(body), metadata: routing(route) },
      {
        onNext: (payload) => resolve(parsed(payload)),
        onComplete: () => {},
        onError: (error) => reject(hubError(error)),
        onExtension: () => {},
      },
    );
  });
}

/**
 * events.stream from `after` (null: from now on), with bounded demand. Resolves when `stop` says so, rejects with
 * a HubError when the stream ends (it never completes by itself).
 */
function followEvents(rsocket, after, onEvent) {
  return new Promise((resolve, reject) => {
    let outstanding = BATCH;
    const request = after === null ? {} : { after };
    const stream = rsocket.requestStream({ data: json(request), metadata: routing('events.stream') }, BATCH, {
      onNext: (payload) => {
        outstanding--;
        if (onEvent(parsed(payload)) === 'stop') {
          stream.cancel();
          resolve();
          return;
        }
        if (outstanding <= BATCH / 2) {
          stream.request(BATCH - outstanding);
          outstanding = BATCH;
        }
      },
      onComplete: () => resolve(),
      onError: (error) => reject(hubError(error)),
      onExtension: () => {},
    });
  });
}

function savedPosition() {
  try {
    return Number(fs.readFileSync(POSITION_FILE, 'utf8').trim());
  } catch (none) {
    return process.env.HUB_AFTER === undefined ? null : Number(process.env.HUB_AFTER);
  }
}

function savePosition(seq) {
  fs.writeFileSync(POSITION_FILE, String(seq));
}

// Choose the reportId once and keep it (persist it in a real platform): resending the same report with the same
// reportId after a timeout or a lost connection is safe, the hub answers the first receipt again.
const report = {
  reportId: process.env.REPORT_ID || 'xm-example-0001',
  category: '11',
  level: 'III',
  title: 'Waterlogging on Hubin Road',
  description: 'Knee-deep water, two cars stalled',
  latitude: 24.48,
  longitude: 118.09,
  countyCode: process.env.HUB_COUNTY || '350203',
  occurredAt: new Date().toISOString(),
  exercise: true,
};

/** One connection: report (unless done), then follow the stream. Rejects with the HubError that ended it. */
async function session(state) {
  const { rsocket, ended } = await connect(TOKEN);
  // whatever we are waiting for, the end of the connection (a refused SETUP included) ends the wait
  const closed = ended.then((error) => Promise.reject(error));
  closed.catch(() => {});
  try {
    if (!state.reported) {
      try {
        const receipt = await Promise.race([requestResponse(rsocket, 'incidents.report', report), closed]);
        console.log(`reported ${receipt.reportId}: incident ${receipt.incidentId}, seq ${receipt.seq}`);
        state.reported = true;
      } catch (error) {
        if (!(error instanceof HubError) || error.retryable || error.frameCode !== ErrorCodes.APPLICATION_ERROR) {
          throw error; // connection trouble or a retryable refusal: send the same report again after reconnecting
        }
        // refused for good (validation, AREA_OUTSIDE_CITY, REPORT_ID_REUSED...): fix the data, never resend as is
        console.error(`report refused: ${error.code} ${error.body.field || ''} ${error.message}`);
        state.reported = true;
      }
    }
    let received = 0;
    await Promise.race([
      followEvents(rsocket, savedPosition(), (event) => {
        console.log(`event ${event.seq} ${event.type} ${event.subjectId}`);
        savePosition(event.seq); // after processing: resume from here
        received++;
        return MAX_EVENTS > 0 && received >= MAX_EVENTS ? 'stop' : 'go on';
      }),
      closed,
    ]);
  } catch (error) {
    const refusal = error instanceof HubError ? error : hubError(error);
    if (refusal.code === 'CONNECTION_LOST') {
      // rsocket-js fails the open requests ("Closed. Original cause [...]") just before it calls onClose: the
      // connection's own reason, a refused SETUP above all, says more
      const reason = await Promise.race([ended, sleep(1000).then(() => null)]);
      if (reason) {
        throw reason;
      }
    }
    throw refusal;
  } finally {
    rsocket.close();
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main() {
  const state = { reported: false };
  for (let attempt = 0; ; attempt++) {
    try {
      await session(state);
      return 0; // MAX_EVENTS reached
    } catch (error) {
      const refusal = error instanceof HubError ? error : hubError(error);
      switch (refusal.code) {
        case 'AUTHENTICATION_REQUIRED':
        case 'TOKEN_INVALID':
        case 'TOKEN_EXPIRED':
        case 'TOKEN_REVOKED':
          console.error(`connection refused: ${refusal.code}: ${refusal.message}; ask the hub's administrator for a token`);
          return 2;
        case 'RESUME_POSITION_UNKNOWN':
          // the saved position is beyond the hub's log (another hub, a reset database): decide, then reconcile
          console.error(`position unknown to the hub (head ${refusal.body.head}): remove ${POSITION_FILE} to start over`);
          return 3;
        case 'SUBSCRIBER_TOO_SLOW':
          // cut off: everything after lastSeq comes again on the next subscription, nothing lost
          savePosition(Math.max(savedPosition() ?? 0, refusal.body.lastSeq));
          break;
        default:
          if (!refusal.retryable) {
            console.error(`stopped: ${refusal.code}: ${refusal.message}`);
            return 1;
          }
      }
      const wait = Math.min(30000, 500 * 2 ** Math.min(attempt, 6));
      console.error(`${refusal.code}: ${refusal.message}; reconnecting in ${wait} ms`);
      await sleep(wait);
    }
  }
}

main().then((status) => process.exit(status));
