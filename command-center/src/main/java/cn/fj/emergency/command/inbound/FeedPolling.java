package cn.fj.emergency.command.inbound;

import java.util.UUID;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import cn.fj.emergency.alerting.feed.ReceivingInboundWarnings;
import cn.fj.emergency.alerting.feed.poll.FeedSource;
import cn.fj.emergency.alerting.feed.poll.FeedTurns;
import cn.fj.emergency.alerting.feed.poll.PollingFeeds;

/**
 * Polls the configured department feeds while the hub runs. Every instance ticks and the shared turn table lets one
 * of them poll each interval; the inbound store's unique key keeps each alert once even so.
 */
@Component
class FeedPolling implements SmartLifecycle {

	private final PollingFeeds polling;

	private volatile boolean running;

	FeedPolling(FeedProperties properties, ReceivingInboundWarnings receiving, FeedTurns turns) {
		this.polling = new PollingFeeds(properties.sources().stream()
			.map(source -> new FeedSource(source.url(), source.interval()))
			.toList(), receiving, turns, instanceName(), properties.timeout(), properties.maxBytes());
	}

	/** This process, as the operator finds it: host and process id, and a random part for several hubs in one JVM. */
	private static String instanceName() {
		String host = System.getenv().getOrDefault("HOSTNAME", "hub");
		return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Override
	public void start() {
		this.polling.start();
		this.running = true;
	}

	@Override
	public void stop() {
		this.polling.stop();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
