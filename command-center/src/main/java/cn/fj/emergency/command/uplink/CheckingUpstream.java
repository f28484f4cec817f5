package cn.fj.emergency.command.uplink;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.uplink.persistence.ForwardStore;

/**
 * An officer checks what the national platform has acknowledged: one incident's forwards, or every forward in a
 * state (typically those still pending). A city-scoped principal sees its own city's forwards only.
 */
@Component
public class CheckingUpstream {

	static final int MAX_LIMIT = 500;

	private final ForwardStore store;

	CheckingUpstream(ForwardStore store) {
		this.store = store;
	}

	public Mono<IncidentUpstream> ofIncident(HubPrincipal principal, UUID incidentId) {
		String city = principal.cityCode();
		return this.store.ofIncident(incidentId)
			.filter(f -> city == null || city.equals(f.cityCode()))
			.collectList()
			.map(forwards -> new IncidentUpstream(incidentId, IncidentUpstream.stateOf(forwards), forwards));
	}

	public Mono<List<Forward>> list(HubPrincipal principal, @Nullable String state, @Nullable Long after,
			@Nullable Integer limit) {
		return Mono.fromCallable(() -> new Query(state(state), after(after), limit(limit)))
			.flatMap(q -> this.store.list(q.state(), principal.cityCode(), q.after(), q.limit()).collectList());
	}

	private static @Nullable ForwardState state(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		for (ForwardState s : ForwardState.values()) {
			if (s.name().equals(text)) {
				return s;
			}
		}
		throw HubException.field(ErrorCode.INVALID_FIELD, "state", "state must be PENDING or ACKNOWLEDGED, not '" + text + "'");
	}

	private static long after(@Nullable Long after) {
		if (after != null && after < 0) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "after", "after must not be negative");
		}
		return after == null ? 0 : after;
	}

	private static int limit(@Nullable Integer limit) {
		if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "limit", "limit must be within 1.." + MAX_LIMIT);
		}
		return limit == null ? 100 : limit;
	}

	private record Query(@Nullable ForwardState state, long after, int limit) {
	}

	/**
	 * An incident's standing with the national platform: {@code PENDING} while any of its forwards is not yet
	 * acknowledged upstream, {@code ACKNOWLEDGED} when all are, {@code NOT_FORWARDED} when it has none.
	 */
	public record IncidentUpstream(UUID incidentId, String upstream, List<Forward> forwards) {

		public static final String NOT_FORWARDED = "NOT_FORWARDED";

		static String stateOf(List<Forward> forwards) {
			if (forwards.isEmpty()) {
				return NOT_FORWARDED;
			}
			return forwards.stream().anyMatch(f -> f.state() == ForwardState.PENDING) ? ForwardState.PENDING.name()
					: ForwardState.ACKNOWLEDGED.name();
		}

	}

}
