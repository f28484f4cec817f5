package cn.fj.emergency.command.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** What a principal may do. City platforms are scoped to one city by their token, never by a payload. */
public enum Role {

	DUTY_OFFICER, COMMANDER, CITY_PLATFORM, DEPARTMENT, ADMIN,

	/**
	 * A call-taking system (110, 12345) or a sensor alarm system that reports incidents over HTTP: a service token,
	 * province-wide or confined to one city. It reports and reads nothing else.
	 */
	INTAKE_SYSTEM,

	/**
	 * A broadcast channel's gateway reporting what became of the messages the hub handed it (an SMS gateway's
	 * delivery receipts): a service token, province-wide. It reports receipts and reads nothing.
	 */
	CHANNEL_GATEWAY;

	/** The roles of people who sign in with a password and see the whole province unless confined to a city. */
	public static final Set<Role> OFFICERS = Collections.unmodifiableSet(EnumSet.of(DUTY_OFFICER, COMMANDER, ADMIN));

}
