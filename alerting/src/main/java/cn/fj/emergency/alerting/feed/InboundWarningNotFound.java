package cn.fj.emergency.alerting.feed;

/** No inbound warning with that id. */
public final class InboundWarningNotFound extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public InboundWarningNotFound(long id) {
		super("no inbound warning " + id);
	}

}
