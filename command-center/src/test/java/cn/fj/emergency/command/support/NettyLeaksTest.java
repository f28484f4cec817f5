package cn.fj.emergency.command.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one leak the check lets pass, r2dbc-postgresql's bind parameters on a lost connection, is told apart by both
 * halves of its signature; a leak with only one of them, or any other, still counts.
 */
class NettyLeaksTest {

	static final String RELEASED_IN_CLOSE = """
			#1:
				io.netty.util.ReferenceCountUtil.release(ReferenceCountUtil.java:90)
				io.r2dbc.postgresql.ExtendedFlowDelegate$ExtendedFlowOperator.close(ExtendedFlowDelegate.java:338)
				io.r2dbc.postgresql.ExtendedFlowDelegate.lambda$fetchAll$2(ExtendedFlowDelegate.java:144)
			""";

	static final String CREATED_BY_CODEC = """
			Created at:
				io.netty.buffer.AbstractByteBufAllocator.buffer(AbstractByteBufAllocator.java:88)
				io.r2dbc.postgresql.codec.ArrayCodec.lambda$doEncode$0(ArrayCodec.java:200)
			""";

	static final String CREATED_ELSEWHERE = """
			Created at:
				io.netty.buffer.AbstractByteBufAllocator.buffer(AbstractByteBufAllocator.java:88)
				cn.fj.emergency.command.stream.rsocket.EncodedEvents.encode(EncodedEvents.java:70)
			""";

	@Test
	void onlyTheDriversBindParameterLeakIsTheKnownOne() {
		assertThat(NettyLeaks.isKnownDriverLeak("LEAK: ByteBuf\nRecent access records: \n" + RELEASED_IN_CLOSE + CREATED_BY_CODEC))
			.isTrue();
		assertThat(NettyLeaks.isKnownDriverLeak("LEAK: ByteBuf\nRecent access records: \n" + RELEASED_IN_CLOSE + CREATED_ELSEWHERE))
			.as("ours, though last released by the driver").isFalse();
		assertThat(NettyLeaks.isKnownDriverLeak("LEAK: ByteBuf\nRecent access records: \n" + CREATED_BY_CODEC))
			.as("a codec's buffer never seen by the close").isFalse();
		assertThat(NettyLeaks.isKnownDriverLeak("LEAK: ByteBuf\nRecent access records: \n" + CREATED_BY_CODEC + RELEASED_IN_CLOSE))
			.as("the close after the creation record is not where Netty prints access records").isFalse();
	}

}
