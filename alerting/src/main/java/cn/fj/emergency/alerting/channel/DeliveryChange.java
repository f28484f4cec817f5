package cn.fj.emergency.alerting.channel;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A delivery that changed state, as the consoles are told of it. */
public record DeliveryChange(String identifier, Channel channel, String recipient, UUID messageId,
		DeliveryState state, int attempts, List<String> cityCodes, boolean exercise, @Nullable String lastError) {

	public DeliveryChange {
		cityCodes = List.copyOf(cityCodes);
	}

}
