package cn.fj.emergency.command.video;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.Ids;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;
import cn.fj.emergency.command.video.persistence.VideoSourceStore;

/**
 * Officers register and change video sources anywhere; a city platform registers and changes its own city's. Each
 * change is one transaction with its event ({@code video.source.registered} / {@code video.source.updated}, for
 * the province and the source's city), which shows the source without its stream address.
 */
@Component
public class RegisteringVideoSource {

	private final VideoSourceStore store;

	private final EventLog events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	public RegisteringVideoSource(VideoSourceStore store, EventLog events, TransactionalOperator transactions, Clock clock) {
		this.store = store;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<VideoSource.View> register(HubPrincipal registrar, VideoSource.Registration registration) {
		return Mono.fromCallable(() -> newSource(SourcePolicy.check(registration, registrar), registrar))
			.flatMap(source -> this.transactions.transactional(this.store.insert(source)
				.then(this.events.append(List.of(event(VideoEvents.SOURCE_REGISTERED, source))))
				.thenReturn(source.view())));
	}

	/** Replaces the source's description, address and enabled flag; a city platform may change only its own city's. */
	public Mono<VideoSource.View> update(HubPrincipal registrar, UUID id, VideoSource.Registration registration) {
		return Mono.fromCallable(() -> SourcePolicy.check(registration, registrar))
			.flatMap(change -> this.transactions.transactional(visibleTo(registrar, this.store.lock(id), id)
				.map(source -> source.updated(change, who(registrar), now()))
				.flatMap(source -> this.store.update(source)
					.then(this.events.append(List.of(event(VideoEvents.SOURCE_UPDATED, source))))
					.thenReturn(source.view()))));
	}

	/** The source if the principal may see it; another city's source does not exist for a city-scoped principal. */
	public static Mono<VideoSource> visibleTo(HubPrincipal principal, Mono<VideoSource> source, UUID id) {
		return source.filter(s -> principal.cityCode() == null || principal.cityCode().equals(s.cityCode()))
			.switchIfEmpty(Mono.error(() -> new HubException(ErrorCode.NOT_FOUND, "No video source " + id)));
	}

	private VideoSource newSource(VideoSource.Valid v, HubPrincipal registrar) {
		Instant now = now();
		String by = who(registrar);
		return new VideoSource(Ids.newId(this.clock), v.kind(), v.name(), v.cityCode(), v.countyCode(), v.latitude(),
				v.longitude(), v.address(), v.enabled(), by, now, by, now);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static String who(HubPrincipal principal) {
		return principal.reporterKey();
	}

	private static NewEvent event(String type, VideoSource source) {
		return NewEvent.critical(VideoEvents.STREAM, type, source.id().toString(), List.of(source.cityCode()), false,
				source.view());
	}

}
