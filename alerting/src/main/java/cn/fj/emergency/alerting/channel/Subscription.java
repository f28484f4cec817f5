package cn.fj.emergency.alerting.channel;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A recipient of a subscribed channel: a webhook endpoint (URL and shared secret) or an SMS recipient (phone number),
 * the GB/T 2260 city or county codes it wants warnings for, and whether it is a recipient for exercises: it then gets
 * the Exercise and Test warnings of its areas (drills), and a real recipient never does. {@code receivers} is how
 * many people the recipient reaches as its administrator declared it (a broadcaster's audience, a list's size), or
 * null when not declared.
 */
public record Subscription(UUID id, Channel channel, String name, String address, @Nullable String secret,
		List<String> areas, Instant createdAt, boolean exercises, @Nullable Integer receivers) {

	public Subscription {
		areas = List.copyOf(areas);
	}

	/** A recipient with no declared receiver count. */
	public Subscription(UUID id, Channel channel, String name, String address, @Nullable String secret,
			List<String> areas, Instant createdAt, boolean exercises) {
		this(id, channel, name, address, secret, areas, createdAt, exercises, null);
	}

	/** A real recipient (not for exercises). */
	public Subscription(UUID id, Channel channel, String name, String address, @Nullable String secret,
			List<String> areas, Instant createdAt) {
		this(id, channel, name, address, secret, areas, createdAt, false);
	}

	/** Whether a warning covering these cities and counties is for this recipient. */
	public boolean wants(Collection<String> cityCodes, Collection<String> countyCodes) {
		return this.areas.stream().anyMatch(a -> cityCodes.contains(a) || countyCodes.contains(a));
	}

}
