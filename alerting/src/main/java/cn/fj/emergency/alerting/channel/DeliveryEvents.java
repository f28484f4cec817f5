package cn.fj.emergency.alerting.channel;

import reactor.core.publisher.Mono;

/**
 * Outbound port: tells the consoles that a delivery changed state. Called inside the transaction that records the
 * change in the ledger, so the event and the change commit together.
 */
public interface DeliveryEvents {

	Mono<Void> changed(DeliveryChange change);

}
