package cn.fj.emergency.alerting.cap;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/** Test alerts: one of our own red warnings, and copies of alerts with one thing changed. */
public final class Alerts {

	public static final OffsetDateTime SENT = OffsetDateTime.parse("2026-12-01T12:00:00+08:00");

	private Alerts() {
	}

	/** A red rainstorm warning for Gulou, Fuzhou, in zh-CN and en, that keeps the publishing profile. */
	public static Alert ownRedWarning() {
		return new Alert("35000041600000_20261201120000_0", "fj-emergency@hub.fj.gov.cn", SENT, Status.ACTUAL,
				MessageType.ALERT, null, Scope.PUBLIC, null, List.of(), List.of(), null, List.of(), List.of(),
				List.of(info("zh-CN", "暴雨红色预警", "福州市鼓楼区"), info("en", "Rainstorm red warning", "Gulou, Fuzhou")),
				List.of());
	}

	static Info info(String language, String event, String areaDesc) {
		Area area = new Area(areaDesc, List.of(square()), List.of(), List.of(new NamedValue(AreaCodes.GEOCODE, "350102")),
				null, null);
		return new Info(language, List.of(Category.MET), event, List.of(ResponseType.SHELTER), Urgency.IMMEDIATE,
				Severity.EXTREME, Certainty.LIKELY, null, List.of(), SENT, SENT.plusHours(1), SENT.plusDays(1),
				"福建省应急管理厅", event, "description", "instruction", null, null,
				List.of(new NamedValue(WarningColour.PARAMETER, "red")), List.of(), List.of(area));
	}

	public static Polygon square() {
		return Polygon.parse("26.08,119.29 26.08,119.31 26.10,119.31 26.10,119.29 26.08,119.29");
	}

	public static Alert withMsgType(Alert a, MessageType type, List<Reference> references) {
		return new Alert(a.identifier(), a.sender(), a.sent(), a.status(), type, a.source(), a.scope(), a.restriction(),
				a.addresses(), a.codes(), a.note(), references, a.incidents(), a.infos(), a.signatures());
	}

	public static Alert withSent(Alert a, OffsetDateTime sent) {
		return new Alert(a.identifier(), a.sender(), sent, a.status(), a.msgType(), a.source(), a.scope(), a.restriction(),
				a.addresses(), a.codes(), a.note(), a.references(), a.incidents(), a.infos(), a.signatures());
	}

	/** The alert with every info block changed by {@code change}. */
	public static Alert withInfos(Alert a, UnaryOperator<Info> change) {
		return new Alert(a.identifier(), a.sender(), a.sent(), a.status(), a.msgType(), a.source(), a.scope(),
				a.restriction(), a.addresses(), a.codes(), a.note(), a.references(), a.incidents(),
				a.infos().stream().map(change).toList(), a.signatures());
	}

	public static Info withTimes(Info i, @Nullable OffsetDateTime effective, @Nullable OffsetDateTime onset,
			@Nullable OffsetDateTime expires) {
		return new Info(i.language(), i.categories(), i.event(), i.responseTypes(), i.urgency(), i.severity(),
				i.certainty(), i.audience(), i.eventCodes(), effective, onset, expires, i.senderName(), i.headline(),
				i.description(), i.instruction(), i.web(), i.contact(), i.parameters(), i.resources(), i.areas());
	}

	public static Info withLanguage(Info i, @Nullable String language) {
		return new Info(language, i.categories(), i.event(), i.responseTypes(), i.urgency(), i.severity(),
				i.certainty(), i.audience(), i.eventCodes(), i.effective(), i.onset(), i.expires(), i.senderName(),
				i.headline(), i.description(), i.instruction(), i.web(), i.contact(), i.parameters(), i.resources(),
				i.areas());
	}

	public static Info withSeverity(Info i, Severity severity) {
		return new Info(i.language(), i.categories(), i.event(), i.responseTypes(), i.urgency(), severity,
				i.certainty(), i.audience(), i.eventCodes(), i.effective(), i.onset(), i.expires(), i.senderName(),
				i.headline(), i.description(), i.instruction(), i.web(), i.contact(), i.parameters(), i.resources(),
				i.areas());
	}

	public static Info withParameters(Info i, List<NamedValue> parameters) {
		return new Info(i.language(), i.categories(), i.event(), i.responseTypes(), i.urgency(), i.severity(),
				i.certainty(), i.audience(), i.eventCodes(), i.effective(), i.onset(), i.expires(), i.senderName(),
				i.headline(), i.description(), i.instruction(), i.web(), i.contact(), parameters, i.resources(),
				i.areas());
	}

	/** The info block with one area: {@code polygons} and {@code geocodes}. */
	public static Info withArea(Info i, List<Polygon> polygons, List<NamedValue> geocodes) {
		Area area = new Area("area", polygons, List.of(), geocodes, null, null);
		return new Info(i.language(), i.categories(), i.event(), i.responseTypes(), i.urgency(), i.severity(),
				i.certainty(), i.audience(), i.eventCodes(), i.effective(), i.onset(), i.expires(), i.senderName(),
				i.headline(), i.description(), i.instruction(), i.web(), i.contact(), i.parameters(), i.resources(),
				List.of(area));
	}

	public static Alert withPolygon(Alert a, String polygon) {
		return withInfos(a, i -> withArea(i, List.of(Polygon.parse(polygon)), i.areas().get(0).geocodes()));
	}

	public static Alert withGeocodes(Alert a, NamedValue... geocodes) {
		return withInfos(a, i -> withArea(i, i.areas().get(0).polygons(), List.of(geocodes)));
	}

	public static Alert withColour(Alert a, String colour) {
		return withInfos(a, i -> withParameters(i, List.of(new NamedValue(WarningColour.PARAMETER, colour))));
	}

	public static Alert withoutColour(Alert a) {
		return withInfos(a, i -> withParameters(i, List.of()));
	}

	public static Point point(String latLon) {
		return Point.parse(latLon);
	}

	public static List<CapErrorCode> codes(List<CapProblem> problems) {
		List<CapErrorCode> codes = new ArrayList<>();
		problems.forEach(problem -> codes.add(problem.code()));
		return codes;
	}

	static BigDecimal decimal(String text) {
		return new BigDecimal(text);
	}

}
