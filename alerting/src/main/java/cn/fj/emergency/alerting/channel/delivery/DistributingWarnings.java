package cn.fj.emergency.alerting.channel.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.channel.Channel;
import cn.fj.emergency.alerting.channel.MqttTopics;
import cn.fj.emergency.alerting.channel.PublishedWarning;
import cn.fj.emergency.alerting.channel.Subscription;
import cn.fj.emergency.alerting.channel.WarningDistribution;
import cn.fj.emergency.alerting.channel.persistence.AtomStore;
import cn.fj.emergency.alerting.channel.persistence.LedgerStore;
import cn.fj.emergency.alerting.channel.persistence.SubscriptionStore;

/**
 * Records, in the publisher's transaction, what a published warning owes: one PENDING ledger row per channel and
 * recipient whose areas the warning covers (an Exercise or Test warning: only recipients for exercises, and the MQTT
 * terminals only where the operator routes exercises to them; an Actual warning: only real recipients), and the Atom
 * feed's bookkeeping (an Alert or Update of status Actual
 * adds an active entry; an Update or Cancel ends the entries it references). The workers send after commit; this
 * instance's is woken by the commit.
 */
public class DistributingWarnings implements WarningDistribution {

	private final LedgerStore ledger;

	private final SubscriptionStore subscriptions;

	private final AtomStore atom;

	private final @Nullable MqttTopics topics;

	private final boolean sms;

	private final boolean mqttExercises;

	private final Clock clock;

	private final Runnable owed;

	/**
	 * @param owed called once the publisher's transaction has committed new rows (this instance's worker's
	 * {@link DeliveryWorker#wake}), so that sending does not wait for the next poll
	 */
	public DistributingWarnings(LedgerStore ledger, SubscriptionStore subscriptions, AtomStore atom,
			@Nullable MqttTopics topics, boolean sms, Clock clock, Runnable owed) {
		this(ledger, subscriptions, atom, topics, sms, false, clock, owed);
	}

	/** @param mqttExercises whether Exercise and Test warnings are published to the MQTT terminals too */
	public DistributingWarnings(LedgerStore ledger, SubscriptionStore subscriptions, AtomStore atom,
			@Nullable MqttTopics topics, boolean sms, boolean mqttExercises, Clock clock, Runnable owed) {
		this.mqttExercises = mqttExercises;
		this.ledger = ledger;
		this.subscriptions = subscriptions;
		this.atom = atom;
		this.topics = topics;
		this.sms = sms;
		this.clock = clock;
		this.owed = owed;
	}

	@Override
	public Mono<Void> distribute(PublishedWarning warning) {
		return feed(warning).then(owed(warning).concatMap(d -> this.ledger.insert(d, this.clock.instant()))
			.count()
			.flatMap(rows -> rows == 0 ? Mono.empty() : afterCommit(this.owed)));
	}

	/** Runs the action after the current transaction commits; outside one, at once (the rows are then written). */
	private static Mono<Void> afterCommit(Runnable action) {
		return TransactionSynchronizationManager.forCurrentTransaction()
			.filter(TransactionSynchronizationManager::isSynchronizationActive)
			.doOnNext(tsm -> tsm.registerSynchronization(new TransactionSynchronization() {
				@Override
				public Mono<Void> afterCommit() {
					return Mono.fromRunnable(action);
				}
			}))
			.onErrorResume(NoTransactionException.class, ex -> Mono.empty())
			.switchIfEmpty(Mono.fromRunnable(action))
			.then();
	}

	private Mono<Void> feed(PublishedWarning warning) {
		List<String> ended = warning.references().stream().map(DistributingWarnings::identifierOf).toList();
		Mono<Long> end = this.atom.end(ended, this.clock.instant());
		boolean listed = listedInFeed(warning.status(), warning.msgType());
		return listed ? end.then(this.atom.add(warning, this.clock.instant())).then() : end.then();
	}

	private Flux<LedgerStore.NewDelivery> owed(PublishedWarning w) {
		boolean exercise = !"Actual".equals(w.status());
		Flux<LedgerStore.NewDelivery> subscribed = subscribers(exercise, w.cityCodes(), w.countyCodes())
			.map(s -> new LedgerStore.NewDelivery(w.identifier(), s.channel(), s.id().toString(), s.address(),
					s.secret(), w.cityCodes(), exercise, payload(s, w)));
		Flux<LedgerStore.NewDelivery> terminals = Flux.fromIterable(terminalTopics(exercise, w.cityCodes(), w.countyCodes()))
			.map(topic -> new LedgerStore.NewDelivery(w.identifier(), Channel.MQTT, topic, topic, null, w.cityCodes(),
					exercise, w.capXml()));
		return subscribed.concatWith(terminals);
	}

	/**
	 * The webhook and SMS subscriptions a warning covering these cities and counties is owed to: those wanting one of
	 * its areas, for exercises when the warning is an Exercise or Test and real ones when it is Actual, SMS only
	 * where a gateway is configured. Publishing records a delivery to each; the reach preview lists them.
	 */
	public Flux<Subscription> subscribers(boolean exercise, List<String> cityCodes, List<String> countyCodes) {
		List<String> areas = new ArrayList<>(cityCodes);
		areas.addAll(countyCodes);
		return this.subscriptions.wanting(areas)
			.filter(s -> s.wants(cityCodes, countyCodes))
			// a drill's (or a test's) warning reaches recipients for exercises only; a real one, real recipients only
			.filter(s -> s.exercises() == exercise)
			.filter(s -> s.channel() == Channel.WEBHOOK || this.sms);
	}

	/** The MQTT topics such a warning is published on; none without a broker, or for a drill unless routed. */
	public List<String> terminalTopics(boolean exercise, List<String> cityCodes, List<String> countyCodes) {
		MqttTopics mqtt = this.topics;
		return mqtt == null || (exercise && !this.mqttExercises) ? List.of() : mqtt.topicsFor(cityCodes, countyCodes);
	}

	/** Whether a warning of this status and message type is listed in the public Atom feed. */
	public static boolean listedInFeed(String status, String msgType) {
		return "Actual".equals(status) && !"Cancel".equals(msgType);
	}

	private static String payload(Subscription s, PublishedWarning w) {
		return s.channel() == Channel.SMS ? SmsText.of(w) : w.capXml();
	}

	/** A CAP reference is {@code sender,identifier,sent}. */
	static String identifierOf(String reference) {
		String[] parts = reference.split(",", -1);
		return parts.length == 3 ? parts[1].trim() : reference.trim();
	}

}
