/**
 * Redis {@code INFO} of a standalone Redis or of every node of a Redis Cluster, sampled during a run
 * ({@link RedisInfoSampler}). May import {@code platform}, {@code net} and {@code config}.
 */
package store.traffictacos.capacity.platform.redis;
