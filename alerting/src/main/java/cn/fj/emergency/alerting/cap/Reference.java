package cn.fj.emergency.alerting.cap;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** An earlier alert this one refers to: CAP's {@code sender,identifier,sent}. */
public record Reference(String sender, String identifier, OffsetDateTime sent) {

	public Reference {
		Objects.requireNonNull(sender, "sender");
		Objects.requireNonNull(identifier, "identifier");
		Objects.requireNonNull(sent, "sent");
	}

	/** Parses one entry; {@link IllegalArgumentException} if it is not {@code sender,identifier,sent}. */
	public static Reference parse(String text) {
		String[] parts = text.split(",", -1);
		if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
			throw new IllegalArgumentException("not sender,identifier,sent: " + text);
		}
		try {
			return new Reference(parts[0], parts[1], CapTimes.parse(parts[2]));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("not a CAP time in " + text, ex);
		}
	}

	/** Whether this names the alert {@code sender}/{@code identifier}. */
	public boolean names(String sender, String identifier) {
		return this.sender.equals(sender) && this.identifier.equals(identifier);
	}

	public String toCap() {
		return sender + "," + identifier + "," + CapTimes.format(sent);
	}

}
