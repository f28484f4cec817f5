package cn.fj.emergency.command.disaster;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.stream.HubEvent;

/** What the HTTP API answers about disaster events and responses (docs/disaster-events.md#http-api). */
public final class Views {

	private Views() {
	}

	/**
	 * An event's page: the event, its counts, its active response (null if none), every response with its signed
	 * changes (newest first), its members (current first) and its open tasks (always empty until tasks exist).
	 */
	public record EventView(DisasterEvent event, EventCounts counts, @Nullable DisasterResponse activeResponse,
			List<DisasterResponse> responses, List<EventMember> members, List<Object> openTasks) {
	}

	public record EventPage(List<DisasterEvent> events, int page, int size, boolean more) {
	}

	/** A page of the event's timeline, newest first, as delivered on {@code events.stream}. */
	public record Timeline(List<HubEvent> events, int page, int size, boolean more) {
	}

	/** One active response with what the console shows of its event. */
	public record ActiveResponse(UUID responseId, UUID eventId, String eventNameZh, @Nullable String eventNameEn,
			String category, List<String> cities, ResponseLevel level, boolean exercise, Instant activatedAt,
			String activatedBy, int version) {

		static ActiveResponse of(DisasterEvents.Active active) {
			DisasterResponse r = active.response();
			DisasterEvent e = active.event();
			return new ActiveResponse(r.id(), e.id(), e.nameZh(), e.nameEn(), e.category(), e.concernedCities(), r.level(),
					r.exercise(), r.activatedAt(), r.activatedBy(), r.version());
		}

	}

	/** What {@code disaster-event.member-added} and {@code .member-removed} carry. */
	public record MemberChange(UUID eventId, String eventNameZh, MemberKind kind, String memberId, boolean joinedByRule,
			String by, Instant at, @Nullable String reason) {
	}

}
