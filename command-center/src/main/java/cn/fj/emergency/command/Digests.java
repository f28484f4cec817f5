package cn.fj.emergency.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, which every JDK provides: report fingerprints, the audit chain, key ids. */
public final class Digests {

	private Digests() {
	}

	public static byte[] sha256(byte[] input) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(input);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK lacks SHA-256", ex);
		}
	}

	/** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
	public static String sha256Hex(String text) {
		return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
	}

}
