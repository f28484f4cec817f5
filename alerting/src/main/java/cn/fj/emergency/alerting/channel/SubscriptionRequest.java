package cn.fj.emergency.alerting.channel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What an administrator asks for to subscribe a recipient: a webhook endpoint ({@code address} an http(s) URL,
 * {@code secret} at least 16 characters) or an SMS recipient ({@code address} a phone number, E.164 or an 11-digit
 * mainland number), with the GB/T 2260 city or county codes it wants warnings for (six digits each, at least one);
 * {@code exercises} true for a recipient of exercises (drills) only, false or absent for a real one;
 * {@code receivers} optional, how many people the recipient reaches (1 to 100,000,000), for the reach preview's
 * estimate.
 */
public record SubscriptionRequest(@Nullable String channel, @Nullable String name, @Nullable String address,
		@Nullable String secret, @Nullable List<String> areas, @Nullable Boolean exercises,
		@Nullable Integer receivers) {

	public static final int MAX_RECEIVERS = 100_000_000;

	public SubscriptionRequest(@Nullable String channel, @Nullable String name, @Nullable String address,
			@Nullable String secret, @Nullable List<String> areas, @Nullable Boolean exercises) {
		this(channel, name, address, secret, areas, exercises, null);
	}

	public SubscriptionRequest(@Nullable String channel, @Nullable String name, @Nullable String address,
			@Nullable String secret, @Nullable List<String> areas) {
		this(channel, name, address, secret, areas, null, null);
	}

	private static final Pattern AREA = Pattern.compile("\\d{6}");

	private static final Pattern PHONE = Pattern.compile("\\+?\\d{6,15}");

	private static final Set<String> SUBSCRIBED = Set.of("WEBHOOK", "SMS");

	/** What is wrong with the request; empty when it can be subscribed. */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.channel == null || !SUBSCRIBED.contains(this.channel)) {
			problems.add("channel must be WEBHOOK or SMS");
		}
		if (this.name == null || this.name.isBlank() || this.name.length() > 200) {
			problems.add("name is required (at most 200 characters)");
		}
		if (this.areas == null || this.areas.isEmpty() || !this.areas.stream().allMatch(a -> a != null && AREA.matcher(a).matches())) {
			problems.add("areas must list at least one six-digit GB/T 2260 code");
		}
		if (this.receivers != null && (this.receivers < 1 || this.receivers > MAX_RECEIVERS)) {
			problems.add("receivers must be between 1 and " + MAX_RECEIVERS);
		}
		if ("WEBHOOK".equals(this.channel)) {
			if (!httpUrl(this.address)) {
				problems.add("address must be an absolute http or https URL");
			}
			if (this.secret == null || this.secret.length() < 16) {
				problems.add("secret must have at least 16 characters");
			}
		}
		if ("SMS".equals(this.channel) && (this.address == null || !PHONE.matcher(this.address).matches())) {
			problems.add("address must be a phone number (E.164 or 11 digits)");
		}
		return problems;
	}

	private static boolean httpUrl(@Nullable String address) {
		if (address == null) {
			return false;
		}
		try {
			URI uri = new URI(address);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
