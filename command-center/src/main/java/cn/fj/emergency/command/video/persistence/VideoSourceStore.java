package cn.fj.emergency.command.video.persistence;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.video.SourceKind;
import cn.fj.emergency.command.video.StreamAddress;
import cn.fj.emergency.command.video.StreamProtocol;
import cn.fj.emergency.command.video.VideoSource;

/** The video source registry. Writes must run inside the transaction that appends their events. */
@Repository
public class VideoSourceStore {

	private static final String COLUMNS = "id, kind, name, city_code, county_code, latitude, longitude, stream_url, protocol, "
			+ "enabled, registered_by, registered_at, updated_by, updated_at";

	private final DatabaseClient db;

	public VideoSourceStore(DatabaseClient db) {
		this.db = db;
	}

	public Mono<Void> insert(VideoSource s) {
		return this.db.sql("""
				insert into video_source (id, kind, name, city_code, county_code, latitude, longitude, stream_url, protocol,
				                          enabled, registered_by, registered_at, updated_by, updated_at)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)""")
			.bind(0, s.id())
			.bind(1, s.kind().name())
			.bind(2, s.name())
			.bind(3, s.cityCode())
			.bind(4, nullable(s.countyCode()))
			.bind(5, s.latitude())
			.bind(6, s.longitude())
			.bind(7, s.address().url())
			.bind(8, s.address().protocol().name())
			.bind(9, s.enabled())
			.bind(10, s.registeredBy())
			.bind(11, s.registeredAt())
			.bind(12, s.updatedBy())
			.bind(13, s.updatedAt())
			.then();
	}

	public Mono<Void> update(VideoSource s) {
		return this.db.sql("""
				update video_source set kind = $2, name = $3, city_code = $4, county_code = $5, latitude = $6,
				       longitude = $7, stream_url = $8, protocol = $9, enabled = $10, updated_by = $11, updated_at = $12
				where id = $1""")
			.bind(0, s.id())
			.bind(1, s.kind().name())
			.bind(2, s.name())
			.bind(3, s.cityCode())
			.bind(4, nullable(s.countyCode()))
			.bind(5, s.latitude())
			.bind(6, s.longitude())
			.bind(7, s.address().url())
			.bind(8, s.address().protocol().name())
			.bind(9, s.enabled())
			.bind(10, s.updatedBy())
			.bind(11, s.updatedAt())
			.then();
	}

	public Mono<VideoSource> find(UUID id) {
		return this.db.sql("select " + COLUMNS + " from video_source where id = $1").bind(0, id).map(VideoSourceStore::source).one();
	}

	/** For update: the row stays locked until the transaction ends. */
	public Mono<VideoSource> lock(UUID id) {
		return this.db.sql("select " + COLUMNS + " from video_source where id = $1 for update")
			.bind(0, id)
			.map(VideoSourceStore::source)
			.one();
	}

	/** Sources of one city, or of every city when {@code city} is null, by city and name. */
	public Flux<VideoSource> list(@Nullable String city, int limit) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("select " + COLUMNS
				+ " from video_source where ($1::text is null or city_code = $1) order by city_code, name, id limit $2")
			.bind(1, limit);
		spec = city == null ? spec.bindNull(0, String.class) : spec.bind(0, city);
		return spec.map(VideoSourceStore::source).all();
	}

	static Object nullable(@Nullable String value) {
		return value == null ? io.r2dbc.spi.Parameters.in(io.r2dbc.spi.R2dbcType.VARCHAR) : value;
	}

	private static VideoSource source(Readable r) {
		return new VideoSource(r.get("id", UUID.class), SourceKind.valueOf(r.get("kind", String.class)),
				r.get("name", String.class), r.get("city_code", String.class), r.get("county_code", String.class),
				r.get("latitude", Double.class), r.get("longitude", Double.class),
				new StreamAddress(r.get("stream_url", String.class), StreamProtocol.valueOf(r.get("protocol", String.class))),
				Boolean.TRUE.equals(r.get("enabled", Boolean.class)), r.get("registered_by", String.class),
				r.get("registered_at", Instant.class), r.get("updated_by", String.class), r.get("updated_at", Instant.class));
	}

}
