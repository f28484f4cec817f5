package cn.fj.emergency.command.error.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.ErrorTranslation;
import cn.fj.emergency.command.error.HubException;

/**
 * Every HTTP error as a problem detail with a stable code, including Spring's own (unknown path, bad JSON...), each
 * with a message in the client's terms rather than Spring's or Jackson's, which name the hub's classes.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(Throwable.class)
	Mono<ResponseEntity<ProblemDetail>> hubError(Throwable error, ServerWebExchange exchange) {
		HubException ex = ErrorTranslation.translate(error);
		return Mono.just(ProblemDetails.response(ex, exchange.getRequest().getPath().value()));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, @Nullable Object body,
			@Nullable HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		HubException hub = translated(ex, status, exchange);
		ProblemDetail problem = ProblemDetails.of(hub, exchange.getRequest().getPath().value());
		problem.setStatus(status.value());
		return Mono.just(ResponseEntity.status(status).headers(headers).body(problem));
	}

	private static HubException translated(Exception ex, HttpStatusCode status, ServerWebExchange exchange) {
		HttpMethod method = exchange.getRequest().getMethod();
		String path = exchange.getRequest().getPath().value();
		return switch (status.value()) {
			case 404 -> new HubException(ErrorCode.NOT_FOUND, "No such resource: " + method + " " + path);
			case 405 -> new HubException(ErrorCode.METHOD_NOT_ALLOWED, method + " is not allowed on " + path
					+ allowed(ex instanceof MethodNotAllowedException notAllowed ? notAllowed.getSupportedMethods() : Set.of()));
			case 413 -> new HubException(ErrorCode.PAYLOAD_TOO_LARGE,
					"The request body is larger than the hub accepts (see docs/http-api.md)");
			case 415 -> new HubException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "This content type is not accepted here"
					+ (ex instanceof UnsupportedMediaTypeStatusException media && !media.getSupportedMediaTypes().isEmpty()
							? "; send " + media.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(" or "))
							: ""));
			case 500, 502, 503 -> {
				log.error("Unexpected failure", ex);
				yield new HubException(ErrorCode.INTERNAL_ERROR, "Internal error");
			}
			default -> input(ex, status);
		};
	}

	/** A request Spring could not bind: its body, a parameter or a path variable. */
	private static HubException input(Exception ex, HttpStatusCode status) {
		if (hasCause(ex, JacksonException.class)) {
			return ErrorTranslation.translate(ex);
		}
		if (ex instanceof ServerWebInputException input) {
			MethodParameter parameter = input.getMethodParameter();
			String name = parameter == null ? null : parameter.getParameterName();
			if (ex.getCause() instanceof TypeMismatchException mismatch && name != null) {
				return HubException.field(ErrorCode.INVALID_FIELD, name,
						"'" + name + "' must be " + ErrorTranslation.expected(mismatch.getRequiredType()));
			}
			if ("No request body".equals(input.getReason())) {
				return new HubException(ErrorCode.INVALID_REQUEST,
						"The request needs a JSON object as its body; it was empty or the JSON literal null");
			}
			if (hasCause(ex, org.springframework.core.codec.CodecException.class)) {
				return new HubException(ErrorCode.INVALID_REQUEST, "The request body could not be read as JSON");
			}
		}
		String reason = ex instanceof ResponseStatusException response ? response.getReason() : null;
		return new HubException(ErrorCode.INVALID_REQUEST,
				reason == null ? "The request could not be read (HTTP " + status.value() + ")" : reason);
	}

	private static String allowed(Set<HttpMethod> methods) {
		return methods.isEmpty() ? "" : "; allowed: " + methods.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
	}

	private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

}
