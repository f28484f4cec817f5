package cn.fj.emergency.command.bench;

import org.jspecify.annotations.Nullable;

/**
 * One measured figure: the system's value beside its physical baseline, the target and whether it is met. A
 * figure that could not be measured carries the reason in {@code failure} and is never counted as met.
 *
 * @param name what was measured
 * @param system the hub's value, as printed
 * @param baseline the baseline's value, as printed ("–" where the target is absolute)
 * @param ratio system / baseline where the target is a ratio, else null
 * @param target the target, as printed
 * @param met whether the target is met
 * @param notes how it was measured, errors seen, anything a reader needs to judge it
 * @param failure why the figure could not be measured, or null
 * @param reference whether this is no figure of the hub but a reference beside one: what PostgreSQL alone does
 * with the work the hub's design requires, which bounds what the hub can reach; it has no target
 */
record Figure(String name, String system, String baseline, @Nullable Double ratio, String target, boolean met,
		String notes, @Nullable String failure, boolean reference) {

	Figure(String name, String system, String baseline, @Nullable Double ratio, String target, boolean met, String notes,
			@Nullable String failure) {
		this(name, system, baseline, ratio, target, met, notes, failure, false);
	}

	static Figure failed(String name, String target, String failure) {
		return new Figure(name, "–", "–", null, target, false, "", failure);
	}

	/** A reference beside the hub's figures (see {@code reference}): no target, neither met nor missed. */
	static Figure reference(String name, String value, String baseline, double ratio, String notes) {
		return new Figure(name, value, baseline, ratio, "– (bound)", false, notes, null, true);
	}

	String verdict() {
		if (this.failure != null) {
			return "**not measured**";
		}
		if (this.reference) {
			return "reference";
		}
		return this.met ? "met" : "**missed**";
	}

}
