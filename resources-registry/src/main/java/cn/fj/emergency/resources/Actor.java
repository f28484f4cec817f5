package cn.fj.emergency.resources;

import org.jspecify.annotations.Nullable;

/**
 * Who acts on the registry, as the application authenticated it. {@code key} is the identity idempotent ids are
 * remembered under (a city platform's key survives reissued tokens); {@code cityCode} confines a city platform or a
 * city officer to its own city's depots and requests, null for the province.
 */
public record Actor(String key, @Nullable String cityCode) {

	/** The hub itself, for the movements its own lifecycle makes (reservations, releases, deliveries). */
	public static final Actor HUB = new Actor("hub", null);

}
