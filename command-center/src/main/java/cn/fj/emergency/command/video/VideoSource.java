package cn.fj.emergency.command.video;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A registered video source. Its {@link StreamAddress} never leaves the hub except behind a playback token: every
 * query and event shows the {@link View}, which has the protocol and a masked address instead.
 */
public record VideoSource(UUID id, SourceKind kind, String name, String cityCode, @Nullable String countyCode,
		double latitude, double longitude, StreamAddress address, boolean enabled, String registeredBy,
		Instant registeredAt, String updatedBy, Instant updatedAt) {

	/** A source as shown to anyone: without its stream address. */
	public record View(UUID id, SourceKind kind, String name, String cityCode, @Nullable String countyCode,
			double latitude, double longitude, StreamProtocol protocol, String maskedAddress, boolean enabled,
			String registeredBy, Instant registeredAt, String updatedBy, Instant updatedAt) {
	}

	public View view() {
		return new View(this.id, this.kind, this.name, this.cityCode, this.countyCode, this.latitude, this.longitude,
				this.address.protocol(), this.address.masked(), this.enabled, this.registeredBy, this.registeredAt,
				this.updatedBy, this.updatedAt);
	}

	/** What a registration or an update asks for; fields as received, checked by {@link SourcePolicy}. */
	public record Registration(@Nullable String kind, @Nullable String name, @Nullable String cityCode,
			@Nullable String countyCode, @Nullable Double latitude, @Nullable Double longitude,
			@Nullable String streamUrl, @Nullable Boolean enabled) {
	}

	/** A registration that passed the policy. */
	public record Valid(SourceKind kind, String name, String cityCode, @Nullable String countyCode, double latitude,
			double longitude, StreamAddress address, boolean enabled) {
	}

	VideoSource updated(Valid change, String by, Instant at) {
		return new VideoSource(this.id, change.kind(), change.name(), change.cityCode(), change.countyCode(),
				change.latitude(), change.longitude(), change.address(), change.enabled(), this.registeredBy,
				this.registeredAt, by, at);
	}

}
