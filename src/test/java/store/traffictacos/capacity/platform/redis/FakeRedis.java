package store.traffictacos.capacity.platform.redis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A tiny RESP2 server on 127.0.0.1 for tests: {@code answer} maps a command (upper-cased name,
 * then arguments) to a raw RESP reply, or null for {@code +OK}.
 */
final class FakeRedis implements AutoCloseable {
    private final ServerSocket server;
    private final Function<List<String>, String> answer;
    private final List<Socket> clients = new java.util.concurrent.CopyOnWriteArrayList<>();

    FakeRedis(Function<List<String>, String> answer) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.answer = answer;
        Thread acceptor = new Thread(this::accept, "fake-redis-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    static String bulk(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return "$" + bytes.length + "\r\n" + text + "\r\n";
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                clients.add(socket);
                Thread client = new Thread(() -> serve(socket), "fake-redis-client");
                client.setDaemon(true);
                client.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream()) {
            while (true) {
                List<String> command = readCommand(in);
                if (command == null) {
                    return;
                }
                command.set(0, command.get(0).toUpperCase(Locale.ROOT));
                String reply = answer.apply(command);
                out.write((reply == null ? "+OK\r\n" : reply).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // client went away
        }
    }

    private static List<String> readCommand(InputStream in) throws IOException {
        String header = readLine(in);
        if (header == null || !header.startsWith("*")) {
            return null;
        }
        int count = Integer.parseInt(header.substring(1));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String length = readLine(in);
            if (length == null) {
                return null;
            }
            byte[] data = in.readNBytes(Integer.parseInt(length.substring(1)));
            in.readNBytes(2);
            parts.add(new String(data, StandardCharsets.UTF_8));
        }
        return parts;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return line.toString().stripTrailing();
            }
            line.append((char) c);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
