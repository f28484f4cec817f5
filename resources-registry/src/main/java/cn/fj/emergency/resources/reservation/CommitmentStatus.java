package cn.fj.emergency.resources.reservation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a commitment is in its lifecycle. Stock committed from a depot is RESERVED; a requisition asks for its
 * shipment (SHIPMENT_REQUESTED), which goes IN_TRANSIT and is DELIVERED (the stock is issued). Before it leaves it
 * may be RELEASED, or EXPIRED when not collected in time (the stock is released either way); delivered stock that
 * comes back is RETURNED (received again). An EXTERNAL commitment is an outside provider's, with no stock here.
 */
public enum CommitmentStatus {

	RESERVED, SHIPMENT_REQUESTED, IN_TRANSIT, DELIVERED, RELEASED, EXPIRED, RETURNED, EXTERNAL;

	/** Holds that may still be released or expire: the stock has not left the depot. */
	public static final Set<CommitmentStatus> UNCOLLECTED = EnumSet.of(RESERVED, SHIPMENT_REQUESTED);

	/** Whether a commitment in this status meets (part of) its request's need. */
	public boolean meetsNeed() {
		return this != RELEASED && this != EXPIRED;
	}

}
