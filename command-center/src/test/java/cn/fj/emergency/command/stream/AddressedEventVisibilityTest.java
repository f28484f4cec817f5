package cn.fj.emergency.command.stream;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** An event with an audience is seen by the principals it names and by no one else, whatever their role or city. */
class AddressedEventVisibilityTest {

	static final HubPrincipal LI = officer("li.wei", null);

	static final HubPrincipal WANG = officer("wang.fang", null);

	static final HubPrincipal XIAMEN_OFFICER = officer("chen.xm", "350200");

	static final HubPrincipal XIAMEN = new HubPrincipal("platform-350200", HubPrincipal.Kind.SERVICE,
			Set.of(Role.CITY_PLATFORM), "350200", "t1", Instant.MAX);

	static final HubPrincipal FUZHOU = new HubPrincipal("platform-350100", HubPrincipal.Kind.SERVICE,
			Set.of(Role.CITY_PLATFORM), "350100", "t2", Instant.MAX);

	static HubPrincipal officer(String name, String city) {
		return new HubPrincipal(name, HubPrincipal.Kind.OFFICER, Set.of(Role.COMMANDER), city, null, Instant.MAX);
	}

	static HubEvent event(List<String> cities, List<String> audience) {
		return new HubEvent(7, "video", "video.dispatched", "d1", cities, Criticality.CRITICAL, null, false, Instant.EPOCH,
				"{}", audience);
	}

	@Test
	void onlyTheNamedPrincipalsSeeAnAddressedEvent() {
		HubEvent event = event(List.of("350200"), List.of("officer:li.wei", "city:350200"));

		assertThat(EventVisibility.canSee(LI, event)).isTrue();
		assertThat(EventVisibility.canSee(XIAMEN, event)).isTrue();
		assertThat(EventVisibility.canSee(WANG, event)).as("province officer not named").isFalse();
		assertThat(EventVisibility.canSee(XIAMEN_OFFICER, event)).as("officer of a named city, not named").isFalse();
		assertThat(EventVisibility.canSee(FUZHOU, event)).isFalse();
	}

	@Test
	void anAudienceNamingACityReachesItsPlatformEvenWithoutTheCityInCities() {
		HubEvent event = event(List.of(), List.of("city:350100"));

		assertThat(EventVisibility.canSee(FUZHOU, event)).isTrue();
		assertThat(EventVisibility.canSee(LI, event)).isFalse();
	}

	@Test
	void withoutAudienceTheCityRuleStands() {
		HubEvent event = event(List.of("350200"), List.of());

		assertThat(EventVisibility.canSee(LI, event)).isTrue();
		assertThat(EventVisibility.canSee(XIAMEN, event)).isTrue();
		assertThat(EventVisibility.canSee(FUZHOU, event)).isFalse();
	}

	@Test
	void theSubscriptionFilterAppliesTheAudienceToo() {
		Predicate<HubEvent> wang = EventVisibility.filter(WANG, new StreamRequest(0L, null, null));
		Predicate<HubEvent> li = EventVisibility.filter(LI, new StreamRequest(0L, Set.of("video"), null));

		HubEvent event = event(List.of(), List.of("officer:li.wei"));
		assertThat(wang.test(event)).isFalse();
		assertThat(li.test(event)).isTrue();
	}

}
