package cn.fj.emergency.alerting.cap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an info block carries a warning colour, it is one of the four and matches the severity: red Extreme,
 * orange Severe, yellow Moderate, blue Minor.
 */
final class ColourMatchesSeverity implements AlertCheck {

	@Override
	public List<CapProblem> check(Alert alert) {
		List<CapProblem> problems = new ArrayList<>();
		for (Located<Info> info : Located.infos(alert)) {
			for (String value : WarningColour.carriedBy(info.value())) {
				Optional<WarningColour> colour = WarningColour.parse(value);
				if (colour.isEmpty()) {
					problems.add(new CapProblem(CapErrorCode.CAP_COLOUR_UNKNOWN,
							info.where() + ": not a warning colour: " + value));
				}
				else if (colour.get().severity() != info.value().severity()) {
					problems.add(new CapProblem(CapErrorCode.CAP_COLOUR_SEVERITY_MISMATCH,
							info.where() + ": " + colour.get().cap() + " needs severity " + colour.get().severity().cap()
									+ ", not " + info.value().severity().cap()));
				}
			}
		}
		return problems;
	}

}
