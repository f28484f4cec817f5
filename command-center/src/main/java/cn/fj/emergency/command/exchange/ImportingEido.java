package cn.fj.emergency.command.exchange;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.Digests;
import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.incident.FindingIncident;
import cn.fj.emergency.command.incident.Incident;
import cn.fj.emergency.command.incident.IncidentReport;
import cn.fj.emergency.command.incident.ReportingIncident;
import cn.fj.emergency.command.security.HubPrincipal;

/**
 * An officer (or a city platform, within its city) imports an EIDO: our own export of an incident the caller may
 * see resolves to that incident; anything else is filed as an incident report with the id {@code eido:<EIDO id>}
 * through {@link ReportingIncident}, so a repeated import is the same incident, and checked as any report is.
 */
@Component
public class ImportingEido {

	static final String URN_PREFIX = "urn:emergency:uid:incidentid:";

	static final int MAX_TITLE = 200;

	static final int MAX_DESCRIPTION = 4000;

	private static final Pattern REPORT_ID = Pattern.compile("[A-Za-z0-9._:\\-]+");

	private static final Pattern LEVEL = Pattern.compile("^level:(I|II|III|IV)$", Pattern.CASE_INSENSITIVE);

	private final ReportingIncident reporting;

	private final FindingIncident incidents;

	private final EidoProperties properties;

	public ImportingEido(ReportingIncident reporting, FindingIncident incidents, EidoProperties properties) {
		this.reporting = reporting;
		this.incidents = incidents;
		this.properties = properties;
	}

	public Mono<EidoImport> importEido(HubPrincipal principal, JsonNode eido, EidoOverrides overrides) {
		// the location is XML: parsed off the event loop
		return Mono.fromCallable(() -> EidoReader.read(eido))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(incident -> ownExport(principal, incident)
				.switchIfEmpty(Mono.defer(() -> file(principal, incident, overrides))));
	}

	/** Our URN of an incident the caller may see: that incident, nothing filed. */
	private Mono<EidoImport> ownExport(HubPrincipal principal, EidoIncident eido) {
		Optional<UUID> ours = ourIncidentId(eido.id(), this.properties.agencyId());
		if (ours.isEmpty()) {
			return Mono.empty();
		}
		return this.incidents.visibleTo(principal, ours.get())
			.map(incident -> new EidoImport(incident.id(), eido.id(), null, true, seq(incident), incident.cityCode(),
					List.of("The EIDO is this hub's export of incident " + incident.id() + "; nothing new was filed")))
			.onErrorResume(HubException.class, ex -> ex.code() == ErrorCode.NOT_FOUND ? Mono.empty() : Mono.error(ex));
	}

	private Mono<EidoImport> file(HubPrincipal principal, EidoIncident eido, EidoOverrides overrides) {
		return Mono.fromCallable(() -> new Mapping(eido, overrides, this.properties.defaultCategory()))
			.flatMap(mapping -> this.reporting.report(principal, mapping.report)
				.map(receipt -> new EidoImport(receipt.incidentId(), eido.id(), mapping.report.reportId(), false,
						receipt.seq(), receipt.cityCode(), List.copyOf(mapping.notes))));
	}

	static Optional<UUID> ourIncidentId(String id, String agencyId) {
		String suffix = ":" + agencyId;
		if (!id.startsWith(URN_PREFIX) || !id.endsWith(suffix)) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(id.substring(URN_PREFIX.length(), id.length() - suffix.length())));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	static String urn(UUID incidentId, String agencyId) {
		return URN_PREFIX + incidentId + ":" + agencyId;
	}

	/** The report id an EIDO is filed under: its id, or a digest of it where it is too long or has other characters. */
	static String reportId(String eidoId) {
		String plain = "eido:" + eidoId;
		if (plain.length() <= 100 && REPORT_ID.matcher(plain).matches()) {
			return plain;
		}
		return "eido:sha256:" + Digests.sha256Hex(eidoId).substring(0, 40);
	}

	private static long seq(Incident incident) {
		Long seq = incident.reportedSeq();
		return seq == null ? 0 : seq;
	}

	/** The EIDO as an incident report, with what was derived or left out (docs/eido.md, "Import"). */
	static final class Mapping {

		final IncidentReport report;

		final List<String> notes = new ArrayList<>();

		Mapping(EidoIncident eido, EidoOverrides overrides, String defaultCategory) {
			double[] position = position(eido, overrides);
			String county = county(eido, overrides);
			String category = category(eido, overrides, defaultCategory);
			String level = level(eido, overrides);
			boolean exercise = Boolean.TRUE.equals(overrides.exercise())
					|| eido.statusInternal().stream().anyMatch(s -> s.equalsIgnoreCase("EXERCISE"));
			this.report = new IncidentReport(reportId(eido.id()), category, level, title(eido), description(eido),
					position[0], position[1], county, eido.occurredAt().atOffset(ZoneOffset.UTC).toString(), exercise);
		}

		private double[] position(EidoIncident eido, EidoOverrides overrides) {
			if (overrides.latitude() != null || overrides.longitude() != null) {
				if (overrides.latitude() == null || overrides.longitude() == null) {
					throw HubException.field(ErrorCode.INVALID_FIELD, overrides.latitude() == null ? "latitude" : "longitude",
							"latitude and longitude are given together or not at all");
				}
				if (eido.location() != null && eido.location().position() != null) {
					this.notes.add("The EIDO's position was replaced by the one given");
				}
				return new double[] { overrides.latitude(), overrides.longitude() };
			}
			PidfLo.Reading location = eido.location();
			if (location == null || location.position() == null) {
				String why = location == null ? "it has no location by value"
						: location.problem() != null ? location.problem() : "its location has no geodetic position (gml:pos)";
				throw HubException.field(ErrorCode.EIDO_LOCATION_UNUSABLE, "location",
						"The EIDO's position cannot be used: " + why + "; give latitude and longitude");
			}
			PidfLo.Position p = location.position();
			if (!Areas.withinProvince(p.latitude(), p.longitude())) {
				throw HubException.field(ErrorCode.LOCATION_OUTSIDE_PROVINCE, "location", "The EIDO's position ("
						+ p.latitude() + ", " + p.longitude() + ") is outside the province; give latitude, longitude and countyCode to import it");
			}
			return new double[] { p.latitude(), p.longitude() };
		}

		private String county(EidoIncident eido, EidoOverrides overrides) {
			if (overrides.countyCode() != null) {
				return overrides.countyCode();
			}
			Optional<Areas.County> county = CivicCounty.of(eido.location() == null ? null : eido.location().civic());
			if (county.isEmpty()) {
				throw HubException.field(ErrorCode.EIDO_COUNTY_UNDETERMINED, "countyCode",
						"The EIDO's civic address names no county of the province (country CN, A1 Fujian, A2 city, A3 county); give countyCode");
			}
			this.notes.add("County " + county.get().code() + " from the EIDO's civic address");
			return county.get().code();
		}

		private String category(EidoIncident eido, EidoOverrides overrides, String defaultCategory) {
			if (overrides.category() != null) {
				return overrides.category();
			}
			Optional<String> mapped = EidoTypes.marked(eido.typeInternalCode())
				.or(() -> EidoTypes.byKeyword(eido.typeRegistryText()))
				.or(() -> EidoTypes.byKeyword(eido.typeInternalText()));
			if (mapped.isPresent()) {
				return mapped.get();
			}
			this.notes.add("The EIDO's incident type maps to no GB/T 35561 sub-category; " + defaultCategory + " was taken");
			return defaultCategory;
		}

		private String level(EidoIncident eido, EidoOverrides overrides) {
			if (overrides.level() != null) {
				return overrides.level();
			}
			String priority = eido.priorityInternalText();
			Matcher matcher = priority == null ? null : LEVEL.matcher(priority.strip());
			if (matcher != null && matcher.matches()) {
				return matcher.group(1).toUpperCase(Locale.ROOT);
			}
			if (priority != null) {
				this.notes.add("The EIDO's priority '" + priority + "' is not a level; level IV was taken");
			}
			return "IV";
		}

		private String title(EidoIncident eido) {
			String title = eido.typeInternalText() != null ? eido.typeInternalText()
					: eido.typeRegistryText() != null ? eido.typeRegistryText() : "EIDO incident " + eido.id();
			return cut(title, MAX_TITLE, "title");
		}

		private @Nullable String description(EidoIncident eido) {
			return eido.notes().isEmpty() ? null : cut(String.join("\n\n", eido.notes()), MAX_DESCRIPTION, "description");
		}

		private String cut(String text, int max, String what) {
			if (text.length() <= max) {
				return text;
			}
			this.notes.add("The " + what + " was cut to " + max + " characters");
			return text.substring(0, max);
		}

	}

}
