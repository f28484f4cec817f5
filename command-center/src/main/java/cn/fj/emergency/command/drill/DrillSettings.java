package cn.fj.emergency.command.drill;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How one drill is played: against which hub, as whom, how fast. {@code officerToken} holds ADMIN and COMMANDER
 * (it issues the drill's service tokens, orders, publishes); {@code approverToken} is a second COMMANDER, the other
 * half of dual control. {@code receiverHost}, when set, is the address of this process the hub can reach: the player
 * then runs a webhook receiver there and subscribes it for the drill's cities, so that warning deliveries can be
 * measured. {@code tag} makes every id the drill sends unique.
 */
public record DrillSettings(URI hubBaseUrl, String cityLinkHost, int cityLinkPort, String officerToken,
		String approverToken, double timeScale, double rateMultiplier, String tag, @Nullable String receiverHost,
		Duration grace) {

	public DrillSettings {
		if (!(timeScale > 0) || !(rateMultiplier >= 0)) {
			throw new IllegalArgumentException("time-scale must be positive and the rate multiplier not negative");
		}
	}

	/** Scenario minutes to wall-clock time. */
	Duration wall(double scenarioMinutes) {
		return Duration.ofNanos(Math.round(scenarioMinutes * 60e9 / this.timeScale));
	}

}
