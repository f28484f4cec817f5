package cn.fj.emergency.alerting.cap;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** A file that goes with an info block (CAP {@code resource}). */
public record Resource(String resourceDesc, String mimeType, @Nullable Long size, @Nullable String uri,
		@Nullable String derefUri, @Nullable String digest) {

	public Resource {
		Objects.requireNonNull(resourceDesc, "resourceDesc");
		Objects.requireNonNull(mimeType, "mimeType");
	}

}
