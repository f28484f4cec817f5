package cn.fj.emergency.resources.reservation;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One page of requests, newest first, each as it stands (its lines' need and its commitments); {@code next} is the
 * {@code before} of the next page, {@code null} on the last.
 */
public record RequestPage(List<RequestView> items, @Nullable UUID next) {

	public RequestPage {
		items = List.copyOf(items);
	}

}
