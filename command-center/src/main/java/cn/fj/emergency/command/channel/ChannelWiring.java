package cn.fj.emergency.command.channel;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import cn.fj.emergency.alerting.channel.config.ChannelConfiguration;

/** Brings the alerting module's broadcast channels into the hub. */
@Configuration(proxyBeanMethods = false)
@Import(ChannelConfiguration.class)
class ChannelWiring {

}
