package cn.fj.emergency.alerting.channel;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A warning as published, the same for every channel: its CAP identity, what targeting resolved it to, and the
 * exact CAP 1.2 document published (channels send these bytes, never a re-serialisation).
 *
 * @param identifier the CAP {@code identifier}
 * @param status CAP status: {@code Actual}, {@code Exercise} or {@code Test}
 * @param msgType CAP msgType: {@code Alert}, {@code Update} or {@code Cancel}
 * @param colour {@code red}, {@code orange}, {@code yellow} or {@code blue}; {@code null} when none is carried
 * @param cityCodes GB/T 2260 codes of the city platforms covered
 * @param countyCodes GB/T 2260 codes of the counties covered
 * @param references CAP references ({@code sender,identifier,sent}) of the alerts an Update or Cancel ends
 * @param capXml the published CAP document
 */
public record PublishedWarning(String identifier, String sender, OffsetDateTime sent, String status, String msgType,
		@Nullable String colour, String severity, String headline, List<String> cityCodes, List<String> countyCodes,
		@Nullable OffsetDateTime expires, List<String> references, String capXml) {

	public PublishedWarning {
		cityCodes = List.copyOf(cityCodes);
		countyCodes = List.copyOf(countyCodes);
		references = List.copyOf(references);
	}

}
