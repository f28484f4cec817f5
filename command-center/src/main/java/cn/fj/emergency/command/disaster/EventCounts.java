package cn.fj.emergency.command.disaster;

import java.util.Map;

/**
 * An event's picture in numbers, over its current members. {@code incidentsByLevel} and {@code incidentsByStatus}
 * are keyed by incident level (I..IV) and status; {@code orderTargets} counts the (order, city) targets of its
 * orders, {@code ordersAnswered} those that ACCEPTED, COMPLETED or REJECTED, {@code ordersOverdue} those marked
 * overdue; {@code warningsInForce} the warning members published and not expired, cancelled or updated.
 */
public record EventCounts(long incidents, Map<String, Long> incidentsByLevel, Map<String, Long> incidentsByStatus,
		long warnings, long warningsInForce, long orders, long orderTargets, long ordersAnswered, long ordersOverdue, long sitreps,
		long supplyRequests) {

	public EventCounts {
		incidentsByLevel = Map.copyOf(incidentsByLevel);
		incidentsByStatus = Map.copyOf(incidentsByStatus);
	}

}
