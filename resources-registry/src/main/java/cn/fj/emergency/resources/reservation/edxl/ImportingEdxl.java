package cn.fj.emergency.resources.reservation.edxl;

import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.resources.Actor;
import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;
import cn.fj.emergency.resources.reservation.CommittingSupplies;
import cn.fj.emergency.resources.reservation.RequestView;
import cn.fj.emergency.resources.reservation.Requests;
import cn.fj.emergency.resources.reservation.RequestingSupplies;
import cn.fj.emergency.resources.reservation.persistence.ReservationStore;

/**
 * EDXL-RM in and out: a RequestResource imports as a request (idempotent by its MessageID, so re-importing an
 * export is the same request), a CommitResource from an outside provider as its commitments to the request it
 * answers; a request exports as a RequestResource, its commitments as a CommitResource.
 */
@Component
public class ImportingEdxl {

	private final RequestingSupplies requesting;

	private final CommittingSupplies committing;

	private final Requests requests;

	private final ReservationStore store;

	private final Clock clock;

	public ImportingEdxl(RequestingSupplies requesting, CommittingSupplies committing, Requests requests,
			ReservationStore store, Clock clock) {
		this.requesting = requesting;
		this.committing = committing;
		this.requests = requests;
		this.store = store;
		this.clock = clock;
	}

	public Mono<RequestView> importRequest(Actor requester, byte[] xml, @Nullable String cityCode) {
		return read(xml).map(message -> EdxlMapping.request(message, cityCode))
			.flatMap(form -> this.requesting.request(requester, form));
	}

	public Mono<RequestView> importCommit(Actor committer, byte[] xml) {
		return read(xml).flatMap(message -> {
			if (!EdxlMessage.COMMIT.equals(message.contentType())) {
				return Mono.error(new SupplyException(SupplyError.INVALID_EDXL, "Not a CommitResource"));
			}
			String answers = message.originatingMessageId();
			if (answers == null) {
				return Mono.error(new SupplyException(SupplyError.INVALID_EDXL,
						"The CommitResource has no OriginatingMessageID naming the request it answers"));
			}
			return answered(answers).flatMap(id -> this.store.request(id)
				.flatMap(request -> this.committing.commitExternal(committer, id, message.messageId(),
						EdxlMapping.commitments(message, request))));
		});
	}

	/**
	 * Parses off the event loop: creating a JAXP parser may read its configuration from files, which would block a
	 * non-blocking thread.
	 */
	private static Mono<EdxlMessage> read(byte[] xml) {
		return Mono.fromCallable(() -> EdxlReader.read(xml)).subscribeOn(Schedulers.boundedElastic());
	}

	private Mono<UUID> answered(String messageId) {
		return this.store.withMessageId(messageId).collectList().flatMap(ids -> {
			if (ids.isEmpty()) {
				return Mono.error(new SupplyException(SupplyError.NOT_FOUND, "No request with MessageID " + messageId));
			}
			if (ids.size() > 1) {
				return Mono.error(new SupplyException(SupplyError.INVALID_EDXL,
						"Several requests have MessageID " + messageId + "; commit through the request's commitments"));
			}
			return Mono.just(ids.get(0));
		});
	}

	public Mono<String> exportRequest(Actor reader, UUID id) {
		return this.requests.view(reader, id).map(view -> EdxlWriter.request(view.request()));
	}

	public Mono<String> exportCommitments(Actor reader, UUID id) {
		return this.requests.view(reader, id)
			.map(view -> EdxlWriter.commit(view.request(), view.commitments(), "commit-" + id, this.clock.instant()));
	}

}
