package cn.fj.emergency.alerting.channel.webhook;

/** A webhook URL whose host is refused as a target (docs/channels.md, "Webhook targets"). */
public final class WebhookTargetRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String address;

	private final String reason;

	public WebhookTargetRefused(String address, String reason) {
		super("the webhook address " + address + " is refused: " + reason
				+ "; an operator may allow it in hub.channels.webhook.allowed-targets");
		this.address = address;
		this.reason = reason;
	}

	public String address() {
		return this.address;
	}

	public String reason() {
		return this.reason;
	}

}
