package cn.fj.emergency.alerting.channel.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.alerting.channel.ChannelSender;
import cn.fj.emergency.alerting.channel.DeliveryEvents;
import cn.fj.emergency.alerting.channel.MqttTopics;
import cn.fj.emergency.alerting.channel.RetryPolicy;
import cn.fj.emergency.alerting.channel.atom.AtomFeedWriter;
import cn.fj.emergency.alerting.channel.delivery.ChannelProperties;
import cn.fj.emergency.alerting.channel.delivery.DeliveryWorker;
import cn.fj.emergency.alerting.channel.delivery.DistributingWarnings;
import cn.fj.emergency.alerting.channel.delivery.ManagingSubscriptions;
import cn.fj.emergency.alerting.channel.delivery.PreviewingReach;
import cn.fj.emergency.alerting.channel.delivery.ReadingChannels;
import cn.fj.emergency.alerting.channel.delivery.RecordingSmsReceipts;
import cn.fj.emergency.alerting.channel.delivery.Republishing;
import cn.fj.emergency.alerting.channel.mqtt.MqttSender;
import cn.fj.emergency.alerting.channel.persistence.AtomStore;
import cn.fj.emergency.alerting.channel.persistence.LedgerStore;
import cn.fj.emergency.alerting.channel.persistence.SubscriptionStore;
import cn.fj.emergency.alerting.channel.sms.SmsSender;
import cn.fj.emergency.alerting.channel.webhook.WebhookTargets;
import cn.fj.emergency.alerting.channel.webhook.WebhookSender;
import cn.fj.emergency.alerting.targeting.Targeting;

/**
 * The broadcast channels' beans. The application imports this and provides a {@link DeliveryEvents}, a
 * {@link TransactionalOperator}, a {@link DatabaseClient}, a {@link JsonMapper} and a {@link Clock}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChannelProperties.class)
public class ChannelConfiguration {

	@Bean
	LedgerStore channelLedgerStore(DatabaseClient db) {
		return new LedgerStore(db);
	}

	@Bean
	SubscriptionStore channelSubscriptionStore(DatabaseClient db) {
		return new SubscriptionStore(db);
	}

	@Bean
	AtomStore channelAtomStore(DatabaseClient db) {
		return new AtomStore(db);
	}

	@Bean
	DistributingWarnings warningDistribution(LedgerStore ledger, SubscriptionStore subscriptions, AtomStore atom,
			ChannelProperties properties, Clock clock, DeliveryWorker worker) {
		@Nullable MqttTopics topics = properties.mqtt().brokerUrl() == null ? null
				: new MqttTopics(properties.mqtt().topicPrefix());
		return new DistributingWarnings(ledger, subscriptions, atom, topics, properties.sms().gatewayUrl() != null,
				properties.mqtt().exercises(), clock, worker::wake);
	}

	@Bean
	PreviewingReach previewingReach(DistributingWarnings distributing) {
		return new PreviewingReach(distributing, Targeting.fujian());
	}

	@Bean
	WebhookTargets webhookTargets(ChannelProperties properties) {
		return WebhookTargets.allowing(properties.webhook().allowedTargets());
	}

	@Bean(destroyMethod = "dispose")
	ConnectionProvider channelConnections() {
		return ConnectionProvider.builder("channels")
			.maxConnections(64)
			.pendingAcquireMaxCount(512)
			.pendingAcquireTimeout(Duration.ofSeconds(10))
			.maxIdleTime(Duration.ofSeconds(30))
			.build();
	}

	@Bean(destroyMethod = "close")
	ChannelSenders channelSenders(ConnectionProvider connections, ChannelProperties properties, JsonMapper json,
			Clock clock, WebhookTargets targets) {
		HttpClient http = HttpClient.create(connections)
			.responseTimeout(properties.worker().attemptTimeout())
			.followRedirect(false);
		List<ChannelSender> senders = new java.util.ArrayList<>();
		senders.add(new WebhookSender(http, clock, targets));
		String gateway = properties.sms().gatewayUrl();
		if (gateway != null) {
			senders.add(new SmsSender(http, gateway, properties.sms().apiKey(), properties.sms().senderId(), json));
		}
		String broker = properties.mqtt().brokerUrl();
		if (broker != null) {
			senders.add(new MqttSender(broker, properties.mqtt().clientIdPrefix() + "-" + UUID.randomUUID(),
					properties.mqtt().username(), properties.mqtt().password()));
		}
		return new ChannelSenders(senders);
	}

	@Bean
	DeliveryWorker deliveryWorker(LedgerStore ledger, ChannelSenders channelSenders, DeliveryEvents events,
			TransactionalOperator tx, ChannelProperties properties, Clock clock) {
		ChannelProperties.Retry retry = properties.retry();
		return new DeliveryWorker(ledger, channelSenders.all(), events, tx, properties.worker(),
				new RetryPolicy(retry.maxAttempts(), retry.first(), retry.cap()), clock);
	}

	@Bean
	Republishing republishing(LedgerStore ledger, DeliveryEvents events, TransactionalOperator tx, Clock clock) {
		return new Republishing(ledger, events, tx, clock);
	}

	@Bean
	RecordingSmsReceipts recordingSmsReceipts(LedgerStore ledger, DeliveryEvents events, TransactionalOperator tx,
			Clock clock) {
		return new RecordingSmsReceipts(ledger, events, tx, clock);
	}

	@Bean
	ManagingSubscriptions managingSubscriptions(SubscriptionStore store, Clock clock, WebhookTargets targets) {
		return new ManagingSubscriptions(store, clock, targets);
	}

	@Bean
	ReadingChannels readingChannels(AtomStore atom, LedgerStore ledger, ChannelProperties properties, Clock clock) {
		ChannelProperties.Feed feed = properties.feed();
		return new ReadingChannels(atom, ledger, new AtomFeedWriter(feed.baseUrl(), feed.title(), feed.author()),
				feed.limit(), clock);
	}

}
