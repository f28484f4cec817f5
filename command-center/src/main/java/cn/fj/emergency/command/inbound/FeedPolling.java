package cn.fj.emergency.command.inbound;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import cn.fj.emergency.alerting.feed.ReceivingInboundWarnings;
import cn.fj.emergency.alerting.feed.poll.FeedSource;
import cn.fj.emergency.alerting.feed.poll.PollingFeeds;

/**
 * Polls the configured department feeds while the hub runs. Every instance polls; the inbound store's unique key
 * keeps each alert once.
 */
@Component
class FeedPolling implements SmartLifecycle {

	private final PollingFeeds polling;

	private volatile boolean running;

	FeedPolling(FeedProperties properties, ReceivingInboundWarnings receiving) {
		this.polling = new PollingFeeds(properties.sources().stream()
			.map(source -> new FeedSource(source.url(), source.interval()))
			.toList(), receiving, properties.timeout(), properties.maxBytes());
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
