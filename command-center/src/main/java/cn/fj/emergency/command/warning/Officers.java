package cn.fj.emergency.command.warning;

import java.util.stream.Collectors;

import cn.fj.emergency.alerting.approval.Officer;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;

/** A verified principal as alerting's officer: its subject, the names of its roles and the city it is confined to. */
public final class Officers {

	private Officers() {
	}

	public static Officer of(HubPrincipal principal) {
		return new Officer(principal.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + principal.subject(),
				principal.roles().stream().map(Role::name).collect(Collectors.toSet()), principal.cityCode());
	}

}
