package cn.fj.emergency.resources.reservation;

import org.jspecify.annotations.Nullable;

/**
 * One line of a request: a quantity of a catalogue item, or of a resource typed in an outside list (as an EDXL-RM
 * request from elsewhere may name it), which only outside providers can commit. {@code elementId} is the line's
 * EDXL-RM ResourceInfoElementID.
 */
public record RequestLine(int lineNo, String elementId, @Nullable String itemCode, @Nullable String typeUrn,
		@Nullable String typeValue, @Nullable String resourceName, long quantity) {
}
