package cn.fj.emergency.alerting.channel;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Whom a warning would reach if it were published now (docs/channels.md, "Reach preview"): the same selection of
 * recipients as publishing makes, before it is made.
 *
 * @param identifier the warning's CAP identifier
 * @param status CAP status; an {@code Exercise} or {@code Test} warning reaches recipients for exercises only
 * @param msgType CAP msgType
 * @param audience {@code REAL} (an Actual warning: real recipients only) or {@code EXERCISE} (recipients for
 * exercises only)
 * @param cityCodes the city platforms the warning covers (from targeting, as stored with the warning)
 * @param countyCodes the counties it covers
 * @param channels per channel, what it would deliver; a channel with nothing to deliver is not listed
 * @param coveredCounties the counties at least one subscription (webhook or SMS) wants
 * @param uncoveredCounties the counties no subscription wants: nobody the hub knows of is told there
 */
public record WarningReach(String identifier, String status, String msgType, String audience, List<String> cityCodes,
		List<String> countyCodes, List<ChannelReach> channels, List<String> coveredCounties,
		List<String> uncoveredCounties) {

	public WarningReach {
		cityCodes = List.copyOf(cityCodes);
		countyCodes = List.copyOf(countyCodes);
		channels = List.copyOf(channels);
		coveredCounties = List.copyOf(coveredCounties);
		uncoveredCounties = List.copyOf(uncoveredCounties);
	}

	/**
	 * One channel's part.
	 *
	 * @param channel {@code WEBHOOK}, {@code SMS}, {@code MQTT} or {@code ATOM} (the public feed)
	 * @param subscriptions how many subscriptions of this channel would get a delivery (0 for MQTT and ATOM)
	 * @param receivers the estimate of people reached: the sum over the subscriptions of their declared
	 * {@code receivers}, a subscription without one counted as 1; null where the hub cannot know (MQTT terminals,
	 * the public feed)
	 * @param declared how many of the subscriptions declared their receivers (the rest are counted as 1 each)
	 * @param recipients the subscriptions, by name
	 * @param topics the MQTT topics the warning would be published on (empty for other channels)
	 * @param coveredCounties the counties of the warning this channel's subscriptions want
	 */
	public record ChannelReach(String channel, int subscriptions, @Nullable Long receivers, int declared,
			List<Recipient> recipients, List<String> topics, List<String> coveredCounties) {

		public ChannelReach {
			recipients = List.copyOf(recipients);
			topics = List.copyOf(topics);
			coveredCounties = List.copyOf(coveredCounties);
		}

	}

	/** A subscription the warning would be delivered to. */
	public record Recipient(String id, String name, List<String> areas, @Nullable Integer receivers) {

		public Recipient {
			areas = List.copyOf(areas);
		}

	}

}
