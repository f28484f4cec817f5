package cn.fj.emergency.alerting.channel.config;

import java.util.List;

import org.slf4j.LoggerFactory;

import cn.fj.emergency.alerting.channel.ChannelSender;

/** The enabled channels' senders, closed (the MQTT client disconnected) when the application stops. */
public final class ChannelSenders implements AutoCloseable {

	private final List<ChannelSender> all;

	ChannelSenders(List<ChannelSender> all) {
		this.all = List.copyOf(all);
	}

	public List<ChannelSender> all() {
		return this.all;
	}

	@Override
	public void close() {
		for (ChannelSender sender : this.all) {
			if (sender instanceof AutoCloseable closeable) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					// stopping: the sender is abandoned either way
					LoggerFactory.getLogger(ChannelSenders.class).warn("Closing {} failed", sender.channel(), ex);
				}
			}
		}
	}

}
