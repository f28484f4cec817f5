package cn.fj.emergency.command.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An order that passed the {@link OrderPolicy}: typed, its cities sorted without repeats, its deadline in
 * microseconds as stored, and the hash of its content that tells a retry from a reuse of the ref.
 *
 * @param exercise as requested; an exercise incident makes the order an exercise too
 */
record ValidOrder(String issuedBy, String ref, String text, @Nullable UUID incidentId, List<String> targetCities,
		Instant deadline, boolean exercise, String payloadHash) {
}
