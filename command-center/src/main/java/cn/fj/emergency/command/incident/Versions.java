package cn.fj.emergency.command.incident;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * Optimistic concurrency: a change may say which version (and status) of the incident its sender saw. If the
 * incident has moved on, the change is refused with {@code VERSION_CONFLICT} instead of being applied to a state
 * the sender never saw. A change that names neither is applied to the present state, under the row lock.
 */
final class Versions {

	private Versions() {
	}

	static void check(Incident incident, @Nullable Long expectedVersion, @Nullable String expectedStatus) {
		boolean versionMoved = expectedVersion != null && expectedVersion != incident.version();
		boolean statusMoved = expectedStatus != null && !expectedStatus.equals(incident.status());
		if (versionMoved || statusMoved) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("version", incident.version());
			details.put("status", incident.status());
			if (expectedVersion != null) {
				details.put("expectedVersion", expectedVersion);
			}
			if (expectedStatus != null) {
				details.put("expectedStatus", expectedStatus);
			}
			throw new HubException(ErrorCode.VERSION_CONFLICT, "Incident " + incident.id() + " is now version "
					+ incident.version() + ", " + incident.status(), details);
		}
	}

}
