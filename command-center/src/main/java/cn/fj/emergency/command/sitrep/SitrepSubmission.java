package cn.fj.emergency.command.sitrep;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A situation report as its reporter sends it. {@code sitrepId} is chosen by the reporter and makes retries safe.
 * Exactly the body named by {@code kind} is present. Fields are as received, so that each bad one is refused with
 * its own code by the {@link SitrepPolicy}.
 *
 * @param incidentId the incident reported on (on HTTP it is the path's; on the city link it is required here)
 * @param reportedAt the time the report describes, ISO-8601 with an offset; decides which report is the latest
 */
public record SitrepSubmission(@Nullable String sitrepId, @Nullable UUID incidentId, @Nullable String kind,
		@Nullable String reportedAt, @Nullable FieldObservation fieldObservation,
		@Nullable SituationInformation situationInformation, @Nullable ResponseResourcesTotals responseResourcesTotals,
		@Nullable CasualtyAndIllnessSummary casualtyAndIllnessSummary, @Nullable ManagementSummary managementSummary) {

	/** The same submission about the given incident. */
	public SitrepSubmission about(UUID incident) {
		return new SitrepSubmission(this.sitrepId, incident, this.kind, this.reportedAt, this.fieldObservation,
				this.situationInformation, this.responseResourcesTotals, this.casualtyAndIllnessSummary,
				this.managementSummary);
	}

	/**
	 * EDXL-SitRep FieldObservation.
	 *
	 * @param observedAt when it was seen, ISO-8601 with an offset
	 * @param immediateNeeds what is needed at once, if anything
	 */
	public record FieldObservation(@Nullable String observationText, @Nullable Double latitude,
			@Nullable Double longitude, @Nullable String observedAt, @Nullable String immediateNeeds) {
	}

	/**
	 * EDXL-SitRep SituationInformation.
	 *
	 * @param severity EXTREME, SEVERE, MODERATE, MINOR or UNKNOWN (the EDXL severity scale, as CAP's)
	 * @param trend WORSENING, STABLE, IMPROVING or UNKNOWN
	 */
	public record SituationInformation(@Nullable String summary, @Nullable String severity, @Nullable String trend,
			@Nullable String cause, @Nullable String weatherEffects) {
	}

	/** EDXL-SitRep ResponseResourcesTotals: what is deployed now, as whole numbers. */
	public record ResponseResourcesTotals(@Nullable Long personnel, @Nullable Long teams, @Nullable Long vehicles,
			@Nullable Long boats, @Nullable Long aircraft, @Nullable Long heavyEquipment) {
	}

	/** EDXL-SitRep CasualtyAndIllnessSummary: people, as of the report's time (not increments). */
	public record CasualtyAndIllnessSummary(@Nullable Long dead, @Nullable Long injured, @Nullable Long missing,
			@Nullable Long ill, @Nullable Long trapped, @Nullable Long rescued, @Nullable Long evacuated,
			@Nullable Long sheltered) {
	}

	/** EDXL-SitRep ManagementReportingSummary. */
	public record ManagementSummary(@Nullable String objectives, @Nullable String actionsTaken,
			@Nullable String plannedActions, @Nullable String resourceNeeds) {
	}

}
