package dev.regconform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** All traffic goes to 127.0.0.1; nothing is sent to any other address. */
class EmbeddedArtipieRegistryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    private EmbeddedArtipieRegistry registry;

    @BeforeEach
    void start() {
        this.registry = EmbeddedArtipieRegistry.start();
    }

    @AfterEach
    void stop() {
        this.registry.close();
    }

    @Test
    void baseEndpointAnswersWithApiVersionHeader() throws Exception {
        final HttpResponse<String> rs = this.send(HttpRequest.newBuilder(this.uri("/v2/")).GET());
        assertThat(rs.statusCode()).isEqualTo(200);
        assertThat(rs.headers().firstValue("Docker-Distribution-Api-Version"))
            .hasValue("registry/2.0");
    }

    @Test
    void describesItself() {
        final int port = this.registry.port();
        assertThat(port).isBetween(1, 65535);
        assertThat(this.registry.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + port));
        assertThat(this.registry.baseUri().toString()).doesNotEndWith("/");
        assertThat(this.registry.description())
            .isEqualTo("Artipie docker-adapter v0.18.7 (embedded, 127.0.0.1:" + port + ")");
        assertThat(EmbeddedArtipieRegistry.VERSION).isEqualTo("v0.18.7");
    }

    @Test
    void isBoundToLoopbackOnly() throws Exception {
        assertThat(this.registry.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(this.registry.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(this.registry.address().getAddress().isLoopbackAddress()).isTrue();
        final Path tcp = Path.of("/proc/net/tcp");
        final Path tcp6 = Path.of("/proc/net/tcp6");
        assumeTrue(Files.isReadable(tcp), "the listen-socket checks read Linux's /proc/net/tcp");
        // The kernel's view of the actual listening socket(s) on our port. The JDK and Netty open
        // dual-stack IPv6 sockets, so 127.0.0.1 usually shows up in tcp6 as ::ffff:127.0.0.1;
        // a wildcard bind would show up as 00000000 / all zeros.
        final List<String> listeners = new ArrayList<>(listening(tcp, this.registry.port()));
        if (Files.isReadable(tcp6)) {
            listeners.addAll(listening(tcp6, this.registry.port()));
        }
        assertThat(listeners)
            .as("listen sockets on port %d", this.registry.port())
            .isNotEmpty()
            .allMatch(addr -> "0100007F".equals(addr)
                || "0000000000000000FFFF00000100007F".equals(addr));
        // A wildcard listener would make this bind fail with EADDRINUSE. Binding sends no traffic.
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(
                new InetSocketAddress(InetAddress.getByName("127.0.0.2"), this.registry.port())
            );
            assertThat(probe.isBound()).isTrue();
        }
    }

    @Test
    void pushesAndPullsBlobWithChunkedUpload() throws Exception {
        this.pushAndPullBlob();
    }

    /** POST, PATCH (body), PUT ?digest=, then GET: asserts every step. */
    private void pushAndPullBlob() throws Exception {
        final byte[] blob = "regconform embedded registry blob\n".getBytes(StandardCharsets.UTF_8);
        final String digest = "sha256:" + sha256(blob);

        final HttpResponse<String> post = this.send(
            HttpRequest.newBuilder(this.uri("/v2/test/repo/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody())
        );
        assertThat(post.statusCode()).isEqualTo(202);
        final URI upload = this.location(post);

        final HttpResponse<String> patch = this.send(
            HttpRequest.newBuilder(upload)
                .header("Content-Type", "application/octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(blob))
        );
        assertThat(patch.statusCode()).isEqualTo(202);
        final URI next = patch.headers().firstValue("Location").isPresent()
            ? this.location(patch) : upload;

        final String sep = next.getRawQuery() == null ? "?" : "&";
        final HttpResponse<String> put = this.send(
            HttpRequest.newBuilder(URI.create(next + sep + "digest=" + digest))
                .PUT(HttpRequest.BodyPublishers.noBody())
        );
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("Docker-Content-Digest")).hasValue(digest);

        final HttpResponse<byte[]> get = this.http.send(
            HttpRequest.newBuilder(this.uri("/v2/test/repo/blobs/" + digest)).timeout(TIMEOUT)
                .GET().build(),
            HttpResponse.BodyHandlers.ofByteArray()
        );
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(blob);

        // It is really stored in the file storage directory.
        try (Stream<Path> files = Files.walk(this.registry.storageDir())) {
            assertThat(files.filter(Files::isRegularFile).map(Path::getFileName)
                .map(Path::toString)).contains("data");
        }
    }

    @Test
    void closeReleasesPortDeletesStorageAndIsIdempotent() throws Exception {
        final InetSocketAddress address = this.registry.address();
        final Path storage = this.registry.storageDir();
        // A full request, not a bare connect: a connection still being accepted while the
        // server closes makes Netty log "Failed to register an accepted channel" (harmless).
        assertThat(this.send(HttpRequest.newBuilder(this.uri("/v2/")).GET()).statusCode())
            .isEqualTo(200);
        assertThat(storage).isDirectory();

        this.registry.close();
        this.registry.close();

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(address, (int) TIMEOUT.toMillis());
            }
        }).isInstanceOf(ConnectException.class);
        assertThat(storage).doesNotExist();
    }

    @Test
    void leavesNoNonDaemonThreadsAfterClose() throws Exception {
        // Store something, so that FileStorage's I/O pool (rio) has been used.
        this.pushAndPullBlob();
        this.registry.close();
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<String> left = nonDaemonServerThreads();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = nonDaemonServerThreads();
        }
        assertThat(left).as("non-daemon threads that would keep the JVM alive").isEmpty();
    }

    private static List<String> nonDaemonServerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(Thread::isAlive)
            .filter(thread -> !thread.isDaemon())
            .map(Thread::getName)
            .filter(name -> name.startsWith("vert.x-") || name.startsWith("rio-"))
            .collect(Collectors.toList());
    }

    @Test
    void keepsCallerProvidedStorageDirectory() throws Exception {
        final Path dir = Files.createTempDirectory("regconform-artipie-test-");
        try {
            try (EmbeddedArtipieRegistry own = EmbeddedArtipieRegistry.start(dir)) {
                assertThat(own.storageDir()).isEqualTo(dir.toAbsolutePath());
                assertThat(own.port()).isNotEqualTo(this.registry.port());
                final HttpResponse<String> rs = this.send(
                    HttpRequest.newBuilder(URI.create(own.baseUri() + "/v2/")).GET()
                );
                assertThat(rs.statusCode()).isEqualTo(200);
            }
            assertThat(dir).isDirectory();
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    private URI uri(final String path) {
        return URI.create(this.registry.baseUri() + path);
    }

    /** Resolves a Location header against the base URI; it must stay on 127.0.0.1. */
    private URI location(final HttpResponse<?> rs) {
        final String value = rs.headers().firstValue("Location").orElseThrow(
            () -> new AssertionError("no Location header, headers: " + rs.headers().map())
        );
        final URI resolved = this.registry.baseUri().resolve(value);
        assertThat(resolved.getHost()).isEqualTo("127.0.0.1");
        assertThat(resolved.getPort()).isEqualTo(this.registry.port());
        return resolved;
    }

    private HttpResponse<String> send(final HttpRequest.Builder request)
        throws IOException, InterruptedException {
        return this.http.send(request.timeout(TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(final byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /**
     * Local addresses (kernel hex notation) of the sockets in state LISTEN on a port, from
     * /proc/net/tcp or /proc/net/tcp6.
     */
    private static List<String> listening(final Path table, final int port) throws IOException {
        final String hexPort = String.format(Locale.ROOT, "%04X", port);
        return Files.readAllLines(table).stream().skip(1)
            .map(String::trim)
            .map(line -> line.split("\\s+"))
            .filter(cols -> cols.length > 3 && "0A".equals(cols[3]))
            .filter(cols -> cols[1].endsWith(":" + hexPort))
            .map(cols -> cols[1].substring(0, cols[1].indexOf(':')))
            .collect(Collectors.toList());
    }
}
