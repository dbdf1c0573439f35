package store.traffictacos.capacity.results.invariants;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An id (token, reservation) as 128 bits: a UUID as itself, any other string by its name-based (MD5)
 * UUID, so a table of ids holds two longs each instead of a string.
 */
record Id128(long msb, long lsb) {
    private static final int UUID_LENGTH = 36;

    static Id128 of(String id) {
        if (id.length() == UUID_LENGTH) {
            try {
                UUID uuid = UUID.fromString(id);
                return new Id128(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
            } catch (IllegalArgumentException notAUuid) {
                // hashed below
            }
        }
        UUID hashed = UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
        return new Id128(hashed.getMostSignificantBits(), hashed.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return new UUID(msb, lsb).toString();
    }
}
