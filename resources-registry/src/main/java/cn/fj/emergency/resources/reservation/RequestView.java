package cn.fj.emergency.resources.reservation;

import java.util.List;

/** A request as it stands: its lines' remaining need and every commitment against it. */
public record RequestView(SupplyRequest request, List<LineNeed> needs, List<Commitment> commitments) {

	public RequestView {
		needs = List.copyOf(needs);
		commitments = List.copyOf(commitments);
	}

	/** Whether nothing more is needed. */
	public boolean met() {
		return this.needs.stream().allMatch(n -> n.remaining() == 0);
	}

}
