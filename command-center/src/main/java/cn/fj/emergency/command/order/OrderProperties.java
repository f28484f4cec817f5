package cn.fj.emergency.command.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param overdueCheckInterval how often each hub instance looks for targets past their deadline (100 ms to 10 min);
 * an overdue event follows a deadline by at most about this long
 * @param overdueBatch most targets marked overdue in one transaction (1 to 10000); a check goes on until none is left
 */
@ConfigurationProperties("hub.orders")
public record OrderProperties(@DefaultValue("5s") Duration overdueCheckInterval, @DefaultValue("500") int overdueBatch) {

	public OrderProperties {
		if (overdueCheckInterval.compareTo(Duration.ofMillis(100)) < 0 || overdueCheckInterval.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException("hub.orders.overdue-check-interval must be between 100ms and 10m, not " + overdueCheckInterval);
		}
		if (overdueBatch < 1 || overdueBatch > 10_000) {
			throw new IllegalArgumentException("hub.orders.overdue-batch must be between 1 and 10000, not " + overdueBatch);
		}
	}

}
