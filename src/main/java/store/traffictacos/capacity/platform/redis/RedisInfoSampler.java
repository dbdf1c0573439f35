package store.traffictacos.capacity.platform.redis;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.LongSupplier;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import store.traffictacos.capacity.net.ConnectionFailures;
import store.traffictacos.capacity.platform.PlatformSample;
import store.traffictacos.capacity.platform.PlatformSampler;

/**
 * Samples Redis {@code INFO}, standalone or cluster (when the seed says {@code cluster_enabled:1},
 * every reachable node of its {@code CLUSTER NODES}). Per node {@code host:port} the series
 * {@code <host:port>/<metric>}:
 *
 * <ul>
 *   <li>{@code ops_per_sec} (ops/s): {@code instantaneous_ops_per_sec}</li>
 *   <li>{@code connected_clients} (clients)</li>
 *   <li>{@code used_memory} (bytes); {@code used_memory_pct} (%) of {@code maxmemory} when it is set</li>
 *   <li>{@code cpu_pct} (%): the growth of {@code used_cpu_sys + used_cpu_user} over wall time since
 *       the previous sample of that node (none on the first sample, or after a restart)</li>
 *   <li>{@code keyspace_hits}, {@code keyspace_misses} (per second since the previous sample)</li>
 *   <li>{@code evicted_keys} (keys evicted since the previous sample)</li>
 * </ul>
 *
 * Never throws from {@link #sample}: an unreachable node gives no samples and a reason such as
 * {@code redis 127.0.0.1:6399 unavailable: Connection refused}; it reconnects at the next sample.
 * The password (from {@link RedisInfoSettings#passwordEnv()} or the URI) appears in no reason,
 * {@code toString()} or sample. One connection per node; {@link #close()} releases them.
 */
public final class RedisInfoSampler implements PlatformSampler {
    public static final String SOURCE = "redis";

    public static final String OPS_PER_SEC = "ops_per_sec";
    public static final String CONNECTED_CLIENTS = "connected_clients";
    public static final String USED_MEMORY = "used_memory";
    public static final String USED_MEMORY_PCT = "used_memory_pct";
    public static final String CPU_PCT = "cpu_pct";
    public static final String KEYSPACE_HITS = "keyspace_hits";
    public static final String KEYSPACE_MISSES = "keyspace_misses";
    public static final String EVICTED_KEYS = "evicted_keys";

    private final RedisInfoSettings settings;
    private final LongSupplier nanoClock;
    private final String user;
    private final String password;
    private final String credentialProblem;
    private final Map<String, Jedis> connections = new HashMap<>();
    private final Map<String, Counters> previous = new HashMap<>();
    private String unavailableReason;
    private boolean closed;

    /** Reads the password variable from the environment. Does not connect yet. */
    public RedisInfoSampler(RedisInfoSettings settings) {
        this(settings, System::getenv, System::nanoTime);
    }

    /**
     * With a password read elsewhere (from a Kubernetes Secret, which {@code secretName} names in
     * reasons); like any password it appears in no reason, {@code toString()} or sample.
     */
    public static RedisInfoSampler withPassword(RedisInfoSettings settings, String secretName, String password) {
        return new RedisInfoSampler(settings.withPasswordEnv(secretName), name -> password, System::nanoTime);
    }

    RedisInfoSampler(RedisInfoSettings settings, Function<String, String> env, LongSupplier nanoClock) {
        this.settings = settings;
        this.nanoClock = nanoClock;
        String[] fromUri = userInfo(settings.uri().getRawUserInfo());
        String secret = fromUri[1];
        String problem = null;
        if (settings.passwordEnv() != null) {
            String fromEnv = env.apply(settings.passwordEnv());
            if (fromEnv == null || fromEnv.isEmpty()) {
                problem = "password variable " + settings.passwordEnv() + " is not set";
            } else {
                secret = fromEnv;
            }
        }
        this.user = fromUri[0];
        this.password = secret;
        this.credentialProblem = problem;
    }

    /** {@code [user or null, password or null]} of {@code user:password}, {@code :password} or {@code password}. */
    private static String[] userInfo(String raw) {
        if (raw == null || raw.isEmpty()) {
            return new String[] {null, null};
        }
        int colon = raw.indexOf(':');
        if (colon < 0) {
            return new String[] {null, decode(raw)};
        }
        String name = raw.substring(0, colon);
        return new String[] {name.isEmpty() ? null : decode(name), decode(raw.substring(colon + 1))};
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public synchronized List<PlatformSample> sample(long epochMs) {
        List<PlatformSample> samples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (closed) {
            unavailableReason = "redis " + settings.seedAddress() + " unavailable: sampler closed";
            return samples;
        }
        if (credentialProblem != null) {
            unavailableReason = "redis " + settings.seedAddress() + " unavailable: " + credentialProblem;
            return samples;
        }
        try {
            String seed = settings.seedAddress();
            Map<String, String> seedInfo = info(seed, problems);
            if (seedInfo != null) {
                if (RedisInfo.clusterEnabled(seedInfo)) {
                    sampleCluster(seed, seedInfo, epochMs, samples, problems);
                } else {
                    forgetAllBut(List.of(seed));
                    addSamples(seed, seedInfo, epochMs, samples);
                }
            }
        } catch (RuntimeException e) {
            problems.add("redis " + settings.seedAddress() + " unavailable: " + reason(e));
        }
        unavailableReason = problems.isEmpty() ? null : String.join("; ", problems);
        return samples;
    }

    private void sampleCluster(
            String seed,
            Map<String, String> seedInfo,
            long epochMs,
            List<PlatformSample> samples,
            List<String> problems) {
        RedisClusterInfo cluster;
        try {
            cluster = RedisClusterInfo.parse(connection(seed).clusterNodes());
        } catch (RuntimeException e) {
            drop(seed);
            problems.add("redis " + seed + " CLUSTER NODES failed: " + reason(e));
            addSamples(seed, seedInfo, epochMs, samples);
            return;
        }
        List<String> addresses = cluster.reachableNodes().stream()
                .map(RedisClusterInfo.Node::address)
                .toList();
        if (addresses.isEmpty()) {
            addSamples(seed, seedInfo, epochMs, samples);
            return;
        }
        List<String> keep = new ArrayList<>(addresses);
        keep.add(seed);
        forgetAllBut(keep);
        for (String address : addresses) {
            Map<String, String> info = info(address, problems);
            if (info != null) {
                addSamples(address, info, epochMs, samples);
            }
        }
    }

    /** INFO of one node, or null with the reason added to {@code problems}. */
    private Map<String, String> info(String address, List<String> problems) {
        try {
            return RedisInfo.parse(connection(address).info());
        } catch (RuntimeException e) {
            drop(address);
            problems.add("redis " + address + " unavailable: " + reason(e));
            return null;
        }
    }

    private Jedis connection(String address) {
        Jedis jedis = connections.get(address);
        if (jedis == null) {
            jedis = new Jedis(HostAndPort.from(address), clientConfig());
            connections.put(address, jedis);
        }
        return jedis;
    }

    private JedisClientConfig clientConfig() {
        int timeout = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeout)
                .socketTimeoutMillis(timeout)
                .ssl(settings.ssl())
                .clientName("tacos-capacity-platform");
        if (password != null) {
            config.user(user).password(password);
        }
        return config.build();
    }

    private void addSamples(String node, Map<String, String> info, long epochMs, List<PlatformSample> samples) {
        long now = nanoClock.getAsLong();
        add(samples, node, OPS_PER_SEC, epochMs, RedisInfo.number(info, "instantaneous_ops_per_sec"), "ops/s");
        add(samples, node, CONNECTED_CLIENTS, epochMs, RedisInfo.number(info, "connected_clients"), "clients");
        OptionalDouble used = RedisInfo.number(info, "used_memory");
        add(samples, node, USED_MEMORY, epochMs, used, "bytes");
        OptionalDouble max = RedisInfo.number(info, "maxmemory");
        if (used.isPresent() && max.isPresent() && max.getAsDouble() > 0) {
            add(
                    samples,
                    node,
                    USED_MEMORY_PCT,
                    epochMs,
                    OptionalDouble.of(used.getAsDouble() * 100.0 / max.getAsDouble()),
                    "%");
        }
        Counters current = Counters.of(info, now);
        Counters before = previous.put(node, current);
        if (before == null || !before.sameServer(current) || current.nanos <= before.nanos) {
            return;
        }
        double seconds = (current.nanos - before.nanos) / 1e9;
        add(samples, node, CPU_PCT, epochMs, delta(before.cpuSeconds, current.cpuSeconds, 100.0 / seconds), "%");
        add(samples, node, KEYSPACE_HITS, epochMs, delta(before.hits, current.hits, 1 / seconds), "hits/s");
        add(samples, node, KEYSPACE_MISSES, epochMs, delta(before.misses, current.misses, 1 / seconds), "misses/s");
        add(samples, node, EVICTED_KEYS, epochMs, delta(before.evicted, current.evicted, 1), "keys");
    }

    private static OptionalDouble delta(OptionalDouble before, OptionalDouble after, double scale) {
        if (before.isEmpty() || after.isEmpty() || after.getAsDouble() < before.getAsDouble()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((after.getAsDouble() - before.getAsDouble()) * scale);
    }

    private static void add(
            List<PlatformSample> samples, String node, String metric, long epochMs, OptionalDouble value, String unit) {
        if (value.isPresent()) {
            samples.add(new PlatformSample(SOURCE, series(node, metric), epochMs, value.getAsDouble(), unit));
        }
    }

    /** The series name of {@code metric} on {@code node}: {@code host:port/metric}. */
    public static String series(String node, String metric) {
        return node + "/" + metric;
    }

    /** The counters a delta is taken from, at one INFO. */
    private record Counters(
            String runId,
            long nanos,
            OptionalDouble cpuSeconds,
            OptionalDouble hits,
            OptionalDouble misses,
            OptionalDouble evicted) {
        static Counters of(Map<String, String> info, long nanos) {
            OptionalDouble sys = RedisInfo.number(info, "used_cpu_sys");
            OptionalDouble usr = RedisInfo.number(info, "used_cpu_user");
            OptionalDouble cpu = sys.isPresent() && usr.isPresent()
                    ? OptionalDouble.of(sys.getAsDouble() + usr.getAsDouble())
                    : OptionalDouble.empty();
            return new Counters(
                    info.get("run_id"),
                    nanos,
                    cpu,
                    RedisInfo.number(info, "keyspace_hits"),
                    RedisInfo.number(info, "keyspace_misses"),
                    RedisInfo.number(info, "evicted_keys"));
        }

        boolean sameServer(Counters other) {
            return runId == null ? other.runId == null : runId.equals(other.runId);
        }
    }

    @Override
    public synchronized Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }

    private void forgetAllBut(List<String> keep) {
        Iterator<Map.Entry<String, Jedis>> open = connections.entrySet().iterator();
        while (open.hasNext()) {
            Map.Entry<String, Jedis> entry = open.next();
            if (!keep.contains(entry.getKey())) {
                closeQuietly(entry.getValue());
                open.remove();
            }
        }
        previous.keySet().retainAll(keep);
    }

    private void drop(String address) {
        Jedis jedis = connections.remove(address);
        if (jedis != null) {
            closeQuietly(jedis);
        }
        previous.remove(address);
    }

    private static void closeQuietly(Jedis jedis) {
        try {
            jedis.close();
        } catch (RuntimeException ignored) {
            // already broken
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Jedis jedis : connections.values()) {
            closeQuietly(jedis);
        }
        connections.clear();
        previous.clear();
    }

    @Override
    public String toString() {
        return "RedisInfoSampler[" + settings + "]";
    }

    /** The network or server reason of a failure, with the password masked should it ever appear. */
    private String reason(Throwable error) {
        return mask(ConnectionFailures.reason(error));
    }

    private String mask(String text) {
        if (password == null || password.isEmpty() || text == null) {
            return text;
        }
        return text.replace(password, "***");
    }
}
