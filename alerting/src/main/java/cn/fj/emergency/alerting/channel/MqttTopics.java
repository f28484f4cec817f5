package cn.fj.emergency.alerting.channel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The broadcast terminals' topic scheme: one topic per area, {@code <prefix>/<code>} for every city and county a
 * warning covers (prefix {@code fj/warnings} by default). A terminal subscribes to its county's topic; a city-wide
 * display may subscribe to its city's.
 */
public record MqttTopics(String prefix) {

	public String topic(String areaCode) {
		return this.prefix + "/" + areaCode;
	}

	/** The topics a warning is published on: its cities' and its counties', each once. */
	public List<String> topicsFor(PublishedWarning warning) {
		return topicsFor(warning.cityCodes(), warning.countyCodes());
	}

	/** The topics of these cities and counties, each once. */
	public List<String> topicsFor(List<String> cityCodes, List<String> countyCodes) {
		Set<String> topics = new LinkedHashSet<>();
		cityCodes.forEach(code -> topics.add(topic(code)));
		countyCodes.forEach(code -> topics.add(topic(code)));
		return List.copyOf(topics);
	}

}
