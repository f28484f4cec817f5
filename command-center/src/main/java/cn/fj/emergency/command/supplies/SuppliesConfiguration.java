package cn.fj.emergency.command.supplies;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import cn.fj.emergency.resources.ResourcesRegistryConfiguration;

/** Brings in the resources-registry module; its events go to the event log through {@link EventLogSupplyEvents}. */
@Configuration(proxyBeanMethods = false)
@Import(ResourcesRegistryConfiguration.class)
class SuppliesConfiguration {

}
