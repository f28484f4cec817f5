package cn.fj.emergency.command.video;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DispatchPolicyTest {

	static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

	static final UUID SOURCE = UUID.randomUUID();

	static final UUID INCIDENT = UUID.randomUUID();

	static VideoDispatch.Request request(DispatchTargets targets, String until) {
		return new VideoDispatch.Request(SOURCE, INCIDENT, targets, "note", until);
	}

	@Test
	void acceptsTargetsAndAFutureEnd() {
		DispatchPolicy.Checked checked = DispatchPolicy.check(request(new DispatchTargets(List.of("li.wei", "li.wei"),
				null, List.of("350200")), "2026-11-23T18:00:00+08:00"), NOW);

		assertThat(checked.targets().officers()).containsExactly("li.wei");
		assertThat(checked.targets().groups()).isEmpty();
		assertThat(checked.until()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
	}

	@Test
	void refusesADispatchForNoOne() {
		assertField(() -> DispatchPolicy.check(request(new DispatchTargets(null, List.of(), null), null), NOW),
				ErrorCode.FIELD_REQUIRED, "targets");
		assertField(() -> DispatchPolicy.check(new VideoDispatch.Request(SOURCE, INCIDENT, null, null, null), NOW),
				ErrorCode.FIELD_REQUIRED, "targets");
	}

	@Test
	void refusesUnknownCitiesBlankNamesAndAPastEnd() {
		assertField(() -> DispatchPolicy.check(request(new DispatchTargets(null, null, List.of("359999")), null), NOW),
				ErrorCode.UNKNOWN_AREA, "targets.cities");
		assertField(() -> DispatchPolicy.check(request(new DispatchTargets(Arrays.asList("li.wei", " "), null, null), null), NOW),
				ErrorCode.INVALID_FIELD, "targets.officers");
		assertField(() -> DispatchPolicy.check(request(new DispatchTargets(List.of("li.wei"), null, null), "2026-11-23T09:59:00+08:00"), NOW),
				ErrorCode.INVALID_FIELD, "until");
		assertField(() -> DispatchPolicy.check(request(new DispatchTargets(List.of("li.wei"), null, null), "tomorrow"), NOW),
				ErrorCode.INVALID_FIELD, "until");
	}

	static void assertField(Runnable call, ErrorCode code, String field) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(HubException.class, ex -> {
			assertThat(ex.code()).isEqualTo(code);
			assertThat(ex.details()).containsEntry("field", field);
		});
	}

}
