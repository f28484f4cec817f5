package cn.fj.emergency.alerting.approval;

import java.time.OffsetDateTime;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** A second officer's decision on a submitted warning. */
public record Review(String reviewer, boolean approved, @Nullable String comment, OffsetDateTime at) {

	public Review {
		Objects.requireNonNull(reviewer, "reviewer");
		Objects.requireNonNull(at, "at");
	}

}
