package cn.fj.emergency.command.drill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the player records while it plays, from any thread without locks (HdrHistogram's concurrent histograms,
 * concurrent maps), and the {@link DrillReport} made of it. Times are {@link System#nanoTime()} of this process.
 */
final class Measurements {

	private static final int LISTED = 20;

	private final Scenario.Thresholds limits;

	private final int consoles;

	final AtomicLong reportsSent = new AtomicLong();

	private final Map<String, Long> reportSentAt = new ConcurrentHashMap<>();

	private final Set<String> reportsAcknowledged = ConcurrentHashMap.newKeySet();

	private final Map<String, AtomicInteger> reportSeen = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();

	private final Histogram reportToConsole = histogram();

	private final AtomicLong reportsLate = new AtomicLong();

	private final Map<String, Long> orderIssuedAt = new ConcurrentHashMap<>();

	private final Set<String> orderTargets = ConcurrentHashMap.newKeySet();

	private final Set<String> orderTargetsAcknowledged = ConcurrentHashMap.newKeySet();

	private final Histogram orderToCity = histogram();

	private final Histogram orderToAcknowledgement = histogram();

	private final AtomicLong ordersLate = new AtomicLong();

	final AtomicLong alertsPushed = new AtomicLong();

	final AtomicLong alertsAccepted = new AtomicLong();

	final AtomicLong alertsRefused = new AtomicLong();

	private final Map<String, Long> warningApprovedAt = new ConcurrentHashMap<>();

	private final Set<String> warningsPublished = ConcurrentHashMap.newKeySet();

	private final Set<String> deliveries = ConcurrentHashMap.newKeySet();

	private final Set<String> warningsDelivered = ConcurrentHashMap.newKeySet();

	private final Histogram approvedToDelivery = histogram();

	private final AtomicLong deliveriesLate = new AtomicLong();

	final AtomicLong suppliesSent = new AtomicLong();

	final AtomicLong suppliesAccepted = new AtomicLong();

	final AtomicLong suppliesRefused = new AtomicLong();

	private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

	Measurements(Scenario.Thresholds limits, int consoles) {
		this.limits = limits;
		this.consoles = consoles;
	}

	private static Histogram histogram() {
		return new ConcurrentHistogram(TimeUnit.HOURS.toMicros(6), 3);
	}

	private static long microsSince(long startNanos) {
		return Math.max(0, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startNanos));
	}

	void reportSending(String reportId) {
		this.reportSentAt.put(reportId, System.nanoTime());
		this.reportsSent.incrementAndGet();
	}

	void reportAcknowledged(String reportId) {
		this.reportsAcknowledged.add(reportId);
	}

	void reportRefused(String code) {
		this.refusals.computeIfAbsent(code, c -> new LongAdder()).increment();
	}

	/** A console saw the report's {@code incident.reported}; each console sees each event once. */
	void reportSeen(String reportId) {
		Long sent = this.reportSentAt.get(reportId);
		if (sent == null) {
			return;
		}
		long micros = microsSince(sent);
		this.reportToConsole.recordValue(micros);
		if (micros > this.limits.reportToConsole() * 1000) {
			this.reportsLate.incrementAndGet();
		}
		this.reportSeen.computeIfAbsent(reportId, id -> new AtomicInteger()).incrementAndGet();
	}

	void orderIssuing(String ref, List<String> cities) {
		this.orderIssuedAt.put(ref, System.nanoTime());
		cities.forEach(city -> this.orderTargets.add(ref + "/" + city));
	}

	void orderReachedCity(String ref) {
		Long issued = this.orderIssuedAt.get(ref);
		if (issued != null) {
			this.orderToCity.recordValue(microsSince(issued));
		}
	}

	/** The city's final acknowledgement (ACCEPTED or REJECTED) was recorded. */
	void orderAcknowledged(String ref, String city) {
		Long issued = this.orderIssuedAt.get(ref);
		if (issued != null && this.orderTargetsAcknowledged.add(ref + "/" + city)) {
			long micros = microsSince(issued);
			this.orderToAcknowledgement.recordValue(micros);
			if (micros > this.limits.orderAcknowledgement() * 1000) {
				this.ordersLate.incrementAndGet();
			}
		}
	}

	void warningApproved(String identifier) {
		this.warningApprovedAt.put(identifier, System.nanoTime());
	}

	void warningPublished(String identifier) {
		this.warningsPublished.add(identifier);
	}

	/** A console saw a delivery of a drill warning reach SENT or ACKNOWLEDGED; counted once per ledger row. */
	void warningDelivered(String identifier, String channel, String recipient) {
		Long approved = this.warningApprovedAt.get(identifier);
		if (approved == null || !this.deliveries.add(identifier + "/" + channel + "/" + recipient)) {
			return;
		}
		this.warningsDelivered.add(identifier);
		long micros = microsSince(approved);
		this.approvedToDelivery.recordValue(micros);
		if (micros > this.limits.warningDelivery() * 1000) {
			this.deliveriesLate.incrementAndGet();
		}
	}

	void error(String what) {
		this.errors.add(what);
	}

	/** Everything acknowledged has arrived: nothing more to wait for. */
	boolean settled() {
		return this.reportsAcknowledged.stream().allMatch(this::seenEverywhere)
				&& this.orderTargetsAcknowledged.containsAll(this.orderTargets)
				&& this.warningsDelivered.containsAll(this.warningsPublished);
	}

	private boolean seenEverywhere(String reportId) {
		AtomicInteger seen = this.reportSeen.get(reportId);
		return seen != null && seen.get() >= this.consoles;
	}

	long acknowledgedReports() {
		return this.reportsAcknowledged.size();
	}

	long ordersIssued() {
		return this.orderIssuedAt.size();
	}

	long warningsPublishedCount() {
		return this.warningsPublished.size();
	}

	DrillReport report(String scenario, double timeScale, double rateMultiplier, Instant startedAt, Instant finishedAt) {
		List<String> lostReports = this.reportsAcknowledged.stream().filter(id -> !seenEverywhere(id)).sorted().toList();
		List<String> lostTargets = this.orderTargets.stream()
			.filter(target -> !this.orderTargetsAcknowledged.contains(target))
			.sorted()
			.toList();
		List<String> lostWarnings = this.warningsPublished.stream()
			.filter(id -> !this.warningsDelivered.contains(id))
			.sorted()
			.toList();
		Map<String, Long> refused = new TreeMap<>();
		this.refusals.forEach((code, count) -> refused.put(code, count.sum()));
		long refusedTotal = refused.values().stream().mapToLong(Long::longValue).sum();
		var reports = new DrillReport.Reports(this.reportsSent.get(), this.reportsAcknowledged.size(), refusedTotal,
				refused, DrillReport.Latency.of(this.reportToConsole), this.limits.reportToConsole(),
				this.reportsLate.get(), lostReports.size(), first(lostReports));
		var orders = new DrillReport.Orders(this.orderIssuedAt.size(), this.orderTargets.size(),
				this.orderTargetsAcknowledged.size(), DrillReport.Latency.of(this.orderToCity),
				DrillReport.Latency.of(this.orderToAcknowledgement), this.limits.orderAcknowledgement(),
				this.ordersLate.get(), lostTargets.size(), first(lostTargets));
		var alerts = new DrillReport.Alerts(this.alertsPushed.get(), this.alertsAccepted.get(), this.alertsRefused.get());
		var warnings = new DrillReport.Warnings(this.warningsPublished.size(), this.deliveries.size(),
				DrillReport.Latency.of(this.approvedToDelivery), this.limits.warningDelivery(),
				this.deliveriesLate.get(), lostWarnings.size(), first(lostWarnings));
		var supplies = new DrillReport.Supplies(this.suppliesSent.get(), this.suppliesAccepted.get(),
				this.suppliesRefused.get());
		double wall = (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
		return new DrillReport(scenario, timeScale, rateMultiplier, startedAt.toString(), finishedAt.toString(), wall,
				this.consoles, reports, orders, alerts, warnings, supplies, List.copyOf(new ArrayList<>(this.errors)));
	}

	private static List<String> first(List<String> items) {
		return items.subList(0, Math.min(LISTED, items.size()));
	}

}
