package cn.fj.emergency.command.alarm;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.stream.HubEvent;

/**
 * Which events of the log raise an alarm, and for which cause. Exercise (drill) events never do: a drill must not
 * look like the real thing on the duty desk. An incident alarms once per level it reaches (I or II), so a report at II
 * raised later to I alarms twice, and a level lowered alarms never.
 */
final class AlarmPolicy {

	private AlarmPolicy() {
	}

	static Optional<AlarmCause> causeOf(HubEvent event, JsonNode data) {
		if (event.exercise()) {
			return Optional.empty();
		}
		return switch (event.type()) {
			case "incident.reported" -> incident(event, data, null);
			case "incident.level-changed" -> incident(event, data, text(data, "previousLevel"));
			case "order.overdue" -> overdue(event, data);
			case "delivery.state-changed" -> deliveryFailed(event, data);
			default -> Optional.empty();
		};
	}

	/** A platform that had been online since {@code onlineSince} (epoch milliseconds) went offline. */
	static AlarmCause offline(String cityCode, long onlineSince, long sourceSeq) {
		return new AlarmCause(AlarmKind.PLATFORM_OFFLINE, "platform-offline:" + cityCode + ":" + onlineSince, cityCode,
				cityCode, null, null, sourceSeq);
	}

	private static Optional<AlarmCause> incident(HubEvent event, JsonNode data, @Nullable String previous) {
		String level = text(data, "level");
		if (!severe(level) || (previous != null && rank(previous) <= rank(level))) {
			return Optional.empty();
		}
		String id = event.subjectId() != null ? event.subjectId() : text(data, "id");
		return Optional.of(new AlarmCause(AlarmKind.INCIDENT_LEVEL, "incident:" + id + ":level:" + level,
				text(data, "cityCode"), id, level, text(data, "title"), event.seq()));
	}

	private static Optional<AlarmCause> overdue(HubEvent event, JsonNode data) {
		String order = text(data, "orderId");
		String city = text(data, "cityCode");
		return Optional.of(new AlarmCause(AlarmKind.ORDER_OVERDUE, "order:" + order + ":overdue:" + city, city, order,
				null, text(data, "orderRef"), event.seq()));
	}

	private static Optional<AlarmCause> deliveryFailed(HubEvent event, JsonNode data) {
		if (!"FAILED".equals(text(data, "state"))) {
			return Optional.empty();
		}
		// a republished delivery that fails again is a new failure: the cause is this event
		return Optional.of(new AlarmCause(AlarmKind.DELIVERY_FAILED,
				"delivery:" + text(data, "messageId") + ":failed:" + event.seq(), null, text(data, "identifier"), null,
				text(data, "channel") + " " + text(data, "recipient"), event.seq()));
	}

	private static boolean severe(@Nullable String level) {
		return "I".equals(level) || "II".equals(level);
	}

	/** I is 1, the most severe. */
	private static int rank(@Nullable String level) {
		return switch (level == null ? "" : level) {
			case "I" -> 1;
			case "II" -> 2;
			case "III" -> 3;
			case "IV" -> 4;
			default -> 5;
		};
	}

	private static @Nullable String text(JsonNode data, String field) {
		JsonNode node = data.path(field);
		return node.isMissingNode() || node.isNull() ? null : node.isString() ? node.asString() : node.toString();
	}

}
