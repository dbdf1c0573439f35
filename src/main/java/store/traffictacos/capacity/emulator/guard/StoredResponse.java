package store.traffictacos.capacity.emulator.guard;

/** A 2xx response kept for idempotent replay. */
public record StoredResponse(int status, String contentType, byte[] body) {}
