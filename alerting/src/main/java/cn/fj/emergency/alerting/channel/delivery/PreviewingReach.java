package cn.fj.emergency.alerting.channel.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.channel.Channel;
import cn.fj.emergency.alerting.channel.Subscription;
import cn.fj.emergency.alerting.channel.WarningReach;
import cn.fj.emergency.alerting.targeting.Targeting;

/**
 * The reach preview of a warning not yet published (docs/channels.md, "Reach preview"): which subscriptions of which
 * channels its counties reach, an estimate of receivers per channel, and the counties no subscription covers. It
 * asks {@link DistributingWarnings} for the recipients, the very selection publishing records deliveries for.
 */
public class PreviewingReach {

	private final DistributingWarnings distributing;

	private final Targeting targeting;

	public PreviewingReach(DistributingWarnings distributing, Targeting targeting) {
		this.distributing = distributing;
		this.targeting = targeting;
	}

	public Mono<WarningReach> reach(String identifier, String status, String msgType, List<String> cityCodes,
			List<String> countyCodes) {
		boolean exercise = !"Actual".equals(status);
		return this.distributing.subscribers(exercise, cityCodes, countyCodes).collectList().map(subscribers -> {
			List<WarningReach.ChannelReach> channels = new ArrayList<>();
			TreeSet<String> covered = new TreeSet<>();
			Map<Channel, List<Subscription>> byChannel = new LinkedHashMap<>();
			for (Subscription s : subscribers) {
				byChannel.computeIfAbsent(s.channel(), c -> new ArrayList<>()).add(s);
			}
			for (Map.Entry<Channel, List<Subscription>> entry : byChannel.entrySet()) {
				List<Subscription> list = entry.getValue();
				TreeSet<String> channelCovered = new TreeSet<>();
				for (String county : countyCodes) {
					List<String> city = this.targeting.cityOf(county).map(List::of).orElse(List.of());
					if (list.stream().anyMatch(s -> s.wants(city, List.of(county)))) {
						channelCovered.add(county);
					}
				}
				covered.addAll(channelCovered);
				long receivers = list.stream().mapToLong(s -> s.receivers() == null ? 1 : s.receivers()).sum();
				int declared = (int) list.stream().filter(s -> s.receivers() != null).count();
				channels.add(new WarningReach.ChannelReach(entry.getKey().name(), list.size(), receivers, declared,
						list.stream()
							.map(s -> new WarningReach.Recipient(s.id().toString(), s.name(), s.areas(), s.receivers()))
							.toList(),
						List.of(), List.copyOf(channelCovered)));
			}
			List<String> topics = this.distributing.terminalTopics(exercise, cityCodes, countyCodes);
			if (!topics.isEmpty()) {
				channels.add(new WarningReach.ChannelReach(Channel.MQTT.name(), 0, null, 0, List.of(), topics,
						List.of()));
			}
			if (DistributingWarnings.listedInFeed(status, msgType)) {
				channels.add(new WarningReach.ChannelReach("ATOM", 0, null, 0, List.of(), List.of(), List.of()));
			}
			List<String> uncovered = countyCodes.stream().filter(c -> !covered.contains(c)).sorted().toList();
			return new WarningReach(identifier, status, msgType, exercise ? "EXERCISE" : "REAL", cityCodes,
					countyCodes, channels, List.copyOf(covered), uncovered);
		});
	}

}
