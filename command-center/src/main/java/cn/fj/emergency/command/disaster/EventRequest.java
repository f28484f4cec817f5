package cn.fj.emergency.command.disaster;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** What a commander sends to open a disaster event (docs/disaster-events.md#opening-an-event). */
public record EventRequest(@Nullable String category, @Nullable String nameZh, @Nullable String nameEn,
		@Nullable List<String> cities, @Nullable List<String> counties, @Nullable String startsAt,
		@Nullable String endsAt, @Nullable Boolean exercise) {
}
