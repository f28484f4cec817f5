package cn.fj.emergency.command.sitrep;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A stored situation report, as read back and as carried by its {@code sitrep.submitted} event.
 *
 * @param cityCode the incident's city platform
 * @param source who reported: a city platform's code, or 350000 for a province-wide officer
 * @param content the body of its kind, as JSON (the nested record of {@link SitrepSubmission} named by the kind)
 * @param seq the sequence number of its {@code sitrep.submitted} event
 */
public record Sitrep(UUID id, String sitrepId, UUID incidentId, String cityCode, String source, SitrepKind kind,
		Instant reportedAt, Instant submittedAt, boolean exercise, @JsonRawValue String content, long seq) {

	public static final String STREAM = "sitreps";

	public static final String SUBMITTED = "sitrep.submitted";

}
