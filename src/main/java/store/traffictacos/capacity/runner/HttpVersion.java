package store.traffictacos.capacity.runner;

/**
 * The HTTP version runners speak. HTTP/2 is negotiated through TLS (ALPN), so it needs an {@code https://}
 * target; a server that offers only HTTP/1.1 gets HTTP/1.1.
 */
public enum HttpVersion {
    /** One outstanding request per connection: a platform that slows down costs a connection per waiting request. */
    HTTP_1_1("1.1"),
    /** Many outstanding requests (streams) share a connection: the production ALB allows 128 per connection. */
    HTTP_2("2");

    private final String key;

    HttpVersion(String key) {
        this.key = key;
    }

    /** The {@code -Dhttp.version} value: {@code 1.1} or {@code 2}. */
    public String key() {
        return key;
    }

    /** @throws IllegalArgumentException when {@code value} is neither {@code 1.1} nor {@code 2} */
    public static HttpVersion of(String value) {
        String given = value.strip();
        for (HttpVersion version : values()) {
            if (version.key.equals(given) || ("HTTP/" + version.key).equalsIgnoreCase(given)) {
                return version;
            }
        }
        throw new IllegalArgumentException("must be 1.1 or 2, got '" + value + "'");
    }

    @Override
    public String toString() {
        return "HTTP/" + key;
    }
}
