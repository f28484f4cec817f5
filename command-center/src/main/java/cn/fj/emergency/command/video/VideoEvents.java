package cn.fj.emergency.command.video;

import java.util.Set;

/** The stream and event types of video (docs/events.md#stream-video). */
public final class VideoEvents {

	public static final String STREAM = "video";

	public static final String SOURCE_REGISTERED = "video.source.registered";

	public static final String SOURCE_UPDATED = "video.source.updated";

	public static final String DISPATCHED = "video.dispatched";

	public static final String WITHDRAWN = "video.withdrawn";

	public static final String CONSULTATION_OPENED = "consultation.opened";

	public static final String CONSULTATION_INVITED = "consultation.invited";

	public static final String CONSULTATION_JOINED = "consultation.joined";

	public static final String CONSULTATION_LEFT = "consultation.left";

	public static final String CONSULTATION_CLOSED = "consultation.closed";

	/** What the city link's {@code video.dispatches} route carries. */
	public static final Set<String> DISPATCH_TYPES = Set.of(DISPATCHED, WITHDRAWN);

	private VideoEvents() {
	}

}
