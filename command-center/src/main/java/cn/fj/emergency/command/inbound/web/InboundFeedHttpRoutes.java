package cn.fj.emergency.command.inbound.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.feed.poll.FeedStatus;
import cn.fj.emergency.alerting.feed.poll.FeedTurns;
import cn.fj.emergency.command.inbound.FeedProperties;

/** {@code GET /api/inbound-feeds}: the configured department feeds and how their polls went (docs/inbound-warnings.md). */
@RestController
class InboundFeedHttpRoutes {

	private final FeedProperties properties;

	private final FeedTurns turns;

	InboundFeedHttpRoutes(FeedProperties properties, FeedTurns turns) {
		this.properties = properties;
		this.turns = turns;
	}

	@GetMapping("/api/inbound-feeds")
	Mono<List<FeedView>> feeds() {
		return InboundWarningHttpRoutes.edge(this.turns.statuses()
			.collectMap(FeedStatus::url, Function.identity())
			.map(this::views));
	}

	private List<FeedView> views(Map<String, FeedStatus> statuses) {
		return this.properties.sources().stream()
			.map(source -> FeedView.of(source, statuses.get(source.url().toString())))
			.collect(Collectors.toList());
	}

	/**
	 * A configured feed; the poll fields are null (counts 0) until its first poll.
	 *
	 * @param interval ISO-8601 duration, e.g. {@code PT1M}
	 */
	record FeedView(String url, Duration interval, @Nullable Instant nextDue, long polls, long failures,
			long documentsRefused, long alertsStored, @Nullable Instant lastPolledAt, @Nullable String lastPolledBy,
			@Nullable String lastOutcome, @Nullable String lastError, @Nullable Integer lastNewAlerts) {

		static FeedView of(FeedProperties.Source source, @Nullable FeedStatus status) {
			String url = source.url().toString();
			if (status == null) {
				return new FeedView(url, source.interval(), null, 0, 0, 0, 0, null, null, null, null, null);
			}
			return new FeedView(url, source.interval(), status.nextDue(), status.polls(), status.failures(),
					status.documentsRefused(), status.alertsStored(), status.lastPolledAt(), status.lastPolledBy(),
					status.lastOutcome(), status.lastError(), status.lastNewAlerts());
		}

	}

}
