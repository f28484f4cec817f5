package cn.fj.emergency.command.video.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.video.ConsoleGroup;
import cn.fj.emergency.command.video.ManagingConsoleGroups;

/** Console groups over HTTP (docs/http-api.md#console-groups). */
@RestController
@RequestMapping("/api/video/groups")
class ConsoleGroupRoutes {

	private final ManagingConsoleGroups groups;

	ConsoleGroupRoutes(ManagingConsoleGroups groups) {
		this.groups = groups;
	}

	@PutMapping("/{name}")
	Mono<ConsoleGroup> define(HubPrincipal principal, @PathVariable String name, @RequestBody ConsoleGroup.Definition definition) {
		return this.groups.define(principal, name, definition);
	}

	@GetMapping
	Flux<ConsoleGroup> list() {
		return this.groups.list();
	}

	@GetMapping("/{name}")
	Mono<ConsoleGroup> group(@PathVariable String name) {
		return this.groups.find(name);
	}

	@DeleteMapping("/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@PathVariable String name) {
		return this.groups.delete(name);
	}

}
