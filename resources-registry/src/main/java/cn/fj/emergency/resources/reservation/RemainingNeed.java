package cn.fj.emergency.resources.reservation;

import java.util.ArrayList;
import java.util.List;

import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;

/** The need a request still has, line by line, and the rule that a commitment may not exceed it. */
final class RemainingNeed {

	private RemainingNeed() {
	}

	public static List<LineNeed> of(SupplyRequest request, List<Commitment> commitments) {
		List<LineNeed> needs = new ArrayList<>();
		for (RequestLine line : request.lines()) {
			long committed = 0;
			long delivered = 0;
			for (Commitment c : commitments) {
				if (c.lineNo() == line.lineNo() && c.status().meetsNeed()) {
					committed += c.quantity();
					if (c.status() == CommitmentStatus.DELIVERED || c.status() == CommitmentStatus.RETURNED) {
						delivered += c.quantity();
					}
				}
			}
			needs.add(new LineNeed(line.lineNo(), line.elementId(), line.itemCode(), line.resourceName(),
					line.quantity(), committed, delivered, Math.max(0, line.quantity() - committed)));
		}
		return needs;
	}

	/** The need from each line's committed and delivered totals (by line number; a line absent from them has none). */
	public static List<LineNeed> ofTotals(SupplyRequest request, java.util.Map<Integer, long[]> totals) {
		List<LineNeed> needs = new ArrayList<>();
		for (RequestLine line : request.lines()) {
			long[] t = totals.getOrDefault(line.lineNo(), new long[2]);
			needs.add(new LineNeed(line.lineNo(), line.elementId(), line.itemCode(), line.resourceName(),
					line.quantity(), t[0], t[1], Math.max(0, line.quantity() - t[0])));
		}
		return needs;
	}

	/** Refuses quantities (per line number) beyond what the lines still need. */
	public static void check(List<LineNeed> needs, java.util.Map<Integer, Long> wanted) {
		for (var entry : wanted.entrySet()) {
			LineNeed need = needs.stream()
				.filter(n -> n.lineNo() == entry.getKey())
				.findFirst()
				.orElseThrow(() -> new SupplyException(SupplyError.INVALID_FIELD, "lineNo",
						"The request has no line " + entry.getKey()));
			if (entry.getValue() > need.remaining()) {
				throw new SupplyException(SupplyError.EXCEEDS_REMAINING_NEED, "quantity", "Line " + need.lineNo()
						+ " still needs " + need.remaining() + ", not " + entry.getValue());
			}
		}
	}

}
