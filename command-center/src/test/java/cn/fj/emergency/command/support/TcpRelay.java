package cn.fj.emergency.command.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a free local port to a target port, standing for the network between a client and the hub: it can
 * cut every connection through it at once with a reset (as a dropped link or a restarted router does, without a
 * WebSocket close handshake) and refuse new connections for a while (the link still down).
 */
public final class TcpRelay implements AutoCloseable {

	private final ServerSocket server;

	private volatile int target;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile boolean down;

	private volatile boolean stalled;

	public TcpRelay(int target) {
		this.target = target;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		daemon("relay-accept", this::accept);
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** Resets every connection through the relay, and refuses new ones until {@link #up()}. */
	public void cut() {
		this.down = true;
		for (Socket socket : this.sockets) {
			reset(socket);
		}
	}

	/**
	 * Keeps every connection open but passes nothing on any more, either way: a peer that has hung, or a link that
	 * silently drops everything, which a client only notices by its own timeouts.
	 */
	public void stall() {
		this.stalled = true;
	}

	/**
	 * Accepts new connections again but passes nothing on any of them: a server (or a proxy in front of it) that
	 * takes connections and never answers. {@link #up()} ends it.
	 */
	public void acceptButStall() {
		this.stalled = true;
		this.down = false;
	}

	/**
	 * Sends new connections to another port from now on, as a virtual IP or a DNS name moved to another server does
	 * (open connections are not moved: {@link #cut()} them).
	 */
	public void retarget(int port) {
		this.target = port;
	}

	/** Accepts connections again and passes bytes on again (connections stalled meanwhile have lost theirs). */
	public void up() {
		this.down = false;
		this.stalled = false;
	}

	/** Connections open through the relay now (each counted on both sides). */
	public int openSockets() {
		return this.sockets.size();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.down) {
					reset(client);
					continue;
				}
				Socket hub;
				try {
					hub = new Socket(InetAddress.getLoopbackAddress(), this.target);
				}
				catch (IOException refused) {
					// the server behind is down: the client sees its connection reset, and the relay goes on
					reset(client);
					continue;
				}
				this.sockets.add(client);
				this.sockets.add(hub);
				pump(client, hub);
				pump(hub, client);
			}
			catch (IOException ex) {
				if (!this.server.isClosed()) {
					throw new UncheckedIOException(ex);
				}
			}
		}
	}

	private void pump(Socket from, Socket to) {
		daemon("relay-pump", () -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int n; (n = in.read(buffer)) >= 0;) {
					if (this.stalled) {
						continue;
					}
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (IOException ex) {
				// the other side went away or the relay cut it: the pair ends below
			}
			finally {
				reset(from);
				reset(to);
			}
		});
	}

	private static void daemon(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
	}

	private void reset(Socket socket) {
		this.sockets.remove(socket);
		try {
			socket.setSoLinger(true, 0);
			socket.close();
		}
		catch (SocketException ex) {
			// already closed
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		cut();
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
