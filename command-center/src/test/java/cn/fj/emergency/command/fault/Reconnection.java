package cn.fj.emergency.command.fault;

import java.util.function.Supplier;

import io.rsocket.exceptions.ApplicationErrorException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.command.support.HubClient;

/**
 * The connection of a client that reconnects as docs/faults.md says: {@link #client()} answers the open connection
 * or opens one, and {@link #lost} forgets it when a failure other than the hub's refusal shows it gone, so that
 * the next attempt opens another (perhaps to another instance). Shared by {@link Reporter} and
 * {@link FollowingConsole}.
 */
final class Reconnection implements AutoCloseable {

	private final Supplier<HubClient> connect;

	// guarded by this
	private @Nullable HubClient client;

	/** @param connect opens a connection, blocking; called on a bounded-elastic thread whenever one is needed */
	Reconnection(Supplier<HubClient> connect) {
		this.connect = connect;
	}

	Mono<HubClient> client() {
		return Mono.fromCallable(() -> {
			synchronized (this) {
				HubClient current = this.client;
				if (current == null || current.rsocket().isDisposed()) {
					current = this.connect.get();
					this.client = current;
				}
				return current;
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

	/** A failure other than the hub's refusal means the connection is gone: the next attempt opens another. */
	Throwable lost(HubClient failed, Throwable error) {
		if (!(error instanceof ApplicationErrorException)) {
			synchronized (this) {
				if (this.client == failed) {
					this.client = null;
				}
			}
			failed.close();
		}
		return error;
	}

	@Override
	public synchronized void close() {
		HubClient current = this.client;
		if (current != null) {
			current.close();
		}
		this.client = null;
	}

}
