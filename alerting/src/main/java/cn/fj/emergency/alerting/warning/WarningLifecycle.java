package cn.fj.emergency.alerting.warning;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.alerting.approval.DualControl;
import cn.fj.emergency.alerting.approval.Officer;
import cn.fj.emergency.alerting.approval.Warning;
import cn.fj.emergency.alerting.approval.WarningErrorCode;
import cn.fj.emergency.alerting.approval.WarningIdentifier;
import cn.fj.emergency.alerting.approval.WarningRefusal;
import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.CapProfile;
import cn.fj.emergency.alerting.cap.CapTimes;
import cn.fj.emergency.alerting.cap.Status;
import cn.fj.emergency.alerting.cap.xml.CapXmlReader;
import cn.fj.emergency.alerting.cap.xml.CapXmlWriter;
import cn.fj.emergency.alerting.channel.PublishedWarning;
import cn.fj.emergency.alerting.channel.WarningDistribution;
import cn.fj.emergency.alerting.targeting.Targeting;

/**
 * What every use case of the lifecycle shares: a step is one transaction that locks the warning, applies the
 * domain's step, stores the result and appends its events (and, on publication, hands it to the channels).
 */
public final class WarningLifecycle {

	/** Attempts at a fresh identifier when others take the candidates first. */
	private static final int IDENTIFIER_ATTEMPTS = 30;

	final Warnings warnings;

	final WarningEvents events;

	final List<WarningDistribution> distributions;

	final TransactionalOperator transactions;

	final Clock clock;

	final WarningSettings settings;

	final CapProfile publishing;

	final DualControl dualControl;

	final Targeting targeting;

	private final CapXmlReader reader = new CapXmlReader();

	private final CapXmlWriter writer = new CapXmlWriter();

	public WarningLifecycle(Warnings warnings, WarningEvents events, List<WarningDistribution> distributions,
			TransactionalOperator transactions, Clock clock, WarningSettings settings, CapProfile publishing,
			Targeting targeting) {
		this.warnings = warnings;
		this.events = events;
		this.distributions = List.copyOf(distributions);
		this.transactions = transactions;
		this.clock = clock;
		this.settings = settings;
		this.publishing = publishing;
		this.dualControl = new DualControl(settings.commanderRole());
		this.targeting = targeting;
	}

	OffsetDateTime now() {
		return CapTimes.inChina(OffsetDateTime.now(this.clock));
	}

	/** The CAP document of an alert, written and validated off the event loop. */
	Mono<String> xml(Alert alert) {
		return Mono.fromCallable(() -> new String(this.writer.write(alert), StandardCharsets.UTF_8))
			.subscribeOn(Schedulers.boundedElastic());
	}

	/** Reads a CAP document (the first alert of it), off the event loop. */
	Mono<Alert> read(byte[] xml) {
		return Mono.fromCallable(() -> this.reader.read(xml).alerts().get(0)).subscribeOn(Schedulers.boundedElastic());
	}

	Mono<StoredWarning> stored(Warning warning, @Nullable String replaces) {
		return xml(warning.alert())
			.map(xml -> new StoredWarning(warning, this.targeting.resolve(warning.alert()), xml, replaces));
	}

	Mono<StoredWarning> find(String identifier) {
		return this.warnings.find(identifier).switchIfEmpty(Mono.error(() -> notFound(identifier)));
	}

	/**
	 * A new warning under the unit's next free identifier: the candidate after the unit's last one, and if another
	 * transaction inserted it first (the primary key refuses it), the next. Stored with its {@code warning.drafted}.
	 */
	Mono<StoredWarning> create(Officer by, Function<WarningIdentifier, Warning> make, @Nullable String replaces) {
		Mono<StoredWarning> attempt = this.warnings.lastOf(this.settings.unit())
			.map(last -> WarningIdentifier.next(this.settings.unit(), this.clock.instant(), last))
			.switchIfEmpty(Mono.fromSupplier(() -> WarningIdentifier.next(this.settings.unit(), this.clock.instant(), null)))
			.map(make)
			.flatMap(warning -> stored(warning, replaces))
			.doOnNext(stored -> requireInScope(by, stored))
			.flatMap(stored -> this.warnings.insert(stored, this.clock.instant())
				.flatMap(inserted -> inserted ? Mono.just(stored) : Mono.empty()));
		Mono<StoredWarning> work = attempt.repeatWhenEmpty(IDENTIFIER_ATTEMPTS - 1, tries -> tries)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("No free identifier after " + IDENTIFIER_ATTEMPTS + " attempts")))
			.flatMap(stored -> this.events.append(List.of(event(WarningEvent.DRAFTED, stored, null))).thenReturn(stored));
		return this.transactions.transactional(work);
	}

	/** One step on a stored warning: locked, changed by {@code step}, stored, its event appended; one transaction. */
	Mono<StoredWarning> change(Officer by, String identifier, String eventType, Function<Warning, Warning> step) {
		return change(by, identifier, eventType, (warning, replaced) -> step.apply(warning));
	}

	/**
	 * One step on a stored warning that depends on the published alert it updates or cancels ({@code null} for a new
	 * Alert): locked, both it and its result within {@code by}'s city, changed, stored, its event appended; one
	 * transaction.
	 */
	Mono<StoredWarning> change(Officer by, String identifier, String eventType,
			BiFunction<Warning, @Nullable Alert, Warning> step) {
		Mono<StoredWarning> work = this.warnings.lock(identifier)
			.switchIfEmpty(Mono.error(() -> notFound(identifier)))
			.doOnNext(stored -> requireInScope(by, stored))
			.flatMap(stored -> replacedAlert(stored)
				.flatMap(replaced -> Mono.fromCallable(() -> step.apply(stored.warning(), replaced.orElse(null))))
				.flatMap(changed -> stored(changed, stored.replaces())))
			.doOnNext(changed -> requireInScope(by, changed))
			.flatMap(changed -> this.warnings.save(changed, this.clock.instant())
				.then(this.events.append(List.of(event(eventType, changed, null))))
				.thenReturn(changed));
		return this.transactions.transactional(work);
	}

	/** The published alert {@code stored} updates or cancels, if it is an Update or a Cancel. */
	Mono<Optional<Alert>> replacedAlert(StoredWarning stored) {
		String replaces = stored.replaces();
		if (replaces == null) {
			return Mono.just(Optional.empty());
		}
		return this.warnings.find(replaces).map(old -> Optional.of(old.warning().alert())).defaultIfEmpty(Optional.empty());
	}

	/**
	 * Refuses unless {@code by} may act on {@code stored}: a city-scoped officer only on warnings whose areas all lie
	 * within their city (every city platform the warning covers is theirs); a province-wide officer on any.
	 */
	static void requireInScope(Officer by, StoredWarning stored) {
		String city = by.cityCode();
		if (city == null) {
			return;
		}
		List<String> cities = stored.targets().cityCodes();
		if (cities.isEmpty() || !cities.stream().allMatch(city::equals)) {
			throw new WarningRefusal(WarningErrorCode.AREA_OUTSIDE_CITY, "warning " + stored.identifier() + " covers "
					+ (cities.isEmpty() ? "no area of the province" : "the cities " + String.join(", ", cities))
					+ "; an officer of city " + city + " acts only on warnings within " + city);
		}
	}

	/**
	 * The event of a change. Before publication only the province's officers see a warning; from publication on,
	 * the city platforms it covers.
	 */
	WarningEvent event(String type, StoredWarning stored, @Nullable String capXml) {
		List<String> cities = stored.warning().state().wasPublished() ? stored.targets().cityCodes() : List.of();
		return new WarningEvent(type, stored.identifier(), cities, stored.warning().alert().status() == Status.EXERCISE,
				WarningView.of(stored), capXml);
	}

	/** Hands the published warning to every channel, inside the publishing transaction. */
	Mono<Void> distribute(StoredWarning published) {
		PublishedWarning warning = published(published);
		return Flux.fromIterable(this.distributions).concatMap(d -> d.distribute(warning)).then();
	}

	static PublishedWarning published(StoredWarning stored) {
		Alert alert = stored.warning().alert();
		WarningView view = WarningView.of(stored);
		List<String> references = new ArrayList<>();
		alert.references().forEach(r -> references.add(r.toCap()));
		return new PublishedWarning(alert.identifier(), alert.sender(), alert.sent(), alert.status().cap(),
				alert.msgType().cap(), view.colour(), view.severity(), view.headline(), stored.targets().cityCodes(),
				stored.targets().countyCodes(), view.expires(), references, stored.capXml());
	}

	Instant instant() {
		return this.clock.instant();
	}

	static WarningRefusal notFound(String identifier) {
		return new WarningRefusal(WarningErrorCode.WARNING_NOT_FOUND, "no warning " + identifier);
	}

}
