package dev.descent.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive client for load: one connection, one request written as
 * prepared bytes, the response read by its {@code Content-Length}. Lighter than {@code
 * java.net.http.HttpClient}, so that on a small machine the clients take less of the CPU the
 * server is measured on.
 */
final class HttpLoad implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final byte[] request;

  /** A connection to 127.0.0.1:{@code port} that will POST {@code json} to {@code path}. */
  HttpLoad(int port, String path, String json) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
  }

  /** Sends the request and reads the whole response; returns the status code. */
  int send() throws IOException {
    out.write(request);
    out.flush();
    int status = -1;
    int length = -1;
    StringBuilder line = new StringBuilder();
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("the server closed the connection");
      }
      if (c != '\n') {
        if (c != '\r') {
          line.append((char) c);
        }
        continue;
      }
      if (line.length() == 0) {
        break;
      }
      String l = line.toString();
      if (status < 0) {
        status = Integer.parseInt(l.split(" ")[1]);
      } else if (l.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(l.substring(15).trim());
      }
      line.setLength(0);
    }
    if (length < 0) {
      throw new IOException("response without Content-Length");
    }
    in.skipNBytes(length);
    return status;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
