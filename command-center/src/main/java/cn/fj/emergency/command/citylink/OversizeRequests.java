package cn.fj.emergency.command.citylink;

import java.net.SocketAddress;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.rsocket.DuplexConnection;
import io.rsocket.RSocketErrorException;
import io.rsocket.frame.ErrorFrameCodec;
import io.rsocket.frame.FrameHeaderCodec;
import io.rsocket.frame.FrameType;
import io.rsocket.plugins.DuplexConnectionInterceptor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.error.rsocket.RSocketErrors;

/**
 * A request whose fragments add up to more than the hub reassembles ({@link CityLinkConfiguration#MAX_INBOUND_PAYLOAD})
 * is refused by rsocket-java itself, with a CANCELED error frame carrying its own plain text. This turns that frame,
 * on its way out, into the APPLICATION_ERROR every other refusal is: the JSON body with
 * {@link ErrorCode#PAYLOAD_TOO_LARGE}. Nothing else passes through it changed.
 */
final class OversizeRequests implements DuplexConnectionInterceptor {

	/** How rsocket-java's responder begins the text of its refusal of an oversize reassembly (rsocket-core 1.1). */
	static final String REASSEMBLY_REFUSED = "Failed to reassemble payload";

	private final RSocketErrors errors;

	OversizeRequests(RSocketErrors errors) {
		this.errors = errors;
	}

	@Override
	public DuplexConnection apply(Type type, DuplexConnection connection) {
		return type == Type.SOURCE ? new Answering(connection) : connection;
	}

	private RSocketErrorException refusal() {
		return this.errors.applicationError(new HubException(ErrorCode.PAYLOAD_TOO_LARGE,
				"The request is larger than " + CityLinkConfiguration.MAX_INBOUND_PAYLOAD
						+ " bytes (16 MiB - 1), the most the hub reassembles from fragments"));
	}

	private static boolean isReassemblyRefusal(ByteBuf frame) {
		return FrameHeaderCodec.frameType(frame) == FrameType.ERROR
				&& ErrorFrameCodec.errorCode(frame) == ErrorFrameCodec.CANCELED
				&& ErrorFrameCodec.dataUtf8(frame).startsWith(REASSEMBLY_REFUSED);
	}

	private final class Answering implements DuplexConnection {

		private final DuplexConnection delegate;

		Answering(DuplexConnection delegate) {
			this.delegate = delegate;
		}

		@Override
		public void sendFrame(int streamId, ByteBuf frame) {
			if (streamId != 0 && isReassemblyRefusal(frame)) {
				frame.release();
				this.delegate.sendFrame(streamId, ErrorFrameCodec.encode(alloc(), streamId, refusal()));
				return;
			}
			this.delegate.sendFrame(streamId, frame);
		}

		@Override
		public void sendErrorAndClose(RSocketErrorException error) {
			this.delegate.sendErrorAndClose(error);
		}

		@Override
		public Flux<ByteBuf> receive() {
			return this.delegate.receive();
		}

		@Override
		public ByteBufAllocator alloc() {
			return this.delegate.alloc();
		}

		@Override
		public SocketAddress remoteAddress() {
			return this.delegate.remoteAddress();
		}

		@Override
		public double availability() {
			return this.delegate.availability();
		}

		@Override
		public Mono<Void> onClose() {
			return this.delegate.onClose();
		}

		@Override
		public void dispose() {
			this.delegate.dispose();
		}

		@Override
		public boolean isDisposed() {
			return this.delegate.isDisposed();
		}

	}

}
