package cn.fj.emergency.resources.stock;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The levels never go negative and a reservation never takes more than is available. */
class StockLevelTest {

	@Test
	void aReservationHoldsStockWithoutIssuingIt() {
		StockLevel level = new StockLevel(100, 0);

		StockLevel after = level.apply(MovementType.RESERVATION.delta(30, false));

		assertThat(after.onHand()).isEqualTo(100);
		assertThat(after.reserved()).isEqualTo(30);
		assertThat(after.available()).isEqualTo(70);
	}

	@Test
	void refusesToReserveMoreThanIsAvailable() {
		StockLevel level = new StockLevel(100, 80);

		assertThatThrownBy(() -> level.apply(MovementType.RESERVATION.delta(21, false)))
			.isInstanceOfSatisfying(SupplyException.class, ex -> assertThat(ex.error()).isEqualTo(SupplyError.INSUFFICIENT_STOCK));
	}

	@Test
	void refusesToIssueReservedStock() {
		StockLevel level = new StockLevel(100, 80);

		assertThatThrownBy(() -> level.apply(MovementType.ISSUE.delta(21, false)))
			.isInstanceOf(SupplyException.class);
		assertThat(level.apply(MovementType.ISSUE.delta(20, false)).available()).isZero();
	}

	@Test
	void deliveringAReservationIssuesItsStock() {
		StockLevel after = new StockLevel(100, 30).apply(MovementType.ISSUE.delta(30, true));

		assertThat(after).isEqualTo(new StockLevel(70, 0));
	}

	@Test
	void aNegativeAdjustmentCannotTakeOnHandBelowReserved() {
		StockLevel level = new StockLevel(10, 8);

		assertThatThrownBy(() -> level.apply(MovementType.ADJUSTMENT.delta(-3, false))).isInstanceOf(SupplyException.class);
		assertThat(level.apply(MovementType.ADJUSTMENT.delta(-2, false))).isEqualTo(new StockLevel(8, 8));
	}

	@Test
	void releasingMoreThanIsReservedIsRefused() {
		assertThatThrownBy(() -> new StockLevel(10, 2).apply(MovementType.RELEASE.delta(3, false)))
			.isInstanceOf(SupplyException.class);
	}

	@Test
	void lowStockIsRaisedOncePerCrossing() {
		assertThat(LowStock.crossesBelow(false, 50L, new StockLevel(40, 0))).isTrue();
		assertThat(LowStock.crossesBelow(true, 50L, new StockLevel(30, 0))).isFalse();
		assertThat(LowStock.isLow(50L, new StockLevel(50, 0))).isFalse();
		assertThat(LowStock.crossesBelow(false, null, new StockLevel(0, 0))).isFalse();
		assertThat(LowStock.crossesBelow(false, 50L, new StockLevel(100, 60))).isTrue();
	}

}
