package cn.fj.emergency.alerting.cap;

import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an inbound document carried: one CAP alert, or the CAP alerts of an EDXL-DE envelope in the order of
 * its content objects ({@code distributionId} is then the envelope's, else null). Every alert is in the hub's
 * CAP 1.2 model; {@code versions} says, alert by alert, which CAP version it was read in (1.0 and 1.1 are
 * upgraded, see docs/cap-profile.md).
 */
public record CapDocument(@Nullable String distributionId, List<Alert> alerts, List<CapVersion> versions) {

	public CapDocument {
		alerts = List.copyOf(alerts);
		versions = List.copyOf(versions);
		if (versions.size() != alerts.size()) {
			throw new IllegalArgumentException("one version per alert");
		}
	}

	/** Alerts all read as CAP 1.2. */
	public CapDocument(@Nullable String distributionId, List<Alert> alerts) {
		this(distributionId, alerts, Collections.nCopies(alerts.size(), CapVersion.V1_2));
	}

	public boolean isEnvelope() {
		return distributionId != null;
	}

	/** Whether any alert was read in a version older than 1.2 and upgraded. */
	public boolean upgraded() {
		return versions.stream().anyMatch(version -> version != CapVersion.V1_2);
	}

}
