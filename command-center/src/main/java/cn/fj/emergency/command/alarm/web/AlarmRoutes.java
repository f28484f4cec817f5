package cn.fj.emergency.command.alarm.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.alarm.AcknowledgingAlarm;
import cn.fj.emergency.command.alarm.Alarm;
import cn.fj.emergency.command.alarm.FindingAlarms;
import cn.fj.emergency.command.security.HubPrincipal;

/** HTTP routes of alarms (docs/http-api.md#alarms). */
@RestController
@RequestMapping("/api/alarms")
class AlarmRoutes {

	private final FindingAlarms finding;

	private final AcknowledgingAlarm acknowledging;

	AlarmRoutes(FindingAlarms finding, AcknowledgingAlarm acknowledging) {
		this.finding = finding;
		this.acknowledging = acknowledging;
	}

	@GetMapping
	Flux<Alarm> open(HubPrincipal principal) {
		return this.finding.open(principal);
	}

	@PostMapping("/{id}/acknowledge")
	Mono<Alarm> acknowledge(HubPrincipal principal, @PathVariable String id) {
		return this.acknowledging.acknowledge(principal, id);
	}

}
