package cn.fj.emergency.resources.stock;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.resources.Actor;
import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each bad field of a reported movement is refused with its own reason; a retry hashes the same. */
class MovementPolicyTest {

	static final Actor XIAMEN = new Actor("city:350200", "350200");

	static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

	static MovementReport report(String type, Long quantity, String reason) {
		return new MovementReport("m-1", "350200-01", "TENT-12", type, quantity, reason, null, null);
	}

	@Test
	void refusesReservationsReportedByADepot() {
		assertThatThrownBy(() -> MovementPolicy.check(report("RESERVATION", 5L, null), XIAMEN, NOW))
			.isInstanceOfSatisfying(SupplyException.class, ex -> assertThat(ex.error()).isEqualTo(SupplyError.MOVEMENT_NOT_REPORTABLE));
	}

	@Test
	void anAdjustmentNeedsAReasonAndMayBeNegative() {
		assertThatThrownBy(() -> MovementPolicy.check(report("ADJUSTMENT", -5L, null), XIAMEN, NOW))
			.isInstanceOfSatisfying(SupplyException.class, ex -> assertThat(ex.field()).isEqualTo("reason"));
		Movement m = MovementPolicy.check(report("ADJUSTMENT", -5L, "damaged by water"), XIAMEN, NOW);
		assertThat(m.delta()).isEqualTo(new StockDelta(-5, 0));
	}

	@Test
	void refusesZeroAndNegativeQuantitiesOutsideAdjustments() {
		assertThatThrownBy(() -> MovementPolicy.check(report("RECEIPT", 0L, null), XIAMEN, NOW)).isInstanceOf(SupplyException.class);
		assertThatThrownBy(() -> MovementPolicy.check(report("ISSUE", -1L, null), XIAMEN, NOW)).isInstanceOf(SupplyException.class);
		assertThatThrownBy(() -> MovementPolicy.check(report("RECEIPT", null, null), XIAMEN, NOW))
			.isInstanceOfSatisfying(SupplyException.class, ex -> assertThat(ex.error()).isEqualTo(SupplyError.FIELD_REQUIRED));
	}

	@Test
	void theSameMovementHashesTheSameAndAnotherDifferently() {
		String first = MovementPolicy.check(report("RECEIPT", 5L, null), XIAMEN, NOW).payloadHash();
		String again = MovementPolicy.check(report("RECEIPT", 5L, null), XIAMEN, NOW.plusSeconds(60)).payloadHash();
		String other = MovementPolicy.check(report("RECEIPT", 6L, null), XIAMEN, NOW).payloadHash();

		assertThat(again).isEqualTo(first);
		assertThat(other).isNotEqualTo(first);
	}

}
