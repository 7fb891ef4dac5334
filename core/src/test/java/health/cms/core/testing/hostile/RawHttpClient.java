package health.cms.core.testing.hostile;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately simple HTTP/1.1 client over one kept-alive socket that sends requests byte for byte
 * as they are given: raw bytes in the request line, any method, any header, any body. Ordinary
 * clients refuse most of what a hostile request is made of (invalid percent-escapes, bodies on GET,
 * non-ASCII in the request target), and they are slower than this for thousands of small requests.
 */
public final class RawHttpClient implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 15_000;
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public RawHttpClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends the request and reads the answer. A connection the server closed without answering is
     * reported as status 0 with the reason as body, so the caller decides whether that is acceptable.
     */
    public HostileResponse send(HostileRequest request) {
        for (int attempt = 0;; attempt++) {
            boolean fresh = socket == null;
            try {
                connect();
                write(request);
                HostileResponse response = read(request.method().equals("HEAD"));
                if (response.closesConnection()) {
                    disconnect();
                }
                return response;
            } catch (IOException e) {
                disconnect();
                // A kept-alive socket the server had already closed: retry once on a new one.
                if (!fresh && attempt == 0) {
                    continue;
                }
                return HostileResponse.noAnswer(e.toString());
            }
        }
    }

    private void connect() throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
    }

    private void write(HostileRequest request) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append(':').append(port).append("\r\n");
        for (Map.Entry<String, String> header : request.headers()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        if (request.body() != null) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        head.append("\r\n");
        // ISO-8859-1 maps each char to one byte, so a test can put any raw byte into the request line.
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (request.body() == null || request.body().length < 64 * 1024) {
            byte[] all = request.body() == null ? headBytes : concat(headBytes, request.body());
            out.write(all);
        } else {
            out.write(headBytes);
            try {
                out.write(request.body());
            } catch (IOException e) {
                // The server may refuse a huge body early and answer before reading it all.
                socket.shutdownOutput();
            }
        }
        out.flush();
    }

    private HostileResponse read(boolean head) throws IOException {
        String statusLine = line();
        while (statusLine.startsWith("HTTP/1.1 100")) {
            while (!line().isEmpty()) {
                // skip the interim response's headers
            }
            statusLine = line();
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("Not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.add(Map.entry(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).strip()));
        }
        HostileResponse response = new HostileResponse(status, headers, new byte[0]);
        byte[] body;
        if (head || status == 204 || status == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(response.header("transfer-encoding"))) {
            body = chunked();
        } else if (response.header("content-length") != null) {
            body = in.readNBytes(Integer.parseInt(response.header("content-length")));
        } else {
            body = in.readNBytes(MAX_BODY);
            return new HostileResponse(status, withClose(headers), body);
        }
        return new HostileResponse(status, headers, body);
    }

    private static List<Map.Entry<String, String>> withClose(List<Map.Entry<String, String>> headers) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
        copy.add(Map.entry("connection", "close"));
        return copy;
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            if (length == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            line();
            if (body.size() > MAX_BODY) {
                throw new IOException("Response body larger than " + MAX_BODY + " bytes");
            }
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Connection closed by the server" + (line.isEmpty() ? "" : " after: " + line));
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
    }

    @Override
    public void close() {
        disconnect();
    }
}
