package cn.fj.emergency.alerting.approval;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.WarningColour;

/**
 * Dual control of publication: the author never reviews their own warning, and a red or orange warning is
 * reviewed by an officer holding the commander role (the role's name is the hub's, passed in). The colour
 * judged is the gravest any info block carries, or that its severity stands for; for an Update or a Cancel, the
 * graver of its own and of the published warning it replaces (lowering a red warning to yellow needs a commander,
 * as cancelling it does).
 */
public final class DualControl {

	private final String commanderRole;

	public DualControl(String commanderRole) {
		this.commanderRole = Objects.requireNonNull(commanderRole, "commanderRole");
	}

	/** Refuses unless {@code reviewer} may approve or reject {@code warning}. */
	public void check(Warning warning, Officer reviewer) {
		check(warning, null, reviewer);
	}

	/**
	 * Refuses unless {@code reviewer} may approve or reject {@code warning}, an Update or Cancel of
	 * {@code replaced} (the published alert it references) when that is given.
	 */
	public void check(Warning warning, @Nullable Alert replaced, Officer reviewer) {
		if (reviewer.id().equals(warning.author())) {
			throw new WarningRefusal(WarningErrorCode.WARNING_SELF_APPROVAL,
					"the author " + reviewer.id() + " cannot review their own warning " + warning.id());
		}
		Optional<WarningColour> colour = gravestColour(warning.alert());
		if (replaced != null) {
			Optional<WarningColour> before = gravestColour(replaced);
			if (before.isPresent() && (colour.isEmpty() || before.get().compareTo(colour.get()) < 0)) {
				colour = before;
			}
		}
		boolean grave = colour.isPresent() && colour.get().compareTo(WarningColour.ORANGE) <= 0;
		if (grave && !reviewer.has(commanderRole)) {
			throw new WarningRefusal(WarningErrorCode.WARNING_COMMANDER_REQUIRED,
					(replaced == null ? "a " + colour.get().cap() + " warning"
							: "an Update or Cancel of a " + colour.get().cap() + " warning")
							+ " is reviewed by a " + commanderRole);
		}
	}

	/** The gravest colour of the alert's info blocks: carried as a parameter, else from the severity. */
	static Optional<WarningColour> gravestColour(Alert alert) {
		return alert.infos()
			.stream()
			.flatMap(info -> WarningColour.carriedBy(info)
				.stream()
				.map(WarningColour::parse)
				.flatMap(Optional::stream)
				.findFirst()
				.or(() -> WarningColour.of(info.severity()))
				.stream())
			.min(Comparator.naturalOrder());
	}

}
