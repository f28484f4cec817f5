package cn.fj.emergency.command.error.rsocket;

import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;
import reactor.core.publisher.Mono;

/** Every failure of an RSocket handler leaves as an APPLICATION_ERROR frame with the JSON error body. */
@ControllerAdvice
class RSocketErrorAdvice {

	private final RSocketErrors errors;

	RSocketErrorAdvice(RSocketErrors errors) {
		this.errors = errors;
	}

	@MessageExceptionHandler
	Mono<Void> handle(Throwable error) {
		return Mono.error(this.errors.applicationError(error));
	}

}
