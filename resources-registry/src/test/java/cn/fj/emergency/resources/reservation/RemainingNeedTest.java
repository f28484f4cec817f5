package cn.fj.emergency.resources.reservation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The remaining need counts what still meets it; a commitment may not exceed it. */
class RemainingNeedTest {

	static final UUID REQUEST = UUID.randomUUID();

	static final SupplyRequest TENTS = new SupplyRequest(REQUEST, "xm-1", "350200", null, null, null, null,
			Instant.EPOCH, Instant.EPOCH, List.of(new RequestLine(1, "line-1", "TENT-12", null, null, null, 500)));

	static Commitment commitment(String depot, long quantity, CommitmentStatus status) {
		return new Commitment(UUID.randomUUID(), REQUEST, 1, depot, "TENT-12", quantity, status, null, null, null,
				"officer", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, 0);
	}

	@Test
	void partialCommitmentsFromTwoDepotsLeaveTheRest() {
		List<LineNeed> needs = RemainingNeed.of(TENTS, List.of(commitment("350000-01", 200, CommitmentStatus.RESERVED),
				commitment("350200-01", 100, CommitmentStatus.DELIVERED)));

		assertThat(needs.get(0).committed()).isEqualTo(300);
		assertThat(needs.get(0).delivered()).isEqualTo(100);
		assertThat(needs.get(0).remaining()).isEqualTo(200);
	}

	@Test
	void releasedAndExpiredCommitmentsReopenTheNeed() {
		List<LineNeed> needs = RemainingNeed.of(TENTS, List.of(commitment("350000-01", 200, CommitmentStatus.RELEASED),
				commitment("350200-01", 100, CommitmentStatus.EXPIRED), commitment("350200-01", 50, CommitmentStatus.RETURNED)));

		assertThat(needs.get(0).remaining()).isEqualTo(450);
	}

	@Test
	void refusesACommitmentBeyondTheRemainingNeed() {
		List<LineNeed> needs = RemainingNeed.of(TENTS, List.of(commitment("350000-01", 400, CommitmentStatus.RESERVED)));

		assertThatThrownBy(() -> RemainingNeed.check(needs, Map.of(1, 101L)))
			.isInstanceOfSatisfying(SupplyException.class, ex -> assertThat(ex.error()).isEqualTo(SupplyError.EXCEEDS_REMAINING_NEED));
		RemainingNeed.check(needs, Map.of(1, 100L));
	}

}
