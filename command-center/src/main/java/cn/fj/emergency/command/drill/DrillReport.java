package cn.fj.emergency.command.drill;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * What a drill measured (docs/drills.md#the-drill-report): counts of what was sent and acknowledged, latency
 * percentiles, and everything lost or late. Times are wall-clock milliseconds, after compression.
 */
public record DrillReport(String scenario, double timeScale, double rateMultiplier, String startedAt,
		String finishedAt, double wallSeconds, int consoles, Reports reports, Orders orders, Alerts departmentAlerts,
		Warnings warnings, Supplies supplyRequests, List<String> errors) {

	/** Percentiles of one measurement, in milliseconds. */
	public record Latency(long count, double p50Millis, double p90Millis, double p99Millis, double maxMillis) {

		static Latency of(Histogram micros) {
			if (micros.getTotalCount() == 0) {
				return new Latency(0, 0, 0, 0, 0);
			}
			return new Latency(micros.getTotalCount(), millis(micros.getValueAtPercentile(50)),
					millis(micros.getValueAtPercentile(90)), millis(micros.getValueAtPercentile(99)),
					millis(micros.getMaxValue()));
		}

		private static double millis(long micros) {
			return Math.round(micros / 10.0) / 100.0;
		}

	}

	/**
	 * Incident reports: {@code sent} by the platforms, {@code acknowledged} with a receipt, {@code refused} (by
	 * code); report → console latency over every console; {@code lost} = acknowledged but never seen on some console.
	 */
	public record Reports(long sent, long acknowledged, long refused, Map<String, Long> refusals, Latency toConsole,
			long thresholdMillis, long late, long lost, List<String> lostReportIds) {
	}

	/**
	 * Orders: {@code targets} = order × city; issue → the platform receiving it, issue → its final acknowledgement
	 * (ACCEPTED or REJECTED, after the scenario's simulated delays); {@code lost} targets never acknowledged.
	 */
	public record Orders(long issued, long targets, long acknowledged, Latency toCity, Latency toAcknowledgement,
			long thresholdMillis, long late, long lost, List<String> lostTargets) {
	}

	public record Alerts(long pushed, long accepted, long refused) {
	}

	/**
	 * Hub warnings: published, ledger rows delivered (SENT or ACKNOWLEDGED), approval → delivery latency;
	 * {@code lost} = published warnings with no delivery.
	 */
	public record Warnings(long published, long deliveries, Latency approvedToDelivery, long thresholdMillis, long late,
			long lost, List<String> lostWarnings) {
	}

	public record Supplies(long sent, long accepted, long refused) {
	}

	/** Nothing lost, nothing failed: the drill went as planned (lateness is reported, not a failure). */
	public boolean clean() {
		return this.reports.lost == 0 && this.orders.lost == 0 && this.warnings.lost == 0 && this.errors.isEmpty();
	}

	/** The report for people: the same figures as Markdown. */
	public String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("# Drill report: ").append(this.scenario).append("\n\n");
		md.append("Started ").append(this.startedAt).append(", finished ").append(this.finishedAt)
			.append(String.format(Locale.ROOT, " (%.1f s wall clock), time-scale %s, rate multiplier %s, %d console(s). ",
					this.wallSeconds, num(this.timeScale), num(this.rateMultiplier), this.consoles))
			.append(clean() ? "Nothing lost.\n\n" : "**Something was lost or failed: see below.**\n\n");
		md.append("| Measurement | Count | p50 ms | p90 ms | p99 ms | max ms | Late (threshold) | Lost |\n");
		md.append("|---|---|---|---|---|---|---|---|\n");
		row(md, "Report → console", this.reports.toConsole, this.reports.late + " (" + this.reports.thresholdMillis + " ms)",
				this.reports.lost);
		row(md, "Order → city platform", this.orders.toCity, "", 0);
		row(md, "Order → acknowledgement", this.orders.toAcknowledgement,
				this.orders.late + " (" + this.orders.thresholdMillis + " ms)", this.orders.lost);
		row(md, "Warning approved → channel delivery", this.warnings.approvedToDelivery,
				this.warnings.late + " (" + this.warnings.thresholdMillis + " ms)", this.warnings.lost);
		md.append("\n| Sent | Count |\n|---|---|\n");
		md.append("| Incident reports sent / acknowledged / refused | ").append(this.reports.sent).append(" / ")
			.append(this.reports.acknowledged).append(" / ").append(this.reports.refused).append(" |\n");
		md.append("| Orders issued / targets / acknowledged | ").append(this.orders.issued).append(" / ")
			.append(this.orders.targets).append(" / ").append(this.orders.acknowledged).append(" |\n");
		md.append("| Department CAP alerts pushed / accepted / refused | ").append(this.departmentAlerts.pushed)
			.append(" / ").append(this.departmentAlerts.accepted).append(" / ").append(this.departmentAlerts.refused)
			.append(" |\n");
		md.append("| Hub warnings published / deliveries | ").append(this.warnings.published).append(" / ")
			.append(this.warnings.deliveries).append(" |\n");
		md.append("| Supply requests sent / accepted / refused | ").append(this.supplyRequests.sent).append(" / ")
			.append(this.supplyRequests.accepted).append(" / ").append(this.supplyRequests.refused).append(" |\n");
		if (!this.reports.refusals.isEmpty()) {
			md.append("\nReport refusals by code: ").append(this.reports.refusals).append("\n");
		}
		list(md, "Reports acknowledged but not seen on every console", this.reports.lostReportIds);
		list(md, "Order targets never acknowledged", this.orders.lostTargets);
		list(md, "Warnings never delivered", this.warnings.lostWarnings);
		list(md, "Errors", this.errors);
		return md.toString();
	}

	private static void row(StringBuilder md, String name, Latency latency, String late, long lost) {
		md.append("| ").append(name).append(" | ").append(latency.count()).append(" | ")
			.append(num(latency.p50Millis())).append(" | ").append(num(latency.p90Millis())).append(" | ")
			.append(num(latency.p99Millis())).append(" | ").append(num(latency.maxMillis())).append(" | ")
			.append(late).append(" | ").append(lost).append(" |\n");
	}

	private static void list(StringBuilder md, String title, List<String> items) {
		if (!items.isEmpty()) {
			md.append("\n").append(title).append(":\n\n");
			items.forEach(item -> md.append("- ").append(item).append("\n"));
		}
	}

	private static String num(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
	}

}
