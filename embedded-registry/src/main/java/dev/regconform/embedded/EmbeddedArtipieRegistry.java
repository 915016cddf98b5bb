package dev.regconform.embedded;

import com.artipie.asto.fs.FileStorage;
import com.artipie.docker.asto.AstoDocker;
import com.artipie.docker.http.DockerSlice;
import com.artipie.vertx.LoopbackSliceServer;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.reactivex.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Artipie docker adapter served in-process, on {@code 127.0.0.1} only: a second, independent
 * implementation of the registry HTTP API (Docker Registry HTTP API V2 / OCI distribution) that
 * needs no install and no container engine.
 *
 * <pre>{@code
 * try (EmbeddedArtipieRegistry registry = EmbeddedArtipieRegistry.start()) {
 *     URI base = registry.baseUri();            // e.g. http://127.0.0.1:41234 (no trailing slash)
 *     HttpResponse<String> rs = HttpClient.newHttpClient().send(
 *         HttpRequest.newBuilder(URI.create(base + "/v2/")).build(),
 *         HttpResponse.BodyHandlers.ofString());
 *     // rs.statusCode() == 200, header Docker-Distribution-Api-Version: registry/2.0
 *     System.out.println(registry.description());
 *     // Artipie docker-adapter v0.18.7 (embedded, 127.0.0.1:41234)
 * }   // close(): stops the server and Vert.x, deletes the temporary storage
 * }</pre>
 *
 * <p>What runs: {@code DockerSlice(new AstoDocker(new FileStorage(dir)))} (docker-adapter
 * {@value #VERSION}, no authentication, every repository name accepted), served by a Vert.x HTTP
 * server through {@link LoopbackSliceServer}. The adapter has known deviations from the
 * specification; they are deliberately left in place, reporting them is the toolkit's job.
 *
 * <p>Network: the server binds {@value #HOST} and an ephemeral port chosen by the OS; it never
 * binds the wildcard address (that is why {@link LoopbackSliceServer} exists: vertx-server 0.5's
 * {@code VertxSliceServer} can only bind {@code 0.0.0.0}).
 *
 * <p>Logging: this module brings no SLF4J binding. Artipie logs through jcabi-log / SLF4J (e.g.
 * {@code FileStorage} logs each {@code list} at INFO) and Vert.x through SLF4J when a provider is
 * present, otherwise {@code java.util.logging}; all of that goes wherever the application's
 * logging configuration sends it (slf4j-simple and JUL write to stderr by default), never to
 * stdout from here.
 *
 * <p>Threads: Vert.x event-loop threads are not daemon threads; always {@link #close()} the
 * registry (try-with-resources), or the JVM will not exit. {@code FileStorage}'s I/O pool (rio's
 * process-wide {@code IoExecutor}, non-daemon upstream) is replaced by a daemon pool on first start,
 * see {@code RioIoThreads}; it stays alive, idle, for the life of the JVM and is shared by all
 * instances.
 */
public final class EmbeddedArtipieRegistry implements AutoCloseable {

    /** The docker-adapter version that is served; must match the POM. */
    public static final String VERSION = "v0.18.7";

    /** The only address the server binds. */
    public static final String HOST = "127.0.0.1";

    private final Vertx vertx;
    private final LoopbackSliceServer server;
    private final int port;
    private final Path storageDir;
    private final boolean deleteStorageOnClose;
    private final Object lock = new Object();
    private boolean closed;

    private EmbeddedArtipieRegistry(final Vertx vertx, final LoopbackSliceServer server,
        final int port, final Path storageDir, final boolean deleteStorageOnClose) {
        this.vertx = vertx;
        this.server = server;
        this.port = port;
        this.storageDir = storageDir;
        this.deleteStorageOnClose = deleteStorageOnClose;
    }

    /**
     * Starts a registry on {@code 127.0.0.1} and a free port, with file storage in a fresh
     * temporary directory that {@link #close()} deletes.
     *
     * @return the running registry
     * @throws UncheckedIOException if the temporary directory cannot be created
     * @throws IllegalStateException if the server cannot start
     */
    public static EmbeddedArtipieRegistry start() {
        final Path dir;
        try {
            dir = Files.createTempDirectory("regconform-artipie-");
        } catch (final IOException ex) {
            throw new UncheckedIOException("Cannot create storage directory for Artipie", ex);
        }
        return start(dir, true);
    }

    /**
     * Starts a registry on {@code 127.0.0.1} and a free port, storing into {@code storageDir}
     * (created if missing). The directory is left in place by {@link #close()}.
     *
     * @param storageDir storage directory, e.g. to inspect the stored layout afterwards
     * @return the running registry
     * @throws UncheckedIOException if the directory cannot be created
     * @throws IllegalStateException if the server cannot start
     */
    public static EmbeddedArtipieRegistry start(final Path storageDir) {
        Objects.requireNonNull(storageDir, "storageDir");
        try {
            Files.createDirectories(storageDir);
        } catch (final IOException ex) {
            throw new UncheckedIOException("Cannot create storage directory " + storageDir, ex);
        }
        return start(storageDir.toAbsolutePath(), false);
    }

    private static EmbeddedArtipieRegistry start(final Path dir, final boolean deleteOnClose) {
        RioIoThreads.ensureDaemon();
        final Vertx vertx = Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(2)
                .setWorkerPoolSize(4)
                .setInternalBlockingPoolSize(2)
                // No classpath resolution, no file cache: Vert.x then creates no
                // vertx-cache directory under java.io.tmpdir.
                .setFileSystemOptions(
                    new FileSystemOptions()
                        .setClassPathResolvingEnabled(false)
                        .setFileCachingEnabled(false)
                )
        );
        final LoopbackSliceServer server = new LoopbackSliceServer(
            vertx, new DockerSlice(new AstoDocker(new FileStorage(dir))), HOST, 0
        );
        try {
            final int port = server.start();
            return new EmbeddedArtipieRegistry(vertx, server, port, dir, deleteOnClose);
        } catch (final RuntimeException ex) {
            closeVertx(vertx);
            if (deleteOnClose) {
                deleteRecursively(dir);
            }
            throw new IllegalStateException("Cannot start embedded Artipie registry on " + HOST, ex);
        }
    }

    /** @return e.g. {@code http://127.0.0.1:41234}, without trailing slash */
    public URI baseUri() {
        return URI.create("http://" + HOST + ":" + this.port);
    }

    /** @return the bound port */
    public int port() {
        return this.port;
    }

    /** @return the bound socket address: always {@code 127.0.0.1} and {@link #port()} */
    public InetSocketAddress address() {
        return new InetSocketAddress(HOST, this.port);
    }

    /** @return where blobs, manifests and uploads are stored */
    public Path storageDir() {
        return this.storageDir;
    }

    /** @return e.g. {@code Artipie docker-adapter v0.18.7 (embedded, 127.0.0.1:41234)} */
    public String description() {
        return "Artipie docker-adapter " + VERSION + " (embedded, " + HOST + ":" + this.port + ")";
    }

    /**
     * Stops the HTTP server and Vert.x and, for {@link #start()}, deletes the temporary storage.
     * Idempotent; blocks until the port is released.
     */
    @Override
    public void close() {
        synchronized (this.lock) {
            if (this.closed) {
                return;
            }
            this.closed = true;
        }
        try {
            this.server.stop();
        } finally {
            closeVertx(this.vertx);
            if (this.deleteStorageOnClose) {
                deleteRecursively(this.storageDir);
            }
        }
    }

    @Override
    public String toString() {
        return this.description();
    }

    private static void closeVertx(final Vertx vertx) {
        try {
            vertx.rxClose().timeout(10, TimeUnit.SECONDS).blockingAwait();
        } catch (final RuntimeException ignored) {
            // best effort: the server socket is already closed
        }
    }

    private static void deleteRecursively(final Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (final IOException ignored) {
                    // best effort; a leftover file in the temp dir must not fail close()
                }
            });
        } catch (final IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
