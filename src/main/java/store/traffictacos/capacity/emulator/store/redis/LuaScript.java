package store.traffictacos.capacity.emulator.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script from {@code src/main/resources/redis/}, run with EVALSHA; when Redis does not know
 * it (first call, or after a restart or SCRIPT FLUSH) it is sent once with EVAL, which caches it
 * again. Several resources may be concatenated, so scripts can share helper functions.
 */
final class LuaScript {
    private final String name;
    private final String source;
    private final byte[] sourceBytes;
    private final String sha;
    private final byte[] shaBytes;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sourceBytes = source.getBytes(StandardCharsets.UTF_8);
        this.sha = sha1Hex(sourceBytes);
        this.shaBytes = sha.getBytes(StandardCharsets.US_ASCII);
    }

    /** The concatenation of {@code redis/<resource>} for each resource, in order. */
    static LuaScript load(String... resources) {
        StringBuilder source = new StringBuilder();
        for (String resource : resources) {
            source.append(read("redis/" + resource)).append('\n');
        }
        return new LuaScript(resources[resources.length - 1], source.toString());
    }

    /** Runs with text arguments; bulk replies come back as {@code String}. */
    Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            return redis.eval(source, keys, args);
        }
    }

    /** Runs with binary arguments; bulk replies come back as {@code byte[]}. */
    Object runBinary(UnifiedJedis redis, List<byte[]> keys, List<byte[]> args) {
        try {
            return redis.evalsha(shaBytes, keys, args);
        } catch (JedisNoScriptException e) {
            return redis.eval(sourceBytes, keys, args);
        }
    }

    String sha() {
        return sha;
    }

    @Override
    public String toString() {
        return name + "@" + sha;
    }

    private static String read(String resource) {
        try (InputStream in = LuaScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
