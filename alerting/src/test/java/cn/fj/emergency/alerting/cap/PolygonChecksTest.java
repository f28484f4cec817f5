package cn.fj.emergency.alerting.cap;

import org.junit.jupiter.api.Test;

import static cn.fj.emergency.alerting.cap.Alerts.codes;
import static cn.fj.emergency.alerting.cap.Alerts.ownRedWarning;
import static cn.fj.emergency.alerting.cap.Alerts.withPolygon;
import static org.assertj.core.api.Assertions.assertThat;

class PolygonChecksTest {

	@Test
	void acceptsClosedSquare() {
		Alert alert = ownRedWarning();
		assertThat(new PolygonsClosed().check(alert)).isEmpty();
		assertThat(new PolygonsHaveFourPoints().check(alert)).isEmpty();
		assertThat(new PolygonsSimple().check(alert)).isEmpty();
	}

	@Test
	void refusesPolygonNotClosed() {
		Alert alert = withPolygon(ownRedWarning(), "26.08,119.29 26.08,119.31 26.10,119.31 26.10,119.29");
		assertThat(codes(new PolygonsClosed().check(alert))).containsOnly(CapErrorCode.CAP_POLYGON_NOT_CLOSED).hasSize(2);
	}

	@Test
	void refusesPolygonOfThreePoints() {
		Alert alert = withPolygon(ownRedWarning(), "26.08,119.29 26.08,119.31 26.08,119.29");
		assertThat(codes(new PolygonsHaveFourPoints().check(alert)))
			.containsOnly(CapErrorCode.CAP_POLYGON_TOO_FEW_POINTS);
	}

	@Test
	void refusesBowTie() {
		// given a closed polygon whose second and fourth edges cross
		Alert alert = withPolygon(ownRedWarning(), "0,0 0,2 2,0 2,2 0,0");
		// when / then
		assertThat(codes(new PolygonsSimple().check(alert))).containsOnly(CapErrorCode.CAP_POLYGON_SELF_INTERSECTING);
	}

	@Test
	void refusesPolygonTouchingItselfAtACorner() {
		Alert alert = withPolygon(ownRedWarning(), "0,0 0,4 2,2 4,4 4,0 2,2 0,0");
		assertThat(codes(new PolygonsSimple().check(alert))).containsOnly(CapErrorCode.CAP_POLYGON_SELF_INTERSECTING);
	}

	@Test
	void refusesPolygonThatDoublesBack() {
		Alert alert = withPolygon(ownRedWarning(), "0,0 0,2 0,1 1,1 0,0");
		assertThat(codes(new PolygonsSimple().check(alert))).containsOnly(CapErrorCode.CAP_POLYGON_SELF_INTERSECTING);
	}

	@Test
	void refusesPolygonWithoutArea() {
		Alert alert = withPolygon(ownRedWarning(), "0,0 0,1 0,2 0,0");
		assertThat(codes(new PolygonsSimple().check(alert))).containsOnly(CapErrorCode.CAP_POLYGON_SELF_INTERSECTING);
	}

	@Test
	void acceptsConcavePolygonWithRepeatedPoints() {
		Alert alert = withPolygon(ownRedWarning(), "0,0 0,4 0,4 2,2 4,4 4,0 0,0");
		assertThat(new PolygonsSimple().check(alert)).isEmpty();
	}

	@Test
	void acceptsNearlyCollinearCornersAsWritten() {
		// Environment Canada's polygons have corners a ten-thousandth of a degree apart
		Polygon polygon = Polygon.parse("53.9767,-105.3779 53.9767,-105.378 53.9766,-105.874 53.9766,-105.8741 "
				+ "53.5,-105.9 53.5,-105.3 53.9767,-105.3779");
		assertThat(PolygonsSimple.isSimple(polygon)).isTrue();
	}

	@Test
	void writesPolygonDecimalsAsRead() {
		Polygon polygon = Polygon.parse(" 38.47,-120.14 38.34,-119.95\n 38.52,-119.74 38.47,-120.140 ");
		assertThat(polygon.toCap()).isEqualTo("38.47,-120.14 38.34,-119.95 38.52,-119.74 38.47,-120.140");
		assertThat(polygon.isClosed()).isTrue();
	}

}
