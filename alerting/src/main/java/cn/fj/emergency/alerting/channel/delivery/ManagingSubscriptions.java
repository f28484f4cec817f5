package cn.fj.emergency.alerting.channel.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.channel.Channel;
import cn.fj.emergency.alerting.channel.ChannelIds;
import cn.fj.emergency.alerting.channel.Subscription;
import cn.fj.emergency.alerting.channel.SubscriptionRequest;
import cn.fj.emergency.alerting.channel.persistence.SubscriptionStore;

/**
 * An administrator adds, lists and removes webhook and SMS recipients. A removed recipient gets no new deliveries;
 * those already owed to it stay in the ledger.
 */
public class ManagingSubscriptions {

	private final SubscriptionStore store;

	private final Clock clock;

	public ManagingSubscriptions(SubscriptionStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Subscribes a request that has no {@link SubscriptionRequest#problems() problems}; answers nothing when the
	 * channel already has a recipient with that address.
	 */
	public Mono<Subscription> subscribe(SubscriptionRequest request) {
		if (!request.problems().isEmpty()) {
			return Mono.error(new IllegalArgumentException(String.join("; ", request.problems())));
		}
		Channel channel = Channel.valueOf(Objects.requireNonNull(request.channel()));
		Subscription s = new Subscription(ChannelIds.newId(this.clock), channel, Objects.requireNonNull(request.name()),
				Objects.requireNonNull(request.address()), channel == Channel.WEBHOOK ? request.secret() : null,
				List.copyOf(Objects.requireNonNull(request.areas())), this.clock.instant());
		return this.store.add(s).filter(Boolean::booleanValue).map(added -> s);
	}

	public Flux<Subscription> all() {
		return this.store.all();
	}

	public Mono<Boolean> unsubscribe(UUID id) {
		return this.store.delete(id);
	}

}
