package dev.regconform.client;

/** Names of the HTTP headers the distribution spec gives meaning to. */
public final class Headers {
  public static final String ACCEPT = "Accept";
  public static final String AUTHORIZATION = "Authorization";
  public static final String CONTENT_LENGTH = "Content-Length";
  public static final String CONTENT_RANGE = "Content-Range";
  public static final String CONTENT_TYPE = "Content-Type";
  public static final String DOCKER_CONTENT_DIGEST = "Docker-Content-Digest";
  public static final String DOCKER_DISTRIBUTION_API_VERSION = "Docker-Distribution-Api-Version";
  public static final String DOCKER_UPLOAD_UUID = "Docker-Upload-UUID";
  public static final String LINK = "Link";
  public static final String LOCATION = "Location";
  public static final String OCI_CHUNK_MIN_LENGTH = "OCI-Chunk-Min-Length";
  public static final String OCI_TAG = "OCI-Tag";
  public static final String RANGE = "Range";
  public static final String WARNING = "Warning";
  public static final String WWW_AUTHENTICATE = "WWW-Authenticate";

  private Headers() {}
}
