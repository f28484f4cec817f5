package cn.fj.emergency.command.channel.web;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.channel.delivery.ReadingChannels;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/** The open public CAP Atom feed and the CAP documents it links to (docs/channels.md). */
@RestController
class PublicWarningRoutes {

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	static final MediaType CAP = MediaType.parseMediaType("application/cap+xml;charset=UTF-8");

	private final ReadingChannels reading;

	PublicWarningRoutes(ReadingChannels reading) {
		this.reading = reading;
	}

	@GetMapping("/api/public/warnings.atom")
	Mono<ResponseEntity<String>> feed() {
		return this.reading.feed().map(xml -> ResponseEntity.ok().contentType(ATOM).body(xml));
	}

	/** {@code GET /api/public/warnings/{identifier}.cap}: the alert exactly as published. */
	@GetMapping("/api/public/warnings/{file}")
	Mono<ResponseEntity<String>> alert(@PathVariable String file) {
		if (!file.endsWith(".cap") || file.length() == 4) {
			return Mono.error(notFound(file));
		}
		String identifier = file.substring(0, file.length() - 4);
		return this.reading.capDocument(identifier)
			.map(xml -> ResponseEntity.ok().contentType(CAP).body(xml))
			.switchIfEmpty(Mono.error(() -> notFound(identifier)));
	}

	private static HubException notFound(String identifier) {
		return new HubException(ErrorCode.PUBLIC_WARNING_NOT_FOUND, "No published warning " + identifier,
				Map.of("identifier", identifier));
	}

}
