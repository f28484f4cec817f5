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
import cn.fj.emergency.alerting.channel.webhook.WebhookTargets;

/**
 * An administrator adds, lists and removes webhook and SMS recipients. A removed recipient gets no new deliveries;
 * those already owed to it stay in the ledger.
 */
public class ManagingSubscriptions {

	private final SubscriptionStore store;

	private final Clock clock;

	private final WebhookTargets targets;

	public ManagingSubscriptions(SubscriptionStore store, Clock clock, WebhookTargets targets) {
		this.store = store;
		this.clock = clock;
		this.targets = targets;
	}

	/**
	 * Subscribes a request that has no {@link SubscriptionRequest#problems() problems}; answers nothing when the
	 * channel already has a recipient with that address. A webhook whose target is refused
	 * ({@link WebhookTargets#check}) fails with {@link cn.fj.emergency.alerting.channel.webhook.WebhookTargetRefused}.
	 */
	public Mono<Subscription> subscribe(SubscriptionRequest request) {
		if (!request.problems().isEmpty()) {
			return Mono.error(new IllegalArgumentException(String.join("; ", request.problems())));
		}
		Channel channel = Channel.valueOf(Objects.requireNonNull(request.channel()));
		Subscription s = new Subscription(ChannelIds.newId(this.clock), channel, Objects.requireNonNull(request.name()),
				Objects.requireNonNull(request.address()), channel == Channel.WEBHOOK ? request.secret() : null,
				List.copyOf(Objects.requireNonNull(request.areas())), this.clock.instant(),
				Boolean.TRUE.equals(request.exercises()), request.receivers());
		Mono<Void> target = channel == Channel.WEBHOOK ? this.targets.check(s.address()) : Mono.empty();
		return target.then(this.store.add(s)).filter(Boolean::booleanValue).map(added -> s);
	}

	public Flux<Subscription> all() {
		return this.store.all();
	}

	public Mono<Boolean> unsubscribe(UUID id) {
		return this.store.delete(id);
	}

}
