package cn.fj.emergency.command.order;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An order as a commander sends it. {@code orderRef} is chosen by the commander and makes retries safe: an order
 * sent again with the same ref is stored once and answered as the first time. Fields are as received, so that each
 * bad one is refused with its own code by the {@link OrderPolicy}.
 *
 * @param incidentId the related incident (a UUID), or none
 * @param targetCities platform codes of the cities that are to carry out the order
 * @param deadline ISO-8601 with an offset, for example {@code 2026-11-23T18:00:00+08:00}
 */
public record OrderRequest(@Nullable String orderRef, @Nullable String text, @Nullable String incidentId,
		@Nullable List<String> targetCities, @Nullable String deadline, @Nullable Boolean exercise) {
}
