package cn.fj.emergency.command.video;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/**
 * Where a source's stream is, and its protocol. The address may carry credentials, so it is a secret of the hub:
 * only {@link #masked()} (scheme and host) is ever shown; the address itself goes to a player only behind a
 * playback token.
 */
public record StreamAddress(String url, StreamProtocol protocol) {

	static final int MAX_LENGTH = 2000;

	static final String FIELD = "streamUrl";

	/** Parses and checks an address: RTSP(S), HLS over HTTPS ({@code .m3u8}) or a WHEP endpoint over HTTPS. */
	public static StreamAddress parse(String text) {
		if (text.length() > MAX_LENGTH) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, FIELD, FIELD + " has at most " + MAX_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw invalid("streamUrl is not a URI: " + ex.getReason());
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			throw invalid("streamUrl needs a host");
		}
		if (uri.getRawFragment() != null) {
			throw invalid("streamUrl may not have a fragment");
		}
		String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
		StreamProtocol protocol = switch (scheme) {
			case "rtsp", "rtsps" -> StreamProtocol.RTSP;
			case "https" -> path.endsWith(".m3u8") ? StreamProtocol.HLS : StreamProtocol.WEBRTC;
			default -> throw invalid("streamUrl must be rtsp://, rtsps://, an https:// HLS playlist (.m3u8) or an "
					+ "https:// WHEP endpoint, not '" + scheme + ":'");
		};
		if (protocol == StreamProtocol.WEBRTC && path.length() <= 1) {
			throw invalid("A WHEP endpoint needs a path, e.g. https://media.example/whep/cam-17");
		}
		return new StreamAddress(text, protocol);
	}

	private static HubException invalid(String message) {
		return HubException.field(ErrorCode.INVALID_STREAM_ADDRESS, FIELD, message);
	}

	/** Scheme and host only: no credentials, port, path or query. Safe to show. */
	public String masked() {
		URI uri = URI.create(this.url);
		return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + "/…";
	}

	@Override
	public String toString() {
		return masked();
	}

}
