package cn.fj.emergency.alerting.warning;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.alerting.approval.Warning;
import cn.fj.emergency.alerting.targeting.WarningTargets;

/**
 * A warning as stored: the domain warning, what it covers, its CAP document (once published, the published bytes)
 * and the identifier of the warning it updates or cancels.
 */
public record StoredWarning(Warning warning, WarningTargets targets, String capXml, @Nullable String replaces) {

	public StoredWarning {
		Objects.requireNonNull(warning, "warning");
		Objects.requireNonNull(targets, "targets");
		Objects.requireNonNull(capXml, "capXml");
	}

	public String identifier() {
		return warning.id().toString();
	}

}
