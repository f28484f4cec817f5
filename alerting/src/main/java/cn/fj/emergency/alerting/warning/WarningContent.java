package cn.fj.emergency.alerting.warning;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.alerting.approval.WarningErrorCode;
import cn.fj.emergency.alerting.approval.WarningRefusal;
import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.Area;
import cn.fj.emergency.alerting.cap.AreaCodes;
import cn.fj.emergency.alerting.cap.CapTimes;
import cn.fj.emergency.alerting.cap.Category;
import cn.fj.emergency.alerting.cap.Certainty;
import cn.fj.emergency.alerting.cap.Circle;
import cn.fj.emergency.alerting.cap.Info;
import cn.fj.emergency.alerting.cap.MessageType;
import cn.fj.emergency.alerting.cap.NamedValue;
import cn.fj.emergency.alerting.cap.Polygon;
import cn.fj.emergency.alerting.cap.ResponseType;
import cn.fj.emergency.alerting.cap.Scope;
import cn.fj.emergency.alerting.cap.Status;
import cn.fj.emergency.alerting.cap.Urgency;
import cn.fj.emergency.alerting.cap.WarningColour;

/**
 * A warning as an officer composes it in JSON (docs/warnings.md, "Composing"): one CAP info block per text (one
 * language each, at least zh-CN and en), all sharing the colour, times, category and areas.
 *
 * @param status {@code Actual}, {@code Exercise} or {@code Test}
 * @param colour {@code red}, {@code orange}, {@code yellow} or {@code blue}; the severity follows from it
 */
public record WarningContent(@Nullable String status, @Nullable String colour, @Nullable String category,
		@Nullable String urgency, @Nullable String certainty, @Nullable List<String> responseTypes,
		@Nullable OffsetDateTime onset, @Nullable OffsetDateTime expires, @Nullable List<Text> texts,
		@Nullable List<AreaSpec> areas) {

	/** One language's text. */
	public record Text(@Nullable String language, @Nullable String event, @Nullable String headline,
			@Nullable String description, @Nullable String instruction) {
	}

	/**
	 * @param codes GB/T 2260 codes (province, city platform or county)
	 * @param polygons CAP polygons ({@code "lat,lon lat,lon ..."}, closed)
	 * @param circles CAP circles ({@code "lat,lon radiusKm"})
	 */
	public record AreaSpec(@Nullable String description, @Nullable List<String> codes, @Nullable List<String> polygons,
			@Nullable List<String> circles) {
	}

	/** The CAP alert this content makes, under a provisional identifier and sending time. */
	Alert toAlert(String identifier, WarningSettings settings, OffsetDateTime now) {
		try {
			WarningColour warningColour = WarningColour.parse(required(colour, "colour"))
				.orElseThrow(() -> invalid("colour is red, orange, yellow or blue, not " + colour));
			List<Area> capAreas = new ArrayList<>();
			for (AreaSpec spec : required(areas, "areas")) {
				List<NamedValue> geocodes = orEmpty(spec.codes()).stream().map(c -> new NamedValue(AreaCodes.GEOCODE, c)).toList();
				capAreas.add(new Area(required(spec.description(), "areas[].description"),
						orEmpty(spec.polygons()).stream().map(Polygon::parse).toList(),
						orEmpty(spec.circles()).stream().map(Circle::parse).toList(), geocodes, null, null));
			}
			List<Info> infos = new ArrayList<>();
			for (Text text : required(texts, "texts")) {
				infos.add(new Info(required(text.language(), "texts[].language"),
						List.of(Category.of(category == null ? "Met" : category)), required(text.event(), "texts[].event"),
						orEmpty(responseTypes).stream().map(ResponseType::of).toList(),
						Urgency.of(urgency == null ? "Expected" : urgency), warningColour.severity(),
						Certainty.of(certainty == null ? "Likely" : certainty), null, List.of(), null,
						onset == null ? null : CapTimes.inChina(onset),
						CapTimes.inChina(required(expires, "expires")), settings.senderName(), text.headline(),
						text.description(), text.instruction(), null, null,
						List.of(new NamedValue(WarningColour.PARAMETER, warningColour.cap())), List.of(), capAreas));
			}
			if (infos.isEmpty() || capAreas.isEmpty()) {
				throw invalid("a warning has at least one text and one area");
			}
			return new Alert(identifier, settings.sender(), CapTimes.inChina(now), Status.of(required(status, "status")),
					MessageType.ALERT, null, Scope.PUBLIC, null, List.of(), List.of(), null, List.of(), List.of(), infos,
					List.of());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw invalid(String.valueOf(ex.getMessage()));
		}
	}

	private static <T> T required(@Nullable T value, String field) {
		if (value == null) {
			throw invalid(field + " is required");
		}
		return value;
	}

	private static <T> List<T> orEmpty(@Nullable List<T> values) {
		return values == null ? List.of() : values;
	}

	private static WarningRefusal invalid(String message) {
		return new WarningRefusal(WarningErrorCode.WARNING_CONTENT_INVALID, message);
	}

}
