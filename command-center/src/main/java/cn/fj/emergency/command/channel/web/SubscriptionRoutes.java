package cn.fj.emergency.command.channel.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.channel.Subscription;
import cn.fj.emergency.alerting.channel.SubscriptionRequest;
import cn.fj.emergency.alerting.channel.delivery.ManagingSubscriptions;
import cn.fj.emergency.alerting.channel.webhook.WebhookTargetRefused;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * Administrators manage webhook and SMS recipients (docs/http-api.md). Webhook secrets are write-only: answers show
 * whether one is set, never the secret.
 */
@RestController
class SubscriptionRoutes {

	private final ManagingSubscriptions managing;

	SubscriptionRoutes(ManagingSubscriptions managing) {
		this.managing = managing;
	}

	/** @param exercises a recipient of Exercise and Test warnings (drills) only; false: of Actual warnings only */
	record SubscriptionView(UUID id, String channel, String name, String address, boolean secretSet,
			List<String> areas, String createdAt, boolean exercises, @Nullable Integer receivers) {

		static SubscriptionView of(Subscription s) {
			return new SubscriptionView(s.id(), s.channel().name(), s.name(), s.address(), s.secret() != null,
					s.areas(), s.createdAt().toString(), s.exercises(), s.receivers());
		}

	}

	@PostMapping("/api/admin/channels/subscriptions")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<SubscriptionView> subscribe(@RequestBody SubscriptionRequest request) {
		List<String> problems = request.problems();
		if (!problems.isEmpty()) {
			return Mono.error(new HubException(ErrorCode.SUBSCRIPTION_INVALID, String.join("; ", problems),
					Map.of("problems", problems)));
		}
		return this.managing.subscribe(request)
			.map(SubscriptionView::of)
			.switchIfEmpty(Mono.error(() -> new HubException(ErrorCode.SUBSCRIPTION_EXISTS,
					"The channel already has a recipient at " + request.address())))
			.onErrorMap(WebhookTargetRefused.class, refused -> new HubException(ErrorCode.WEBHOOK_TARGET_FORBIDDEN,
					refused.getMessage(), Map.of("address", refused.address(), "reason", refused.reason()), refused));
	}

	@GetMapping("/api/admin/channels/subscriptions")
	Mono<List<SubscriptionView>> subscriptions() {
		return this.managing.all().map(SubscriptionView::of).collectList();
	}

	@DeleteMapping("/api/admin/channels/subscriptions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> unsubscribe(@PathVariable UUID id) {
		return this.managing.unsubscribe(id)
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(() -> new HubException(ErrorCode.SUBSCRIPTION_NOT_FOUND, "No subscription " + id)))
			.then();
	}

}
