package cn.fj.emergency.alerting.warning;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.alerting.approval.Review;
import cn.fj.emergency.alerting.approval.Warning;
import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.Info;
import cn.fj.emergency.alerting.cap.WarningColour;

/** A warning as officers and city platforms read it (docs/warnings.md). */
public record WarningView(String identifier, String state, String author, String sender, OffsetDateTime sent,
		String status, String msgType, @Nullable String colour, String severity, String headline, List<String> languages,
		List<String> cityCodes, List<String> countyCodes, @Nullable OffsetDateTime expires,
		@Nullable OffsetDateTime publishedAt, @Nullable String replaces, @Nullable String endedBy, List<Review> reviews) {

	public static WarningView of(StoredWarning stored) {
		Warning w = stored.warning();
		Alert alert = w.alert();
		Info first = alert.infos().get(0);
		return new WarningView(stored.identifier(), w.state().name(), w.author(), alert.sender(), alert.sent(),
				alert.status().cap(), alert.msgType().cap(), colour(alert).orElse(null), first.severity().cap(),
				headline(alert), alert.infos().stream().map(Info::languageOrDefault).toList(),
				stored.targets().cityCodes(), stored.targets().countyCodes(), w.expires().orElse(null), w.publishedAt(),
				stored.replaces(), w.endedBy() == null ? null : w.endedBy().toString(), w.reviews());
	}

	/** The colour carried by the first info block, or that its severity stands for. */
	static Optional<String> colour(Alert alert) {
		Info info = alert.infos().get(0);
		return WarningColour.carriedBy(info)
			.stream()
			.map(WarningColour::parse)
			.flatMap(Optional::stream)
			.findFirst()
			.or(() -> WarningColour.of(info.severity()))
			.map(WarningColour::cap);
	}

	/** The zh-CN headline (or event), else the first block's. */
	static String headline(Alert alert) {
		Info info = alert.infos()
			.stream()
			.filter(i -> "zh-CN".equals(i.language()))
			.findFirst()
			.orElse(alert.infos().get(0));
		return info.headline() != null ? info.headline() : info.event();
	}

}
