package com.artipie.vertx;

import com.artipie.http.Slice;
import com.artipie.http.rq.RequestLine;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.reactivex.core.Vertx;
import io.vertx.reactivex.core.http.HttpServer;
import io.vertx.reactivex.core.http.HttpServerRequest;
import io.vertx.reactivex.core.http.HttpServerResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A copy of {@link VertxSliceServer} (vertx-server 0.5) that binds one given host instead of the
 * wildcard address.
 *
 * <p>Why this class exists and why it lives in {@code com.artipie.vertx}: {@code VertxSliceServer}
 * 0.5 has no host parameter, its {@code start()} calls {@code rxListen(port)}, which binds
 * {@code 0.0.0.0}. regconform must only ever listen on {@code 127.0.0.1}. The bridging from a
 * Vert.x request to an Artipie {@link Slice} and back needs {@code VertxConnection} and
 * {@code ContinueConnection}, both package-private in vertx-server 0.5, so this class is declared
 * in the same package (a split package, which is fine on the class path; regconform does not run
 * on the module path). Request handling below is the same as upstream, so behaviour (including
 * the adapter's known defects) stays that of the reference implementation; only the listen
 * address differs.
 *
 * <p>Not part of regconform's API: use {@code dev.regconform.embedded.EmbeddedArtipieRegistry}.
 */
public final class LoopbackSliceServer implements AutoCloseable {

    private final Vertx vertx;
    private final Slice served;
    private final String host;
    private final int port;
    private final Object sync = new Object();
    private HttpServer server;

    /**
     * @param vertx Vert.x instance (not closed by this server)
     * @param served the slice to serve
     * @param host the single address to bind, e.g. {@code 127.0.0.1}
     * @param port the port, or 0 for an ephemeral one
     */
    public LoopbackSliceServer(final Vertx vertx, final Slice served, final String host,
        final int port) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.served = Objects.requireNonNull(served, "served");
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
    }

    /**
     * Starts listening and blocks until the socket is bound.
     *
     * @return the port actually bound
     */
    public int start() {
        synchronized (this.sync) {
            if (this.server != null) {
                throw new IllegalStateException("Server was already started");
            }
            final HttpServer srv = this.vertx.createHttpServer(
                new HttpServerOptions().setHost(this.host).setPort(this.port)
            );
            srv.requestHandler(this::handle);
            srv.rxListen().blockingGet();
            this.server = srv;
            return srv.actualPort();
        }
    }

    /** Stops listening and blocks until the socket is closed; no-op when not started. */
    public void stop() {
        synchronized (this.sync) {
            if (this.server != null) {
                this.server.rxClose().blockingAwait();
                this.server = null;
            }
        }
    }

    @Override
    public void close() {
        this.stop();
    }

    private void handle(final HttpServerRequest req) {
        final HttpServerResponse response = req.response();
        try {
            this.served.response(
                new RequestLine(req.method().name(), req.uri(), req.version().toString())
                    .toString(),
                req.headers(),
                req.toFlowable().map(buffer -> ByteBuffer.wrap(buffer.getBytes()))
            ).send(new ContinueConnection(response, new VertxConnection(response)))
                .exceptionally(
                    throwable -> {
                        sendError(response, throwable);
                        return null;
                    }
                );
        } catch (final RuntimeException ex) {
            sendError(response, ex);
        }
    }

    /** As upstream: 500 with the exception and its stack trace as body (if still possible). */
    private static void sendError(final HttpServerResponse response, final Throwable throwable) {
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        response.setStatusCode(HttpURLConnection.HTTP_INTERNAL_ERROR);
        final StringWriter body = new StringWriter();
        body.append(throwable.toString()).append('\n');
        throwable.printStackTrace(new PrintWriter(body));
        response.end(body.toString());
    }
}
