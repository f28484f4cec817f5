package cn.fj.emergency.command.video;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.OfficerAccounts;
import cn.fj.emergency.command.video.persistence.ConsoleGroupStore;

/**
 * Officers define console groups: named sets of officers. A group is configuration, not something consoles watch
 * live, so its changes append no event; a dispatch records the members it reached.
 */
@Component
public class ManagingConsoleGroups {

	private final ConsoleGroupStore store;

	private final OfficerAccounts officers;

	private final TransactionalOperator transactions;

	private final Clock clock;

	public ManagingConsoleGroups(ConsoleGroupStore store, OfficerAccounts officers, TransactionalOperator transactions,
			Clock clock) {
		this.store = store;
		this.officers = officers;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<ConsoleGroup> define(HubPrincipal officer, String name, ConsoleGroup.Definition definition) {
		return Mono.fromCallable(() -> new ConsoleGroup(ConsoleGroup.checkName(name),
				ConsoleGroup.checkDescription(definition.description()), ConsoleGroup.checkMembers(definition.members()),
				RegisteringVideoSource.who(officer), this.clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.flatMap(group -> requireOfficers(group.members(), "members")
				.then(this.transactions.transactional(this.store.save(group)))
				.thenReturn(group));
	}

	public Mono<Void> delete(String name) {
		return this.store.delete(name)
			.flatMap(found -> found ? Mono.<Void>empty()
					: Mono.error(new HubException(ErrorCode.NOT_FOUND, "No console group " + name)));
	}

	public Mono<ConsoleGroup> find(String name) {
		return this.store.find(name)
			.switchIfEmpty(Mono.error(() -> new HubException(ErrorCode.NOT_FOUND, "No console group " + name)));
	}

	public Flux<ConsoleGroup> list() {
		return this.store.list(1000);
	}

	/** Refuses with {@link ErrorCode#UNKNOWN_OFFICER} unless every username is an officer's. */
	Mono<Void> requireOfficers(Collection<String> usernames, String field) {
		return Flux.fromIterable(usernames)
			.concatMap(username -> this.officers.find(username)
				.switchIfEmpty(Mono.error(() -> HubException.field(ErrorCode.UNKNOWN_OFFICER, field, "No officer " + username))))
			.then();
	}

	/** The groups' members, refusing with {@link ErrorCode#UNKNOWN_CONSOLE_GROUP} if a group does not exist. */
	Mono<List<ConsoleGroup>> groups(Collection<String> names, String field) {
		return this.store.findAll(names).collectList().flatMap(found -> {
			for (String name : names) {
				if (found.stream().noneMatch(g -> g.name().equals(name))) {
					return Mono.error(HubException.field(ErrorCode.UNKNOWN_CONSOLE_GROUP, field, "No console group " + name));
				}
			}
			return Mono.just(found);
		});
	}

}
