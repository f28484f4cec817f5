package cn.fj.emergency.alerting.channel;

import reactor.core.publisher.Mono;

/**
 * Sends one delivery over one channel's protocol. Answers the state the delivery reached (SENT or ACKNOWLEDGED), or
 * an error when this attempt failed; it is tried again later with the same message id.
 */
public interface ChannelSender {

	Channel channel();

	Mono<DeliveryState> send(Delivery delivery);

}
