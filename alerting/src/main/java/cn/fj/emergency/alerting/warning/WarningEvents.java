package cn.fj.emergency.alerting.warning;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Where the lifecycle records its changes: the hub's event log. Must be called inside the caller's transaction, so a
 * change and its event commit together or not at all.
 */
public interface WarningEvents {

	Mono<Void> append(List<WarningEvent> events);

}
