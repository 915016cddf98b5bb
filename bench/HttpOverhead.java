// bench/HttpOverhead.java: the cost of one request through each HTTP client the toolkit could use, against the same
// registry. Run by bench/http-overhead.sh (java -cp "conformance-suite/target/lib/*" bench/HttpOverhead.java ...),
// one client per JVM, so that each pays its own class loading:
//   java ... HttpOverhead.java BASE BLOB_DIGEST CLIENT N
// CLIENT: restassured (configured as RegistryHttp was until 2026-11-27: a new DefaultHttpClient per request, so a
// new connection),
// restassured-reuse (the same, with reuseHttpClientInstance()), apache (one DefaultHttpClient, kept-alive
// connection), jdk (java.net.http.HttpClient, HTTP/1.1). Prints, in milliseconds: JVM start to main, the first
// request (class loading and start-up of the client included), then N GET /v2/ and N HEAD /v2/bench/blobs/DIGEST
// after N/2 warm-up pairs, as the mean per request, then N/2 blob uploads (POST, then PUT ?digest= with 16 bytes,
// the same blob each time) after N/10 warm-up ones, as the mean per upload (two requests). Not a JMH benchmark: wall clock, one thread, one run.
import static io.restassured.config.HttpClientConfig.httpClientConfig;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.IntSupplier;

public class HttpOverhead {
  public static void main(String[] args) throws Exception {
    long mainAt = System.currentTimeMillis();
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    String base = args[0];
    String blob = base + "/v2/bench/blobs/" + args[1];
    String client = args[2];
    int n = Integer.parseInt(args[3]);
    IntSupplier get;
    IntSupplier head;
    IntSupplier upload; // POST /v2/bench/blobs/uploads/ then PUT LOCATION?digest= with a 16-byte body: two requests
    byte[] body = "bench-blob-16-by".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    String digest = "sha256:" + java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(body));
    String uploads = base + "/v2/bench/blobs/uploads/";
    switch (client) {
      case "restassured", "restassured-reuse" -> {
        var http = httpClientConfig().httpClientFactory(HttpOverhead::newApacheClient);
        if (client.equals("restassured-reuse")) {
          http = http.reuseHttpClientInstance();
        }
        RestAssuredConfig config = RestAssuredConfig.config().httpClient(http);
        get = () -> RestAssured.given().config(config).urlEncodingEnabled(false).request("GET", base + "/v2/")
            .then().extract().response().asByteArray().length >= 0 ? 200 : 0;
        head = () -> RestAssured.given().config(config).urlEncodingEnabled(false).request("HEAD", blob).getStatusCode();
        // (HEAD has no body; REST Assured releases its connection itself)
        upload = () -> {
          var post = RestAssured.given().config(config).urlEncodingEnabled(false).request("POST", uploads);
          post.asByteArray(); // releases the connection, as RegistryHttp does by reading every body
          var put = RestAssured.given().config(config).urlEncodingEnabled(false).contentType("application/octet-stream")
              .body(body).request("PUT", withDigest(base, post.getHeader("Location"), digest));
          put.asByteArray();
          return put.getStatusCode();
        };
      }
      case "apache" -> {
        org.apache.http.client.HttpClient apache = newApacheClient();
        get = () -> apache(apache, new org.apache.http.client.methods.HttpGet(base + "/v2/"));
        head = () -> apache(apache, new org.apache.http.client.methods.HttpHead(blob));
        upload = () -> {
          String[] location = new String[1];
          apache(apache, new org.apache.http.client.methods.HttpPost(uploads), location);
          var put = new org.apache.http.client.methods.HttpPut(withDigest(base, location[0], digest));
          put.setEntity(new org.apache.http.entity.ByteArrayEntity(body,
              org.apache.http.entity.ContentType.APPLICATION_OCTET_STREAM));
          return apache(apache, put);
        };
      }
      case "jdk" -> {
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest g = HttpRequest.newBuilder(URI.create(base + "/v2/")).GET().build();
        HttpRequest h = HttpRequest.newBuilder(URI.create(blob)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        get = () -> jdk(jdk, g, HttpResponse.BodyHandlers.ofByteArray());
        upload = () -> {
          try {
            var post = jdk.send(HttpRequest.newBuilder(URI.create(uploads)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
            String location = post.headers().firstValue("Location").orElseThrow();
            return jdk(jdk, HttpRequest.newBuilder(URI.create(withDigest(base, location, digest)))
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.discarding());
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        };
        head = () -> jdk(jdk, h, HttpResponse.BodyHandlers.discarding());
      }
      default -> throw new IllegalArgumentException("unknown client " + client);
    }
    long t0 = System.nanoTime();
    check(get.getAsInt(), 200);
    long first = System.nanoTime() - t0;
    for (int i = 0; i < n / 2; i++) {
      check(get.getAsInt(), 200);
      check(head.getAsInt(), 200);
    }
    t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      check(get.getAsInt(), 200);
    }
    long gets = System.nanoTime() - t0;
    t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      check(head.getAsInt(), 200);
    }
    long heads = System.nanoTime() - t0;
    // REST Assured with reuseHttpClientInstance() keeps the POST's connection allocated (BasicClientConnManager:
    // "connection still allocated") however the answer is read: no upload figure for it.
    boolean uploads_ = !client.equals("restassured-reuse");
    for (int i = 0; uploads_ && i < n / 10; i++) {
      check(upload.getAsInt(), 201);
    }
    t0 = System.nanoTime();
    for (int i = 0; uploads_ && i < n / 2; i++) {
      check(upload.getAsInt(), 201);
    }
    long ups = uploads_ ? System.nanoTime() - t0 : 0;
    System.out.printf(java.util.Locale.ROOT,
        "%-18s jvm-start-to-main %4d ms  first request %6.1f ms  GET /v2/ %6.3f ms  HEAD blob %6.3f ms  "
            + "POST+PUT blob %6.3f ms  (n=%d)%n",
        client, mainAt - jvmStart, first / 1e6, gets / 1e6 / n, heads / 1e6 / n,
        uploads_ ? ups / 1e6 / (n / 2) : Double.NaN, n);
  }

  private static String withDigest(String base, String location, String digest) {
    String url = location.startsWith("http") ? location : base + location;
    return url + (url.contains("?") ? "&" : "?") + "digest=" + digest;
  }

  @SuppressWarnings("deprecation")
  private static org.apache.http.client.HttpClient newApacheClient() {
    return new org.apache.http.impl.client.DefaultHttpClient();
  }

  private static int apache(org.apache.http.client.HttpClient c, org.apache.http.client.methods.HttpUriRequest r) {
    return apache(c, r, new String[1]);
  }

  private static int apache(org.apache.http.client.HttpClient c, org.apache.http.client.methods.HttpUriRequest r,
      String[] location) {
    try {
      var response = c.execute(r);
      var header = response.getFirstHeader("Location");
      location[0] = header == null ? null : header.getValue();
      if (response.getEntity() != null) {
        org.apache.http.util.EntityUtils.consume(response.getEntity());
      }
      return response.getStatusLine().getStatusCode();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static <T> int jdk(HttpClient c, HttpRequest r, HttpResponse.BodyHandler<T> handler) {
    try {
      return c.send(r, handler).statusCode();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void check(int status, int expected) {
    if (status != expected) {
      throw new IllegalStateException("expected status " + expected + ", got " + status);
    }
  }
}
