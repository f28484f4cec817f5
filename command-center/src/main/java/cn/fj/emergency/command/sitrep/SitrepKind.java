package cn.fj.emergency.command.sitrep;

import java.util.Optional;

/** The EDXL-SitRep 1.0 report kinds the hub takes; each has its own body in a {@link SitrepSubmission}. */
public enum SitrepKind {

	/** EDXL-SitRep FieldObservation: what someone saw, where and when. */
	FIELD_OBSERVATION,
	/** EDXL-SitRep SituationInformation: the overall picture, its severity and where it is heading. */
	SITUATION_INFORMATION,
	/** EDXL-SitRep ResponseResourcesTotals: what is deployed on the incident. */
	RESPONSE_RESOURCES_TOTALS,
	/** EDXL-SitRep CasualtyAndIllnessSummary: people harmed, missing, moved and helped. */
	CASUALTY_AND_ILLNESS_SUMMARY,
	/** EDXL-SitRep ManagementReportingSummary: objectives, actions taken and planned. */
	MANAGEMENT_SUMMARY;

	public static Optional<SitrepKind> parse(String text) {
		for (SitrepKind kind : values()) {
			if (kind.name().equals(text)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
