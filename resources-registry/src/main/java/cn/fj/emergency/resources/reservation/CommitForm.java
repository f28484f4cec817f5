package cn.fj.emergency.resources.reservation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The province commits stock to a request: quantities for its lines from one or several depots, each reserved at
 * once. {@code commitId} is chosen by the caller and makes the call safe to retry.
 *
 * @param holdUntil until when the stock stays reserved for collection (ISO-8601 with an offset); the configured
 * hold when absent
 */
public record CommitForm(@Nullable String commitId, @Nullable String holdUntil, @Nullable List<Line> lines) {

	public record Line(@Nullable Integer lineNo, @Nullable String depotCode, @Nullable Long quantity) {
	}

}
