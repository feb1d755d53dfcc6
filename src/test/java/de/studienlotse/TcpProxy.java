package de.studienlotse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a fixed local port in front of a real server (the test's PostgreSQL), which a test takes down and
 * brings back as an outage would: {@link #down()} refuses new connections (nothing listens on the port) and resets
 * every open one (RST, not a polite FIN); {@link #up()} listens again on the same port. Bytes are relayed unchanged,
 * one virtual thread per direction.
 */
final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;

    private TcpProxy(InetSocketAddress target, int port) {
        this.target = target;
        this.port = port;
    }

    /** Listening on a free local port, relaying to {@code host:port}. */
    static TcpProxy start(String host, int port) {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            TcpProxy proxy = new TcpProxy(new InetSocketAddress(host, port), probe.getLocalPort());
            probe.close();
            proxy.up();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** Listens again on the same port; connections made from now on reach the server. */
    synchronized void up() {
        if (listening != null) {
            return;
        }
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            listening = server;
            Thread.ofVirtual().name("tcp-proxy-accept").start(() -> accept(server));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + " again", e);
        }
    }

    /** The server is gone: new connections are refused, open ones reset. */
    synchronized void down() {
        ServerSocket server = listening;
        listening = null;
        if (server != null) {
            closeQuietly(server);
        }
        for (Socket socket : open) {
            reset(socket);
        }
    }

    @Override
    public void close() {
        down();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // taken down
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 2_000);
            } catch (IOException e) {
                reset(client);
                continue;
            }
            open.add(client);
            open.add(upstream);
            Thread.ofVirtual().start(() -> relay(client, upstream));
            Thread.ofVirtual().start(() -> relay(upstream, client));
        }
    }

    private void relay(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput(); // a clean end on one side is passed on as one
        } catch (IOException e) {
            reset(from);
            reset(to);
        } finally {
            if (from.isInputShutdown() || from.isClosed()) {
                open.remove(from);
            }
        }
    }

    private void reset(Socket socket) {
        open.remove(socket);
        try {
            socket.setSoLinger(true, 0); // close with RST
        } catch (IOException ignored) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
