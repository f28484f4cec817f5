package cn.fj.emergency.alerting.feed;

import java.util.List;

/**
 * A department pushed an alert under a sender that is not its own: the document is refused whole (another
 * department's alerts are neither written, updated, cancelled nor their identifiers taken).
 */
public final class InboundSenderRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String sender;

	private final List<String> allowed;

	public InboundSenderRefused(String department, String sender, List<String> allowed) {
		super("the alert's sender " + sender + " is not one of department " + department + "'s senders ("
				+ String.join(", ", allowed) + ")");
		this.sender = sender;
		this.allowed = List.copyOf(allowed);
	}

	public String sender() {
		return this.sender;
	}

	public List<String> allowed() {
		return this.allowed;
	}

}
