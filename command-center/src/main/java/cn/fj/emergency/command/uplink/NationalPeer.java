package cn.fj.emergency.command.uplink;

import java.util.UUID;

import reactor.core.publisher.Mono;

/** The national platform, as the forwarder needs it: send one forward, learn whether it was acknowledged. */
public interface NationalPeer {

	/**
	 * Sends the request (its JSON as stored) and answers the peer's receipt id once it has acknowledged exactly this
	 * forward; fails with {@link NotAcknowledged} or any transport error otherwise. Bounded in time by the
	 * implementation.
	 */
	Mono<String> forward(UUID forwardId, String requestJson);

	/** The peer answered, but not with a positive acknowledgement of this forward. */
	final class NotAcknowledged extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public NotAcknowledged(String message) {
			super(message);
		}

	}

}
