package cn.fj.emergency.alerting.cap;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks beyond the schema, as two profiles. {@link #inbound} holds for every alert we accept from
 * anyone; {@link #publishing} adds what our own (Chinese) public warnings must also be: zh-CN and English
 * info blocks, a warning colour,
 * GB/T 2260 areas, times in +08:00 and not before the alert is sent.
 */
public final class CapProfile {

	private final String name;

	private final List<AlertCheck> checks;

	private CapProfile(String name, List<AlertCheck> checks) {
		this.name = name;
		this.checks = List.copyOf(checks);
	}

	public static CapProfile inbound(AreaCodes areaCodes) {
		return new CapProfile("inbound", inboundChecks(areaCodes));
	}

	public static CapProfile publishing(AreaCodes areaCodes) {
		List<AlertCheck> checks = new ArrayList<>(inboundChecks(areaCodes));
		checks.add(new ChineseAndEnglish());
		checks.add(new ColourRequired());
		checks.add(new AreasCoded());
		checks.add(new TimesNotBeforeSent());
		checks.add(new TimesInChina());
		return new CapProfile("publishing", checks);
	}

	private static List<AlertCheck> inboundChecks(AreaCodes areaCodes) {
		return List.of(new UpdatesAndCancelsReference(), new ReferencesNotCircular(), new ReferencesNotLater(),
				new PolygonsClosed(), new PolygonsHaveFourPoints(), new PolygonsSimple(), new TimesInOrder(),
				new ExpiryNotBeforeSent(), new LanguagesKnown(), new ColourMatchesSeverity(),
				new AreaCodesExist(areaCodes));
	}

	/** Every problem the profile finds; empty if the alert keeps it. */
	public List<CapProblem> check(Alert alert) {
		return checks.stream().flatMap(check -> check.check(alert).stream()).toList();
	}

	/** The alert, if it keeps the profile; else a refusal with every problem. */
	public Alert require(Alert alert) {
		List<CapProblem> problems = check(alert);
		if (!problems.isEmpty()) {
			throw new CapRefusal(problems);
		}
		return alert;
	}

	@Override
	public String toString() {
		return name + " CAP profile";
	}

}
