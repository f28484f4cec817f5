package cn.fj.emergency.alerting.feed;

import java.util.List;

import reactor.core.publisher.Mono;

/** Where the hub is told of a newly stored inbound alert, in the caller's transaction. */
public interface InboundEvents {

	/** @param ended the alerts it superseded or cancelled */
	Mono<Void> received(InboundWarning warning, List<InboundWarning> ended);

}
