package cn.fj.emergency.resources;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The registry's Spring wiring, for the application to import. It needs from the application a
 * {@code DatabaseClient}, a {@code TransactionalOperator}, a {@code java.time.Clock} and a {@link SupplyEvents}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableConfigurationProperties(SuppliesProperties.class)
public class ResourcesRegistryConfiguration {

}
