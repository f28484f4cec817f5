package cn.fj.emergency.command;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.error.rsocket.RSocketErrors;

/** The shared infrastructure beans: one clock, transactions, Redis pub/sub, the RSocket error body. */
@Configuration(proxyBeanMethods = false)
class HubConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
		return TransactionalOperator.create(transactionManager);
	}

	@Bean(destroyMethod = "destroy")
	ReactiveRedisMessageListenerContainer redisMessageListenerContainer(ReactiveRedisConnectionFactory factory) {
		return new ReactiveRedisMessageListenerContainer(factory);
	}

	@Bean
	RSocketErrors rsocketErrors(JsonMapper json) {
		return new RSocketErrors(json);
	}

}
