package cn.fj.emergency.command.citylink.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import cn.fj.emergency.command.citylink.Presence;

/** Which city platforms and consoles are connected now, on any hub instance. */
@RestController
class PresenceRoutes {

	private final Presence presence;

	PresenceRoutes(Presence presence) {
		this.presence = presence;
	}

	@GetMapping("/api/presence")
	Flux<Presence.Entry> connected() {
		return this.presence.connected();
	}

}
