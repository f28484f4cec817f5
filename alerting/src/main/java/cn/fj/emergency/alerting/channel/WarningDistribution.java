package cn.fj.emergency.alerting.channel;

import reactor.core.publisher.Mono;

/**
 * Hands a published warning to the broadcast channels. Called inside the transaction that publishes the warning:
 * it records there what is owed to each channel and recipient, so that a publication and its deliveries commit
 * together or not at all; the sending itself happens after commit.
 */
public interface WarningDistribution {

	Mono<Void> distribute(PublishedWarning warning);

}
