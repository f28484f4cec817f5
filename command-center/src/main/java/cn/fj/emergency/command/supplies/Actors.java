package cn.fj.emergency.command.supplies;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.resources.Actor;

/** A hub principal as the registry knows it: the key its idempotent ids are remembered under, and its city. */
public final class Actors {

	private Actors() {
	}

	public static Actor of(HubPrincipal principal) {
		return new Actor(principal.reporterKey(), principal.cityCode());
	}

}
