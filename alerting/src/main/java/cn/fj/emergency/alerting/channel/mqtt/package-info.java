/**
 * MQTT: the CAP document on one topic per area for broadcast terminals, QoS 1, with Eclipse Paho's asynchronous client.
 */
@NullMarked
package cn.fj.emergency.alerting.channel.mqtt;

import org.jspecify.annotations.NullMarked;
