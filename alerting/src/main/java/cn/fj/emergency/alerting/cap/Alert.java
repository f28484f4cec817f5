package cn.fj.emergency.alerting.cap;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A CAP 1.2 alert, immutable. Optional elements absent or empty in the XML are null (strings) or empty
 * (lists): CAP gives an empty element no meaning of its own. {@code signatures} holds each XML-DSig element
 * found after the info blocks, as XML text, to be written back unchanged.
 */
public record Alert(String identifier, String sender, OffsetDateTime sent, Status status, MessageType msgType,
		@Nullable String source, Scope scope, @Nullable String restriction, List<String> addresses,
		List<String> codes, @Nullable String note, List<Reference> references, List<String> incidents,
		List<Info> infos, List<String> signatures) {

	public Alert {
		Objects.requireNonNull(identifier, "identifier");
		Objects.requireNonNull(sender, "sender");
		sent = Objects.requireNonNull(sent, "sent").truncatedTo(ChronoUnit.SECONDS);
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(msgType, "msgType");
		Objects.requireNonNull(scope, "scope");
		addresses = List.copyOf(addresses);
		codes = List.copyOf(codes);
		references = List.copyOf(references);
		incidents = List.copyOf(incidents);
		infos = List.copyOf(infos);
		signatures = List.copyOf(signatures);
	}

	/** How other alerts refer to this one. */
	public Reference asReference() {
		return new Reference(sender, identifier, sent);
	}

	/** The same alert without its signatures (which no longer hold once anything else changes). */
	public Alert withoutSignatures() {
		return new Alert(identifier, sender, sent, status, msgType, source, scope, restriction, addresses, codes,
				note, references, incidents, infos, List.of());
	}

	/** The same alert sent at {@code sent}. */
	public Alert withSent(OffsetDateTime sent) {
		return new Alert(identifier, sender, sent, status, msgType, source, scope, restriction, addresses, codes, note,
				references, incidents, infos, signatures);
	}

	/** The same content as another message: a new identifier, message type and references. */
	public Alert asMessage(String identifier, MessageType msgType, List<Reference> references) {
		return new Alert(identifier, sender, sent, status, msgType, source, scope, restriction, addresses, codes, note,
				references, incidents, infos, signatures);
	}

}
