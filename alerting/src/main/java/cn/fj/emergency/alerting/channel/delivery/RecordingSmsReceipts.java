package cn.fj.emergency.alerting.channel.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.channel.DeliveryEvents;
import cn.fj.emergency.alerting.channel.SmsReceipt;
import cn.fj.emergency.alerting.channel.persistence.LedgerStore;

/**
 * An SMS gateway's delivery receipts, applied to the ledger in one transaction with their console events: a delivered
 * SMS becomes ACKNOWLEDGED, an undelivered one FAILED (an officer may republish it). A receipt for a delivery already
 * past that point changes nothing, so a gateway may send a receipt again; one for an unknown message id is answered
 * as unknown.
 */
public class RecordingSmsReceipts {

	/**
	 * @param applied receipts that changed a delivery
	 * @param unchanged receipts for deliveries already in that state or past it
	 * @param unknown client references of no SMS delivery of this hub
	 */
	public record Outcome(int applied, int unchanged, List<UUID> unknown) {

		public Outcome {
			unknown = List.copyOf(unknown);
		}

	}

	private final LedgerStore ledger;

	private final DeliveryEvents events;

	private final TransactionalOperator tx;

	private final Clock clock;

	public RecordingSmsReceipts(LedgerStore ledger, DeliveryEvents events, TransactionalOperator tx, Clock clock) {
		this.ledger = ledger;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
	}

	public Mono<Outcome> record(List<SmsReceipt> receipts) {
		return Mono.defer(() -> apply(receipts)).as(this.tx::transactional);
	}

	private Mono<Outcome> apply(List<SmsReceipt> receipts) {
		Instant now = this.clock.instant();
		List<UUID> unknown = new ArrayList<>();
		int[] appliedAndNot = new int[2];
		return Flux.fromIterable(receipts)
			.concatMap(receipt -> this.ledger.smsReceipt(receipt.clientReference(), receipt.delivered(), reason(receipt), now)
				.flatMap(change -> this.events.changed(change).thenReturn(true))
				.switchIfEmpty(Mono.defer(() -> this.ledger.smsDeliveryExists(receipt.clientReference())
					.map(exists -> {
						if (!exists) {
							unknown.add(receipt.clientReference());
						}
						return false;
					})))
				.doOnNext(applied -> appliedAndNot[applied ? 0 : 1]++))
			.then(Mono.fromSupplier(() -> new Outcome(appliedAndNot[0], appliedAndNot[1] - unknown.size(), unknown)));
	}

	private static @Nullable String reason(SmsReceipt receipt) {
		if (receipt.delivered()) {
			return null;
		}
		String error = receipt.error();
		return "not delivered (gateway receipt)" + (error == null || error.isBlank() ? "" : ": " + error);
	}

}
