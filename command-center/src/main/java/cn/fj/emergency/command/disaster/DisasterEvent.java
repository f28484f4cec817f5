package cn.fj.emergency.command.disaster;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A disaster event as recorded and as carried in its {@code disaster-event.*} events. {@code cities} are concerned
 * as a whole, {@code counties} are further counties concerned; {@code concernedCities} is every city either names:
 * the cities its events on the log are for. {@code state} is OPEN or CLOSED.
 */
public record DisasterEvent(UUID id, String category, String nameZh, @Nullable String nameEn, List<String> cities,
		List<String> counties, List<String> concernedCities, Instant startsAt, @Nullable Instant endsAt, String state,
		boolean exercise, String openedBy, Instant openedAt, @Nullable String closedBy, @Nullable Instant closedAt,
		@Nullable String closeReason) {

	public static final String STREAM = "disaster-events";

	public static final String OPENED = "disaster-event.opened";

	public static final String CLOSED = "disaster-event.closed";

	public static final String MEMBER_ADDED = "disaster-event.member-added";

	public static final String MEMBER_REMOVED = "disaster-event.member-removed";

	public static final String OPEN = "OPEN";

	public static final String CLOSED_STATE = "CLOSED";

	public DisasterEvent {
		cities = List.copyOf(cities);
		counties = List.copyOf(counties);
		concernedCities = List.copyOf(concernedCities);
	}

	public boolean open() {
		return OPEN.equals(this.state);
	}

	DisasterEvent closed(String by, Instant at, String reason) {
		return new DisasterEvent(this.id, this.category, this.nameZh, this.nameEn, this.cities, this.counties,
				this.concernedCities, this.startsAt, this.endsAt == null ? at : this.endsAt, CLOSED_STATE, this.exercise,
				this.openedBy, this.openedAt, by, at, reason);
	}

	/** Whether a principal scoped to {@code city} (null: province-wide) may see the event. */
	public boolean concerns(@Nullable String city) {
		return city == null || this.concernedCities.contains(city);
	}

}
