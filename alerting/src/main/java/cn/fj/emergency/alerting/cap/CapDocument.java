package cn.fj.emergency.alerting.cap;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an inbound document carried: one CAP alert, or the CAP alerts of an EDXL-DE envelope in the order of
 * its content objects ({@code distributionId} is then the envelope's, else null).
 */
public record CapDocument(@Nullable String distributionId, List<Alert> alerts) {

	public CapDocument {
		alerts = List.copyOf(alerts);
	}

	public boolean isEnvelope() {
		return distributionId != null;
	}

}
