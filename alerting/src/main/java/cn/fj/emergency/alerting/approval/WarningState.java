package cn.fj.emergency.alerting.approval;

/** Where a warning is in its lifecycle. */
public enum WarningState {

	/** Being written; the author may revise it. */
	DRAFT,
	/** Waiting for a second officer's review. */
	SUBMITTED,
	/** Approved by a reviewer other than the author; ready to publish. */
	APPROVED,
	/** Sent back with a comment; the author may revise and resubmit it. */
	REJECTED,
	/** Public; from now on its alert never changes. */
	PUBLISHED,
	/** Replaced by a published Update that references it. */
	UPDATED,
	/** Withdrawn by a published Cancel that references it. */
	CANCELLED,
	/** Past its expiry. */
	EXPIRED;

	/** Whether the warning's content may still change. */
	public boolean isEditable() {
		return this == DRAFT || this == REJECTED;
	}

	/** Whether the warning has been public (and its alert is therefore fixed for good). */
	public boolean wasPublished() {
		return this == PUBLISHED || this == UPDATED || this == CANCELLED || this == EXPIRED;
	}

}
