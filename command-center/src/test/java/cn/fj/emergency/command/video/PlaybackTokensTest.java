package cn.fj.emergency.command.video;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;
import cn.fj.emergency.command.security.SigningKeys;
import cn.fj.emergency.command.security.TokenService;
import cn.fj.emergency.command.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaybackTokensTest {

	static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

	static final UUID DISPATCH = UUID.fromString("0193a0c4-0000-7000-8000-0000000000d1");

	static final UUID SOURCE = UUID.fromString("0193a0c4-0000-7000-8000-0000000000c1");

	@TempDir
	Path keys;

	@TempDir
	Path otherKeys;

	PlaybackTokens tokens(Path dir, Clock clock) {
		return new PlaybackTokens(SigningKeys.loadOrCreate(dir), "fj-emergency-hub", clock, Duration.ofMinutes(2));
	}

	@Test
	void bindsViewerDispatchAndSourceUntilItExpires() {
		PlaybackTokens tokens = tokens(this.keys, Clock.fixed(NOW, ZoneOffset.UTC));

		PlaybackTokens.Issued issued = tokens.issue("officer:li.wei", DISPATCH, SOURCE, null);
		PlaybackTokens.Claimed claimed = tokens.verify(issued.token());

		assertThat(claimed).isEqualTo(new PlaybackTokens.Claimed("officer:li.wei", DISPATCH, SOURCE, NOW.plusSeconds(120)));
		assertThat(issued.expiresAt()).isEqualTo(NOW.plusSeconds(120));
	}

	@Test
	void neverOutlivesTheDispatch() {
		PlaybackTokens tokens = tokens(this.keys, Clock.fixed(NOW, ZoneOffset.UTC));

		assertThat(tokens.issue("city:350200", DISPATCH, SOURCE, NOW.plusSeconds(30)).expiresAt()).isEqualTo(NOW.plusSeconds(30));
	}

	@Test
	void refusesAnExpiredToken() {
		MovableClock clock = new MovableClock(NOW);
		PlaybackTokens tokens = tokens(this.keys, clock);
		String token = tokens.issue("officer:li.wei", DISPATCH, SOURCE, null).token();

		clock.set(NOW.plusSeconds(119));
		assertThat(tokens.verify(token).viewer()).isEqualTo("officer:li.wei");
		clock.set(NOW.plusSeconds(121));
		assertCode(() -> tokens.verify(token), ErrorCode.PLAYBACK_TOKEN_EXPIRED);
	}

	@Test
	void refusesATokenWithAnyCharacterChanged() {
		PlaybackTokens tokens = tokens(this.keys, Clock.fixed(NOW, ZoneOffset.UTC));
		String token = tokens.issue("officer:li.wei", DISPATCH, SOURCE, null).token();

		// positions spread over header, payload and signature; not the last of a part, whose low bits base64url
		// may ignore
		for (int i = 0; i < token.length() - 1; i += 23) {
			if (token.charAt(i) == '.' || token.charAt(i + 1) == '.') {
				continue;
			}
			String tampered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
			assertCode(() -> tokens.verify(tampered), ErrorCode.PLAYBACK_TOKEN_INVALID);
		}
	}

	@Test
	void refusesATokenOfAnotherKey() {
		String forged = tokens(this.otherKeys, Clock.fixed(NOW, ZoneOffset.UTC)).issue("officer:li.wei", DISPATCH, SOURCE, null).token();

		assertCode(() -> tokens(this.keys, Clock.fixed(NOW, ZoneOffset.UTC)).verify(forged), ErrorCode.PLAYBACK_TOKEN_INVALID);
	}

	@Test
	void signInTokensAndPlaybackTokensAreNotInterchangeable() {
		SigningKeys keys = SigningKeys.loadOrCreate(this.keys);
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		TokenService signIn = new TokenService(keys, "fj-emergency-hub", clock);
		PlaybackTokens playback = new PlaybackTokens(keys, "fj-emergency-hub", clock, Duration.ofMinutes(2));
		String officerToken = signIn.issue(new HubPrincipal("li.wei", HubPrincipal.Kind.OFFICER, Set.of(Role.DUTY_OFFICER),
				null, null, NOW.plusSeconds(600)));
		String playbackToken = playback.issue("officer:li.wei", DISPATCH, SOURCE, null).token();

		assertCode(() -> playback.verify(officerToken), ErrorCode.PLAYBACK_TOKEN_INVALID);
		assertCode(() -> signIn.verify(playbackToken), ErrorCode.TOKEN_INVALID);
	}

	static void assertCode(Runnable call, ErrorCode code) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(HubException.class, ex -> assertThat(ex.code()).isEqualTo(code));
	}

}
