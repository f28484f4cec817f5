package cn.fj.emergency.alerting.channel.delivery;

import cn.fj.emergency.alerting.channel.PublishedWarning;

/** The text an SMS recipient gets: status and kind when not an ordinary alert, the headline, the identifier. */
final class SmsText {

	/** Long texts are cut here; the gateway splits them into concatenated SMS. */
	static final int MAX = 280;

	private SmsText() {
	}

	static String of(PublishedWarning w) {
		StringBuilder text = new StringBuilder();
		if (!"Actual".equals(w.status())) {
			text.append('[').append(w.status()).append("] ");
		}
		if ("Update".equals(w.msgType())) {
			text.append("[更新 Update] ");
		}
		else if ("Cancel".equals(w.msgType())) {
			text.append("[解除 Cancel] ");
		}
		text.append(w.headline()).append(" (").append(w.identifier()).append(')');
		return text.length() <= MAX ? text.toString() : text.substring(0, MAX - 1) + "…";
	}

}
