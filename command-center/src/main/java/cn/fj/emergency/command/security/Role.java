package cn.fj.emergency.command.security;

/** What a principal may do. City platforms are scoped to one city by their token, never by a payload. */
public enum Role {

	DUTY_OFFICER, COMMANDER, CITY_PLATFORM, DEPARTMENT, ADMIN

}
