package store.traffictacos.capacity.results.invariants;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * An id (token, reservation) as 128 bits: a UUID as itself, any other string by its name-based
 * (version 3, MD5) UUID, so a table of ids holds two longs each instead of a string.
 */
record Id128(long msb, long lsb) {
    private static final int UUID_LENGTH = 36;

    /**
     * One MD5 per thread: {@link UUID#nameUUIDFromBytes} looks the algorithm up among the security providers
     * for every id, most of its cost when a runner books a reservation id on every payment (JFR).
     */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a JDK algorithm every Java platform has", e);
        }
    });

    static Id128 of(String id) {
        if (id.length() == UUID_LENGTH) {
            try {
                UUID uuid = UUID.fromString(id);
                return new Id128(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
            } catch (IllegalArgumentException notAUuid) {
                // hashed below
            }
        }
        byte[] md5 = MD5.get().digest(id.getBytes(StandardCharsets.UTF_8));
        // RFC 4122's version 3 and variant bits, as UUID.nameUUIDFromBytes sets them: the same id as ever
        md5[6] = (byte) ((md5[6] & 0x0f) | 0x30);
        md5[8] = (byte) ((md5[8] & 0x3f) | 0x80);
        return new Id128(bigEndian(md5, 0), bigEndian(md5, 8));
    }

    private static long bigEndian(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    @Override
    public String toString() {
        return new UUID(msb, lsb).toString();
    }
}
