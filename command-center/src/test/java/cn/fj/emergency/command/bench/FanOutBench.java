package cn.fj.emergency.command.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.netty.buffer.Unpooled;
import io.rsocket.RSocket;
import io.rsocket.SocketAcceptor;
import io.rsocket.core.RSocketConnector;
import io.rsocket.core.RSocketServer;
import io.rsocket.transport.netty.client.WebsocketClientTransport;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.WebsocketServerTransport;
import io.rsocket.util.ByteBufPayload;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.drill.client.ConsoleClient;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Pause;

/**
 * Fan-out: {@code subscribers} console streams ({@code events.stream}, incidents) over {@code connections}
 * RSocket WebSocket connections of the scenario player's {@link ConsoleClient}, while city platforms report at
 * rising paced rates; deliveries per second counted at the consoles. Baseline: a bare rsocket-java server on the same transport broadcasting payloads of the
 * same bytes, from one shared source, to the same number of streams over the same number of connections.
 */
final class FanOutBench {

	/** Deliveries per second in the window, and what the hub or server published meanwhile. */
	record Result(double deliveriesPerSecond, double eventsPerSecond, int streams, int failedStreams, int payloadBytes,
			int rate) {
	}

	private final BenchConfig config;

	FanOutBench(BenchConfig config) {
		this.config = config;
	}

	/** One event as the hub delivers it to a console: the bare server's payload. */
	void sample(Hub hub) {
		ConsoleClient console = ConsoleClient.connect(URI.create("http://127.0.0.1:" + hub.httpPort()), hub.dutyOfficerToken())
			.block(Duration.ofSeconds(60));
		try (console; CityReports cities = CityReports.connect(hub, 1, "fan-sample-" + System.currentTimeMillis())) {
			// from the log (after = 0): a live subscription might attach after the report's commit and miss it
			cities.report(0).block(Duration.ofSeconds(60));
			JsonNode event = console.events(0L, List.of("incidents"), List.of()).next().block(Duration.ofSeconds(60));
			this.event = HubClient.JSON.writeValueAsBytes(event);
		}
	}

	/**
	 * The hub at the configured event rates, lowest first, each on fresh streams: reports paced (open loop) at the
	 * rate, deliveries counted over the measured window. A consumer that cannot keep up is cut off by the hub
	 * ({@code SUBSCRIBER_TOO_SLOW}) rather than slowing the others, so the hub's figure is its highest rate at which
	 * no stream was cut off, where the bare broadcast (which slows its source to its slowest consumer) is measured
	 * as fast as it goes. Stops at the first rate that cut streams off, or that the hub did not sustain.
	 */
	Steps hub(Hub hub) {
		String officer = hub.dutyOfficerToken();
		URI base = URI.create("http://127.0.0.1:" + hub.httpPort());
		List<ConsoleClient> consoles = new ArrayList<>();
		List<Result> steps = new ArrayList<>();
		try (CityReports cities = CityReports.connect(hub, 8, "fan-" + System.currentTimeMillis())) {
			for (int c = 0; c < this.config.connections(); c++) {
				consoles.add(ConsoleClient.connect(base, officer).block(Duration.ofSeconds(60)));
			}
			for (int rate : this.config.fanOutRates()) {
				Result step = step(cities, consoles, rate);
				steps.add(step);
				if (step.failedStreams() > 0 || step.eventsPerSecond() < 0.95 * rate) {
					break;
				}
			}
			return new Steps(steps);
		}
		finally {
			consoles.forEach(ConsoleClient::close);
		}
	}

	private Result step(CityReports cities, List<ConsoleClient> consoles, int rate) {
		List<Disposable> streams = new ArrayList<>();
		LongAdder deliveries = new LongAdder();
		AtomicInteger failed = new AtomicInteger();
		try {
			for (int s = 0; s < this.config.subscribers(); s++) {
				streams.add(consoles.get(s % consoles.size()).events(null, List.of("incidents"), List.of()).subscribe(event -> {
					deliveries.increment();
				}, error -> {
					if (failed.getAndIncrement() < 3) {
						System.err.println("fan-out stream failed at " + rate + " events/s: " + error);
					}
				}));
			}
			// every stream live before the load starts: one report must reach all of them
			// (streams attach a moment after they are requested, so a report every half second until they have)
			long ready = System.nanoTime() + Duration.ofSeconds(120).toNanos();
			while (deliveries.sum() < this.config.subscribers() && System.nanoTime() < ready) {
				cities.report(0).block(Duration.ofSeconds(60));
				Pause.sleep(Duration.ofMillis(500));
			}
			System.out.println("fan-out hub at " + rate + " events/s: " + deliveries.sum() + " of "
					+ this.config.subscribers() + " streams live");
			LongAdder reported = new LongAdder();
			AtomicInteger refused = new AtomicInteger();
			long[] window = new long[4];
			Thread counter = new Thread(() -> {
				Pause.sleep(this.config.warmup());
				window[0] = deliveries.sum();
				window[1] = reported.sum();
				Pause.sleep(this.config.measure());
				window[2] = deliveries.sum();
				window[3] = reported.sum();
			}, "bench-fan-out-window");
			counter.start();
			Load.atRate(rate, this.config.warmup().plus(this.config.measure()).plusSeconds(1),
					(i, at) -> cities.report((int) i).subscribe(r -> reported.increment(), error -> {
						if (refused.getAndIncrement() < 3) {
							System.err.println("fan-out report refused at " + rate + " events/s: " + error);
						}
					}))
				.block(this.config.warmup().plus(this.config.measure()).plusMinutes(2));
			join(counter);
			double seconds = this.config.measure().toSeconds();
			Result result = new Result((window[2] - window[0]) / seconds, (window[3] - window[1]) / seconds,
					this.config.subscribers(), failed.get(), this.event.length, rate);
			System.out.println("fan-out hub at " + rate + " events/s: " + result);
			return result;
		}
		finally {
			streams.forEach(Disposable::dispose);
			// the cancelled streams' last deliveries drain before the next step's streams start
			Pause.sleep(Duration.ofSeconds(2));
		}
	}

	/** The hub's steps, lowest rate first; the figure is the last one that cut no stream off. */
	record Steps(List<Result> steps) {

		Result best() {
			Result best = null;
			for (Result step : this.steps) {
				if (step.failedStreams() == 0) {
					best = step;
				}
			}
			return best != null ? best : this.steps.get(0);
		}

		String describe() {
			return this.steps.stream()
				.map(s -> String.format("paced %d/s: %.0f events/s → %.0f deliveries/s, %d cut off", s.rate(),
						s.eventsPerSecond(), s.deliveriesPerSecond(), s.failedStreams()))
				.collect(java.util.stream.Collectors.joining("; "));
		}

	}

	private byte[] event = new byte[0];

	/**
	 * The bare broadcast: one shared source of the hub's event bytes, published to every stream; the consumers do
	 * what the console client does with each element (demand topped up by 256, JSON parsed).
	 */
	Result bare() {
		byte[] event = this.event.length > 0 ? this.event : "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		LongAdder published = new LongAdder();
		Flux<byte[]> source = Flux.<byte[]>generate(sink -> {
			published.increment();
			sink.next(event);
		}).publish().autoConnect(this.config.subscribers());
		CloseableChannel server = RSocketServer.create(SocketAcceptor.forRequestStream(request -> {
			request.release();
			return source.map(ByteBufPayload::create);
		})).bindNow(WebsocketServerTransport.create("127.0.0.1", 0));
		List<RSocket> connections = new ArrayList<>();
		List<Disposable> streams = new ArrayList<>();
		LongAdder deliveries = new LongAdder();
		AtomicInteger failed = new AtomicInteger();
		try {
			URI uri = URI.create("ws://127.0.0.1:" + server.address().getPort() + "/");
			for (int c = 0; c < this.config.connections(); c++) {
				connections.add(RSocketConnector.create().connect(WebsocketClientTransport.create(uri)).block(Duration.ofSeconds(30)));
			}
			for (int s = 0; s < this.config.subscribers(); s++) {
				streams.add(connections.get(s % connections.size())
					.requestStream(ByteBufPayload.create(Unpooled.EMPTY_BUFFER))
					.limitRate(256)
					.map(payload -> {
						try {
							return HubClient.JSON.readTree(payload.getDataUtf8());
						}
						finally {
							payload.release();
						}
					})
					.subscribe(json -> deliveries.increment(), error -> failed.incrementAndGet()));
			}
			Pause.sleep(this.config.warmup());
			long d0 = deliveries.sum();
			long p0 = published.sum();
			Pause.sleep(this.config.measure());
			double seconds = this.config.measure().toSeconds();
			Result result = new Result((deliveries.sum() - d0) / seconds, (published.sum() - p0) / seconds,
					this.config.subscribers(), failed.get(), event.length, 0);
			System.out.println("fan-out bare: " + result);
			return result;
		}
		finally {
			streams.forEach(Disposable::dispose);
			connections.forEach(RSocket::dispose);
			server.dispose();
		}
	}

	List<Figure> figures(Steps steps, Result bare) {
		Result hub = steps.best();
		double ratio = hub.deliveriesPerSecond() / bare.deliveriesPerSecond();
		boolean met = hub.deliveriesPerSecond() >= 100_000 && ratio >= 0.5 && hub.failedStreams() == 0;
		return List.of(new Figure("Fan-out to " + this.config.subscribers() + " console subscribers",
				String.format("%.0f deliveries/s (%.0f events/s; %d of %d streams cut off)", hub.deliveriesPerSecond(),
						hub.eventsPerSecond(), hub.failedStreams(), hub.streams()),
				String.format("%.0f deliveries/s (bare rsocket-java broadcast, %d-byte payloads; %d streams failed)",
						bare.deliveriesPerSecond(), bare.payloadBytes(), bare.failedStreams()),
				ratio, "≥ 100,000 deliveries/s and ≥ 0.5×", met,
				this.config.subscribers() + " streams on " + this.config.connections() + " WebSocket connections, one officer "
						+ "(hub.stream.max-streams-per-principal raised for this); reports paced from 8 city-link connections "
						+ "at rising rates, each on fresh streams, the figure being the highest rate that cut no stream off ("
						+ steps.describe() + "); the bare broadcast goes as fast as its slowest consumer; harness and hub "
						+ "share the machine's cores",
				null));
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
