package cn.fj.emergency.command.video;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.video.persistence.VideoSourceStore;

/** The registry as the caller may see it: always without stream addresses; a city platform sees its own city's. */
@Component
public class VideoSourceQueries {

	static final int MAX_LIST = 1000;

	private final VideoSourceStore store;

	public VideoSourceQueries(VideoSourceStore store) {
		this.store = store;
	}

	public Mono<VideoSource.View> find(HubPrincipal principal, UUID id) {
		return RegisteringVideoSource.visibleTo(principal, this.store.find(id), id).map(VideoSource::view);
	}

	/** Sources by city and name, at most {@value #MAX_LIST}; {@code cityCode} narrows an officer's list. */
	public Flux<VideoSource.View> list(HubPrincipal principal, @Nullable String cityCode) {
		String own = principal.cityCode();
		if (cityCode != null && !Areas.isCity(cityCode)) {
			return Flux.error(HubException.field(ErrorCode.UNKNOWN_AREA, "cityCode", "Unknown platform code '" + cityCode + "'"));
		}
		if (own != null && cityCode != null && !own.equals(cityCode)) {
			return Flux.error(HubException.field(ErrorCode.AREA_OUTSIDE_CITY, "cityCode",
					"A principal of platform " + own + " sees its own city's sources only"));
		}
		return this.store.list(own != null ? own : cityCode, MAX_LIST).map(VideoSource::view);
	}

}
