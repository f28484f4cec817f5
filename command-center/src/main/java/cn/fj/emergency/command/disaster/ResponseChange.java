package cn.fj.emergency.command.disaster;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One change of a response (activated, raised, lowered, ended), as stored, signed and carried by its
 * {@code disaster-response.*} event. {@code jws} is the hub's signature over {@link #claims()} (typ
 * {@code response+jwt}); {@code seq} the number of its event on the log.
 */
public record ResponseChange(UUID responseId, UUID eventId, String eventNameZh, int version, Action action,
		ResponseLevel level, @Nullable ResponseLevel previousLevel, String reason, String changedBy, Instant changedAt,
		boolean exercise, java.util.List<String> cities, @Nullable String jws, @Nullable Long seq) {

	/** What a change does; its event type is {@code disaster-response.} and the lower-case name. */
	public enum Action {

		ACTIVATED, RAISED, LOWERED, ENDED;

		public String eventType() {
			return "disaster-response." + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public ResponseChange {
		cities = java.util.List.copyOf(cities);
	}

	/** The signed claims: everything that says what was decided, by whom, when. */
	Map<String, Object> claims() {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("responseId", this.responseId.toString());
		claims.put("eventId", this.eventId.toString());
		claims.put("version", this.version);
		claims.put("action", this.action.name());
		claims.put("level", this.level.name());
		if (this.previousLevel != null) {
			claims.put("previousLevel", this.previousLevel.name());
		}
		claims.put("reason", this.reason);
		claims.put("changedBy", this.changedBy);
		claims.put("changedAt", this.changedAt.toString());
		claims.put("exercise", this.exercise);
		claims.put("cities", this.cities);
		return claims;
	}

	ResponseChange signed(String signature) {
		return new ResponseChange(this.responseId, this.eventId, this.eventNameZh, this.version, this.action, this.level,
				this.previousLevel, this.reason, this.changedBy, this.changedAt, this.exercise, this.cities, signature,
				this.seq);
	}

	ResponseChange withSeq(long logSeq) {
		return new ResponseChange(this.responseId, this.eventId, this.eventNameZh, this.version, this.action, this.level,
				this.previousLevel, this.reason, this.changedBy, this.changedAt, this.exercise, this.cities, this.jws,
				logSeq);
	}

}
