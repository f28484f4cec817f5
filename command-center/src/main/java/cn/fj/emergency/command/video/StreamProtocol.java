package cn.fj.emergency.command.video;

/** How a player reaches a stream: told by the address's scheme and path (see {@link StreamAddress}). */
public enum StreamProtocol {

	/** {@code rtsp://} or {@code rtsps://}. */
	RTSP,

	/** An {@code https://} playlist ending in {@code .m3u8}. */
	HLS,

	/** Any other {@code https://} address: a WHEP endpoint (WebRTC-HTTP egress protocol). */
	WEBRTC

}
