package cn.fj.emergency.command.error.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.ErrorTranslation;
import cn.fj.emergency.command.error.HubException;

/** Every HTTP error as a problem detail with a stable code, including Spring's own (unknown path, bad JSON...). */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler(Throwable.class)
	Mono<ResponseEntity<ProblemDetail>> hubError(Throwable error, ServerWebExchange exchange) {
		HubException ex = ErrorTranslation.translate(error);
		return Mono.just(ProblemDetails.response(ex, exchange.getRequest().getPath().value()));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, @Nullable Object body,
			@Nullable HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		ErrorCode code = switch (status.value()) {
			case 404 -> ErrorCode.NOT_FOUND;
			case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
			case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
			case 500, 502, 503 -> ErrorCode.INTERNAL_ERROR;
			default -> ErrorCode.INVALID_REQUEST;
		};
		String detail = (body instanceof ProblemDetail problem && problem.getDetail() != null) ? problem.getDetail()
				: ex.getMessage();
		HubException hub = new HubException(code, detail == null ? code.title() : detail);
		ProblemDetail problem = ProblemDetails.of(hub, exchange.getRequest().getPath().value());
		problem.setStatus(status.value());
		return Mono.just(ResponseEntity.status(status).headers(headers).body(problem));
	}

}
