package cn.fj.emergency.resources.reservation.edxl;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An EDXL-RM 1.0 message as read: the parts of a RequestResource or CommitResource the registry uses. Times without
 * an offset are taken as China Standard Time (+08:00).
 *
 * @param contentType {@code RequestResource} or {@code CommitResource}
 */
record EdxlMessage(String contentType, String messageId, @Nullable Instant sentAt,
		@Nullable String originatingMessageId, @Nullable String precedingMessageId, @Nullable String incidentId,
		@Nullable String incidentDescription, @Nullable String contactRole, @Nullable String contactLocation,
		List<Resource> resources) {

	public static final String REQUEST = "RequestResource";

	public static final String COMMIT = "CommitResource";

	public EdxlMessage {
		resources = List.copyOf(resources);
	}

	/**
	 * One ResourceInformation block. {@code quantity} is the leading whole number of its QuantityText (or its
	 * MeasuredQuantity's Amount), null when it states none; {@code keywords} maps each Keyword's ValueListURN to its
	 * Value.
	 */
	public record Resource(String elementId, @Nullable String precedingElementId, @Nullable String responseType,
			@Nullable String resourceId, @Nullable String name, @Nullable String typeUrn, @Nullable String typeValue,
			@Nullable Long quantity, Map<String, String> keywords, @Nullable String scheduleType,
			@Nullable String location) {

		public Resource {
			keywords = Map.copyOf(keywords);
		}

	}

}
