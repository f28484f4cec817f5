package cn.fj.emergency.command.bench;

/** The fixed part of docs/benchmarks.md: what the figures mean and what was found. */
final class Notes {

	static final String TEXT = """
			## What the figures compare

			- **Durable ingest.** A report is acknowledged only after the transaction that stores the incident and
			  appends its `incident.reported` event has committed (synchronous_commit on). C reports are in flight at
			  once (closed loop over up to 16 city-link TCP connections). The baseline is pgbench inserting one row
			  shaped like an incident row (same columns, primary key, unique key and index) per transaction with C
			  clients. *Off*: the hub started with `hub.intake.max-batch=1`, one transaction per report; *on*: the
			  default micro-batching (`hub.intake.max-batch=256`), one transaction per batch of waiting reports.
			- **Report → console latency.** Two hub instances in this JVM on one PostgreSQL and one Redis; reports at a
			  fixed rate on instance A, a console on instance B. Latency is measured from each report's intended send
			  time, so a late sender is not hidden. The baseline is the same rate of messages of the event's size
			  through raw Redis pub/sub (Lettuce), what any cross-instance notification costs at least.
			- **Fan-out.** Deliveries counted at the consoles while the city platforms report at paced rates
			  (`bench.fanout.rates`), lowest first, each on fresh streams; the figure is the highest rate at which the
			  hub cut no stream off. (The hub does not slow its source for a slow console: it cuts that console off
			  with a resumable position, so a rate the consumers cannot take shows as cut-off streams, not as a lower
			  rate.) The bare broadcast is a plain rsocket-java server over the same WebSocket transport, one shared
			  source fanned out to the same streams over the same connections, which does slow to its slowest
			  consumer, as fast as the consumers take it. Harness clients and servers share the machine's cores in
			  both.
			- **Reservations.** Each commitment of one unit reserves stock at one depot for one request line; the
			  commitments waiting on the balance are written in batches, one transaction each that locks their
			  requests and the balance row once, writes the commitments, the movements to the ledger and their events
			  in a few multi-row statements; each answers the need of its request and its own commitment. They are
			  spread over 1,024 requests, as in earlier runs. The baseline is the bare minimum of the same
			  contention: one conditional UPDATE of one row per transaction.
			- **Warning hand-off.** From the publish request of an approved warning to its arrival at the last of its
			  receivers (two MQTT topics at a real broker, one webhook), under background report load.
			- **References (PostgreSQL alone).** Rows marked *reference* are no figures of the hub but bounds on them:
			  pgbench, on the database the hub has just written and so with the hub's own schema and functions, doing
			  the database work alone, with no hub code, no network hop of the hub and no harness in Java. *A report's
			  least work*: the baseline's row and one event appended through the hub's `event_log_append` (the event
			  in the change's transaction, numbered in commit order by the counter row, the design the architecture
			  gives as its example and the hub uses), one function call a transaction. *The hub's intake statement*: `incident_intake`, the
			  one call that a batch of reports costs the hub, with the shape of a report it stored, one report a call
			  and batched. *A commitment's least work*: the balance's conditional UPDATE, the ledger's movement, the
			  commitment and one event, one function call. A target above its reference cannot be met by any hub
			  code on this database. *rsocket-java alone*: the city link's transport with nothing behind it, a bare
			  rsocket-java server over TCP answering each report's JSON with a receipt-sized payload, on as many
			  connections as the hub's figure.

			Numbers from a loaded 2-core machine are noisy: the harness and every server share the cores. Compare the
			ratios rather than the absolute values, and repeat on a quiet machine before drawing conclusions.
			""";

	private Notes() {
	}

}
