package cn.fj.emergency.resources.depot;

/** The tier of government a depot belongs to. */
public enum DepotLevel {

	PROVINCE, CITY, COUNTY

}
