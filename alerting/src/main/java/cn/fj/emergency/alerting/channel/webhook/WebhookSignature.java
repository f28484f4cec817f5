package cn.fj.emergency.alerting.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature (docs/channels.md): {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the
 * subscription's shared secret (UTF-8), of {@code <X-Hub-Timestamp> + "." + <X-Message-Id> + "." + <body>}.
 */
public final class WebhookSignature {

	public static final String HEADER = "X-Hub-Signature-256";

	private WebhookSignature() {
	}

	public static String sign(String secret, String timestamp, String messageId, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + "." + messageId + ".").getBytes(StandardCharsets.UTF_8));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
