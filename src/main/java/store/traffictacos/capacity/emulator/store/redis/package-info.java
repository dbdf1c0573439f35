/**
 * The Redis backend ({@link RedisStores}): all state in one standalone Redis, each store call one round
 * trip (a command or a Lua script from {@code src/main/resources/redis/}), answering as the in-memory
 * backend does. May import {@code emulator.store}, the store interfaces it implements, {@code net} and
 * {@code config}.
 */
package store.traffictacos.capacity.emulator.store.redis;
