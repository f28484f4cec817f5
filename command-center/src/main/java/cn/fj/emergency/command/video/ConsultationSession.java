package cn.fj.emergency.command.video;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.Audience;

/**
 * A video consultation on an incident: an officer opens it and invites cities (and officers); participants join
 * and leave; an officer closes it. {@code participants} are those in it now and {@code members} everyone who was
 * ever part of it (opener, invitees, participants): the audience of its events. Names are audience names
 * ({@code officer:…}, {@code city:…}).
 */
public record ConsultationSession(UUID id, UUID incidentId, String title, String openedBy, Instant openedAt,
		List<String> invitedCities, List<String> invitedOfficers, List<String> participants, List<String> members,
		boolean exercise, @Nullable String closedBy, @Nullable Instant closedAt) {

	static final int MAX_TITLE = 200;

	public ConsultationSession {
		invitedCities = List.copyOf(invitedCities);
		invitedOfficers = List.copyOf(invitedOfficers);
		participants = List.copyOf(participants);
		members = List.copyOf(members);
	}

	public boolean isOpen() {
		return this.closedAt == null;
	}

	/** Whether a principal answering to these names is, or was, part of the session. */
	public boolean isMember(Set<String> names) {
		return Audience.includes(this.members, names);
	}

	void requireOpen() {
		if (!isOpen()) {
			throw new HubException(ErrorCode.CONSULTATION_CLOSED, "Consultation " + this.id + " is closed");
		}
	}

	/**
	 * The name under which the principal joins, if it may: a city platform whose city is invited; an officer invited
	 * by name, or any province-wide officer (the command desk).
	 */
	String joinerName(HubPrincipal principal) {
		if (principal.kind() == HubPrincipal.Kind.OFFICER) {
			String name = Audience.officer(principal.subject());
			if (principal.provinceWide() || this.invitedOfficers.contains(name)) {
				return name;
			}
		}
		else if (principal.cityCode() != null && this.invitedCities.contains(principal.cityCode())) {
			String name = Audience.city(principal.cityCode());
			if (Audience.namesOf(principal).contains(name)) {
				return name;
			}
		}
		throw new HubException(ErrorCode.CONSULTATION_NOT_INVITED, "Not invited to consultation " + this.id);
	}

	/** The name the principal is in the session under, if it is in it now. */
	@Nullable
	String participantName(HubPrincipal principal) {
		for (String name : Audience.namesOf(principal)) {
			if (this.participants.contains(name)) {
				return name;
			}
		}
		return null;
	}

	ConsultationSession invited(List<String> cities, List<String> officers) {
		return new ConsultationSession(this.id, this.incidentId, this.title, this.openedBy, this.openedAt,
				union(this.invitedCities, cities), union(this.invitedOfficers, officers), this.participants,
				union(this.members, union(cities.stream().map(Audience::city).toList(), officers)), this.exercise,
				this.closedBy, this.closedAt);
	}

	ConsultationSession joined(String name) {
		return new ConsultationSession(this.id, this.incidentId, this.title, this.openedBy, this.openedAt,
				this.invitedCities, this.invitedOfficers, union(this.participants, List.of(name)),
				union(this.members, List.of(name)), this.exercise, this.closedBy, this.closedAt);
	}

	ConsultationSession left(String name) {
		List<String> rest = new ArrayList<>(this.participants);
		rest.remove(name);
		return new ConsultationSession(this.id, this.incidentId, this.title, this.openedBy, this.openedAt,
				this.invitedCities, this.invitedOfficers, rest, this.members, this.exercise, this.closedBy, this.closedAt);
	}

	ConsultationSession closed(String by, Instant at) {
		return new ConsultationSession(this.id, this.incidentId, this.title, this.openedBy, this.openedAt,
				this.invitedCities, this.invitedOfficers, List.of(), this.members, this.exercise, by, at);
	}

	static List<String> union(List<String> a, List<String> b) {
		Set<String> all = new LinkedHashSet<>(a);
		all.addAll(b);
		return List.copyOf(all);
	}

	public View view() {
		return new View(this.id, this.incidentId, this.title, this.openedBy, this.openedAt, this.invitedCities,
				this.invitedOfficers, this.participants, this.exercise, isOpen() ? "OPEN" : "CLOSED", this.closedBy,
				this.closedAt);
	}

	/** The session as shown in answers and events. {@code invitedOfficers} and {@code participants} are audience names. */
	public record View(UUID id, UUID incidentId, String title, String openedBy, Instant openedAt,
			List<String> invitedCities, List<String> invitedOfficers, List<String> participants, boolean exercise,
			String status, @Nullable String closedBy, @Nullable Instant closedAt) {
	}

	/** What an officer sends to open a session; {@code cities} and {@code officers} are invited at once. */
	public record Opening(@Nullable UUID incidentId, @Nullable String title, @Nullable List<String> cities,
			@Nullable List<String> officers) {
	}

	/** Cities (platform codes) and officers (usernames) to invite. */
	public record Invitation(@Nullable List<String> cities, @Nullable List<String> officers) {
	}

	/** Names a session, for the city link's join and leave. */
	public record Ref(@Nullable UUID sessionId) {
	}

	/**
	 * The {@code data} of every consultation event: the step, who took it, whom it concerns (the participant who
	 * joined or left; the cities and officers newly invited), and the session after it.
	 */
	public record Step(String action, String actor, @Nullable String participant, List<String> invitedCities,
			List<String> invitedOfficers, View session) {
	}

}
