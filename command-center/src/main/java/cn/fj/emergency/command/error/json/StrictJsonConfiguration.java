package cn.fj.emergency.command.error.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.rsocket.messaging.RSocketStrategiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.MimeType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.error.StorableText;
import cn.fj.emergency.command.error.Fields;
import cn.fj.emergency.command.error.RefusedValue;

/**
 * How the hub reads JSON, on every route of every interface at once (HTTP bodies and RSocket payloads share the one
 * {@link JsonMapper}): a document that names a field twice is refused rather than read as its last value
 * ({@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}), a text the database could not store as sent is refused
 * with its field ({@link StorableText}), so is a time outside {@link Fields#EARLIEST} to {@link Fields#LATEST}, and RSocket data that is the JSON literal {@code null} is refused as an
 * invalid request instead of reaching a handler as nothing.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJsonReading() {
		SimpleModule strict = new SimpleModule("strict-reading")
			.addDeserializer(String.class, new StorableStringDeserializer())
			.setDeserializerModifier(new TimesInRange());
		return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).addModule(strict);
	}

	/** First among the decoders, so that it is the one chosen for JSON whatever else is configured. */
	@Bean
	RSocketStrategiesCustomizer presentJsonData(JsonMapper json) {
		return strategies -> strategies.decoders(decoders -> decoders.add(0, new PresentJsonDecoder(json)));
	}

	/** Jackson's own reading of a string, refusing one the database cannot store. */
	static final class StorableStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
			String text = super.deserialize(p, ctxt);
			String problem = text == null ? null : StorableText.problem(text);
			if (problem != null) {
				throw new RefusedValue(p, problem, String.class);
			}
			return text;
		}

	}

	/** Every time read as a java.time value ({@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime}) lies in range. */
	static final class TimesInRange extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier beanDesc,
				ValueDeserializer<?> deserializer) {
			Class<?> type = beanDesc.getBeanClass();
			boolean time = type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class;
			return time ? new TimeInRangeDeserializer(deserializer) : deserializer;
		}

	}

	static final class TimeInRangeDeserializer extends DelegatingDeserializer {

		TimeInRangeDeserializer(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new TimeInRangeDeserializer(delegate);
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
			Object value = super.deserialize(p, ctxt);
			Instant instant = value instanceof Instant i ? i
					: value instanceof OffsetDateTime o ? o.toInstant() : value instanceof ZonedDateTime z ? z.toInstant() : null;
			if (instant != null && !Fields.inRange(instant)) {
				throw new RefusedValue(p, Fields.OUT_OF_RANGE, value.getClass());
			}
			return value;
		}

	}

	/**
	 * JSON data of a request: {@code null} is not a request. Spring's RSocket payload resolver takes a decoder's
	 * {@code null} for a bug (a NullPointerException, an internal error a client would retry for ever).
	 */
	static final class PresentJsonDecoder extends JacksonJsonDecoder {

		PresentJsonDecoder(JsonMapper json) {
			super(json);
		}

		@Override
		public Object decode(DataBuffer buffer, ResolvableType targetType, @Nullable MimeType mimeType,
				@Nullable Map<String, Object> hints) {
			Object value = super.decode(buffer, targetType, mimeType, hints);
			if (value == null) {
				throw new HubException(ErrorCode.INVALID_REQUEST, "The request's data is JSON null: a JSON object is expected");
			}
			return value;
		}

	}

}
