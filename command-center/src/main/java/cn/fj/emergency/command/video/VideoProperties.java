package cn.fj.emergency.command.video;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Video settings.
 *
 * @param playbackTokenTtl lifetime of a playback token (and so of its playback URL); never beyond the dispatch's
 * {@code until}
 */
@ConfigurationProperties("hub.video")
public record VideoProperties(@DefaultValue("2m") Duration playbackTokenTtl) {
}
