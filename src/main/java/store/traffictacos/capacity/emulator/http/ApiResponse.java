package store.traffictacos.capacity.emulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A response before it is written to the wire: status, extra headers and a JSON (or text) body. */
public final class ApiResponse {
    private final int status;
    private final byte[] body;
    private final String contentType;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private ApiResponse(int status, byte[] body, String contentType) {
        this.status = status;
        this.body = body;
        this.contentType = contentType;
    }

    public static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, Json.write(value), "application/json");
    }

    public static ApiResponse raw(int status, byte[] body, String contentType) {
        return new ApiResponse(status, body, contentType);
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public byte[] body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
