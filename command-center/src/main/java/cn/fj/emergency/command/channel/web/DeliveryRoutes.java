package cn.fj.emergency.command.channel.web;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.channel.DeliveryView;
import cn.fj.emergency.alerting.channel.delivery.ReadingChannels;
import cn.fj.emergency.alerting.channel.delivery.Republishing;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/** Officers read a warning's delivery ledger and republish what failed (docs/http-api.md). */
@RestController
class DeliveryRoutes {

	private final ReadingChannels reading;

	private final Republishing republishing;

	DeliveryRoutes(ReadingChannels reading, Republishing republishing) {
		this.reading = reading;
		this.republishing = republishing;
	}

	@GetMapping("/api/deliveries/{identifier}")
	Mono<List<DeliveryView>> deliveries(@PathVariable String identifier) {
		return this.reading.deliveries(identifier)
			.collectList()
			.filter(rows -> !rows.isEmpty())
			.switchIfEmpty(Mono.error(() -> new HubException(ErrorCode.DELIVERIES_NOT_FOUND,
					"No deliveries for warning " + identifier, Map.of("identifier", identifier))));
	}

	@PostMapping("/api/deliveries/{identifier}/republish")
	Mono<Map<String, Object>> republish(@PathVariable String identifier) {
		return this.reading.deliveries(identifier)
			.hasElements()
			.flatMap(any -> any ? this.republishing.republish(identifier)
					: Mono.error(new HubException(ErrorCode.DELIVERIES_NOT_FOUND,
							"No deliveries for warning " + identifier, Map.of("identifier", identifier))))
			.map(reset -> Map.<String, Object>of("identifier", identifier, "reset", reset));
	}

}
