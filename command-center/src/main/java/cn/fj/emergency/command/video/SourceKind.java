package cn.fj.emergency.command.video;

/** What a video source is. */
public enum SourceKind {

	/** A public-security (公安) CCTV camera. */
	PUBLIC_SECURITY_CCTV,

	/** A water-level or flood-watch camera. */
	FLOOD_CAMERA,

	DRONE,

	/** A vehicle or handheld unit in the field. */
	MOBILE_UNIT,

	/** A conference room's video terminal, for consultations. */
	CONFERENCE_ROOM

}
