package cn.fj.emergency.command.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the live stream.
 *
 * @param subscriberBuffer events queued for one subscriber before it counts as too slow and is cut off
 * @param ringSize recent events each instance keeps in memory so that resuming subscribers need no database read
 * @param pageSize events per backfill read from PostgreSQL
 * @param pollInterval how often an instance reads the log even without a doorbell: the bound on delivery delay
 * when Redis loses notifications
 * @param tailBatch events per read of the tailer
 * @param maxStreamsPerPrincipal live streams one principal may hold open on one instance at once
 */
@ConfigurationProperties("hub.stream")
public record StreamProperties(@DefaultValue("1024") int subscriberBuffer, @DefaultValue("8192") int ringSize,
		@DefaultValue("500") int pageSize, @DefaultValue("1s") Duration pollInterval, @DefaultValue("1000") int tailBatch,
		@DefaultValue("16") int maxStreamsPerPrincipal) {
}
