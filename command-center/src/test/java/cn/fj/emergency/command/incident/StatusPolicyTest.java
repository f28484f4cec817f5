package cn.fj.emergency.command.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The status workflow over its whole matrix of (from, to), and what each transition needs. */
class StatusPolicyTest {

	static final UUID TARGET = UUID.fromString("0193a0d2-77aa-7c01-9b3e-5d1f0e2c4a68");

	static final Set<List<IncidentStatus>> LEGAL = Set.of(
			List.of(IncidentStatus.REPORTED, IncidentStatus.VERIFIED),
			List.of(IncidentStatus.VERIFIED, IncidentStatus.RESPONDING),
			List.of(IncidentStatus.RESPONDING, IncidentStatus.CONTAINED),
			List.of(IncidentStatus.CONTAINED, IncidentStatus.CLOSED));

	static boolean legal(IncidentStatus from, IncidentStatus to) {
		boolean leaving = (to == IncidentStatus.MERGED || to == IncidentStatus.DISMISSED) && !from.terminal();
		return leaving || LEGAL.contains(List.of(from, to));
	}

	static Stream<Arguments> everyPair() {
		List<Arguments> pairs = new ArrayList<>();
		for (IncidentStatus from : IncidentStatus.values()) {
			for (IncidentStatus to : IncidentStatus.values()) {
				pairs.add(Arguments.of(from, to));
			}
		}
		return pairs.stream();
	}

	static Incident incident(IncidentStatus status) {
		return incident(UUID.fromString("0193a0d2-0000-7c01-9b3e-5d1f0e2c4a68"), status, "350200", false);
	}

	static Incident incident(UUID id, IncidentStatus status, String city, boolean exercise) {
		return new Incident(id, "r1", "city:" + city, city, "350203", "11", IncidentLevel.III, "t", null, 24.48, 118.09,
				Instant.parse("2026-11-23T01:45:00Z"), Instant.parse("2026-11-23T01:50:00Z"), status.name(), exercise, 1L,
				IncidentSource.derived(IncidentSource.CITY_PLATFORM), 3, null, null, null);
	}

	/** A change to {@code to} with whatever it needs to be complete. */
	static StatusChange complete(IncidentStatus to) {
		return new StatusChange(to.name(), to == IncidentStatus.DISMISSED ? "false alarm" : null,
				to == IncidentStatus.MERGED ? TARGET : null, null, null);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("everyPair")
	void allowsOnlyTheLegalTransitions(IncidentStatus from, IncidentStatus to) {
		StatusChange change = complete(to);

		if (legal(from, to)) {
			assertThat(StatusPolicy.check(incident(from), change)).isEqualTo(to);
			assertThat(StatusPolicy.allows(from, to)).isTrue();
		}
		else {
			assertThatThrownBy(() -> StatusPolicy.check(incident(from), change)).isInstanceOfSatisfying(HubException.class, e -> {
				assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
				assertThat(e.details()).containsEntry("from", from.name()).containsEntry("to", to.name());
			});
			assertThat(StatusPolicy.allows(from, to)).isFalse();
		}
	}

	@Test
	void theMatrixHasFourStepsAndTwoExitsFromEachOpenStatus() {
		long legal = everyPair().filter(a -> legal((IncidentStatus) a.get()[0], (IncidentStatus) a.get()[1])).count();

		assertThat(legal).isEqualTo(4 + 2 * 4);
		assertThat(EnumSet.allOf(IncidentStatus.class).stream().filter(IncidentStatus::terminal))
			.containsExactlyInAnyOrder(IncidentStatus.CLOSED, IncidentStatus.MERGED, IncidentStatus.DISMISSED);
	}

	@Test
	void dismissingNeedsAReason() {
		for (String reason : new String[] { null, "", "   " }) {
			assertRefused(() -> StatusPolicy.check(incident(IncidentStatus.VERIFIED),
					new StatusChange("DISMISSED", reason, null, null, null)), ErrorCode.REASON_REQUIRED);
		}
	}

	@Test
	void mergingNeedsATargetAndOnlyMergingTakesOne() {
		assertRefused(() -> StatusPolicy.check(incident(IncidentStatus.REPORTED), new StatusChange("MERGED", null, null, null, null)),
				ErrorCode.FIELD_REQUIRED);
		assertRefused(() -> StatusPolicy.check(incident(IncidentStatus.REPORTED), new StatusChange("VERIFIED", null, TARGET, null, null)),
				ErrorCode.INVALID_FIELD);
	}

	@Test
	void refusesAnUnknownOrMissingStatus() {
		assertRefused(() -> StatusPolicy.check(incident(IncidentStatus.REPORTED), new StatusChange("verified", null, null, null, null)),
				ErrorCode.INVALID_FIELD);
		assertRefused(() -> StatusPolicy.check(incident(IncidentStatus.REPORTED), new StatusChange(null, null, null, null, null)),
				ErrorCode.FIELD_REQUIRED);
	}

	@Test
	void refusesAChangeMadeAgainstAnotherVersionOrStatus() {
		Incident incident = incident(IncidentStatus.VERIFIED);

		assertThatThrownBy(() -> StatusPolicy.check(incident, new StatusChange("RESPONDING", null, null, 2L, null)))
			.isInstanceOfSatisfying(HubException.class, e -> {
				assertThat(e.code()).isEqualTo(ErrorCode.VERSION_CONFLICT);
				assertThat(e.details()).containsEntry("version", 3L).containsEntry("expectedVersion", 2L);
			});
		assertRefused(() -> StatusPolicy.check(incident, new StatusChange("RESPONDING", null, null, null, "REPORTED")),
				ErrorCode.VERSION_CONFLICT);
		assertThat(StatusPolicy.check(incident, new StatusChange("RESPONDING", null, null, 3L, "VERIFIED")))
			.isEqualTo(IncidentStatus.RESPONDING);
	}

	@Test
	void refusesMergeTargetsThatDoNotFit() {
		Incident xiamen = incident(IncidentStatus.REPORTED);

		assertMergeRefused(xiamen, xiamen.id(), xiamen, null, "SELF");
		assertMergeRefused(xiamen, TARGET, null, null, "UNKNOWN");
		assertMergeRefused(xiamen, TARGET, incident(TARGET, IncidentStatus.VERIFIED, "350100", false), "350200", "UNKNOWN");
		assertMergeRefused(xiamen, TARGET, incident(TARGET, IncidentStatus.CLOSED, "350200", false), null, "FINISHED");
		assertMergeRefused(xiamen, TARGET, incident(TARGET, IncidentStatus.MERGED, "350200", false), null, "FINISHED");
		assertMergeRefused(xiamen, TARGET, incident(TARGET, IncidentStatus.VERIFIED, "350200", true), null, "EXERCISE_MISMATCH");
	}

	@Test
	void provinceOfficersMergeAcrossCitiesAndCitiesWithinTheirOwn() {
		Incident xiamen = incident(IncidentStatus.REPORTED);

		StatusPolicy.checkMergeTarget(xiamen, TARGET, incident(TARGET, IncidentStatus.RESPONDING, "350100", false), null);
		StatusPolicy.checkMergeTarget(xiamen, TARGET, incident(TARGET, IncidentStatus.RESPONDING, "350200", false), "350200");
	}

	static void assertMergeRefused(Incident incident, UUID targetId, Incident target, String actorCity, String problem) {
		assertThatThrownBy(() -> StatusPolicy.checkMergeTarget(incident, targetId, target, actorCity))
			.isInstanceOfSatisfying(HubException.class, e -> {
				assertThat(e.code()).isEqualTo(ErrorCode.MERGE_TARGET_INVALID);
				assertThat(e.details()).containsEntry("problem", problem).containsEntry("mergedInto", targetId.toString());
			});
	}

	static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
		assertThatThrownBy(call).isInstanceOfSatisfying(HubException.class, e -> assertThat(e.code()).isEqualTo(code));
	}

}
