package cn.fj.emergency.command.video;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamAddressTest {

	@Test
	void tellsTheProtocolFromTheAddress() {
		assertThat(StreamAddress.parse("rtsp://10.12.0.7:554/Streaming/Channels/101").protocol()).isEqualTo(StreamProtocol.RTSP);
		assertThat(StreamAddress.parse("rtsps://cam.xm.example/live").protocol()).isEqualTo(StreamProtocol.RTSP);
		assertThat(StreamAddress.parse("https://media.example/hls/cam17/index.m3u8?t=1").protocol()).isEqualTo(StreamProtocol.HLS);
		assertThat(StreamAddress.parse("https://media.example/whep/cam17").protocol()).isEqualTo(StreamProtocol.WEBRTC);
	}

	@Test
	void refusesOtherSchemesAndMalformedAddresses() {
		for (String bad : new String[] { "http://media.example/hls/index.m3u8", "rtmp://media.example/live",
				"ftp://x.example/a", "rtsp:///no-host", "https://media.example", "https://media.example/",
				"not a uri", "rtsp://cam.example/live#frag", "media.example/whep" }) {
			assertThatThrownBy(() -> StreamAddress.parse(bad)).as(bad)
				.isInstanceOfSatisfying(HubException.class, ex -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_STREAM_ADDRESS);
					assertThat(ex.details()).containsEntry("field", "streamUrl");
				});
		}
	}

	@Test
	void maskedFormHasNoCredentialsPortPathOrQuery() {
		StreamAddress address = StreamAddress.parse("rtsp://admin:s3cret@10.12.0.7:554/Streaming/Channels/101?token=abc");

		assertThat(address.masked()).isEqualTo("rtsp://10.12.0.7/…");
		assertThat(address.toString()).doesNotContain("s3cret").doesNotContain("Channels").doesNotContain("abc");
	}

}
