package store.traffictacos.capacity.platform.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The nodes of a Redis Cluster, parsed from {@code CLUSTER NODES}:
 * {@code <id> <ip:port@cport[,hostname]> <flags> <master> <ping-sent> <pong-recv> <config-epoch> <link-state> <slot>...}.
 */
public record RedisClusterInfo(List<Node> nodes) {
    public RedisClusterInfo {
        nodes = List.copyOf(nodes);
    }

    /** One line of {@code CLUSTER NODES}. */
    public record Node(
            String id,
            String host,
            int port,
            Set<String> flags,
            String masterId,
            boolean connected,
            List<String> slots) {
        public Node {
            flags = Set.copyOf(flags);
            slots = List.copyOf(slots);
        }

        /** {@code host:port}. */
        public String address() {
            return host + ":" + port;
        }

        public boolean master() {
            return flags.contains("master");
        }

        /** Has an address and is not flagged failed, without address, or in handshake. */
        public boolean reachable() {
            return !host.isEmpty()
                    && port > 0
                    && !flags.contains("noaddr")
                    && !flags.contains("handshake")
                    && !flags.contains("fail");
        }
    }

    /** Parses {@code CLUSTER NODES} output; malformed lines are skipped. */
    public static RedisClusterInfo parse(String clusterNodesText) {
        List<Node> nodes = new ArrayList<>();
        if (clusterNodesText == null) {
            return new RedisClusterInfo(nodes);
        }
        for (String raw : clusterNodesText.split("\r?\n")) {
            String[] parts = raw.strip().split("\\s+");
            if (parts.length < 8) {
                continue;
            }
            String address = parts[1];
            int comma = address.indexOf(',');
            if (comma >= 0) {
                address = address.substring(0, comma);
            }
            int at = address.indexOf('@');
            if (at >= 0) {
                address = address.substring(0, at);
            }
            int colon = address.lastIndexOf(':');
            if (colon < 0) {
                continue;
            }
            String host = address.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            Set<String> flags = Set.copyOf(List.of(parts[2].split(",")));
            String master = "-".equals(parts[3]) ? null : parts[3];
            List<String> slots = List.of(parts).subList(8, parts.length);
            nodes.add(new Node(parts[0], host, port, flags, master, "connected".equals(parts[7]), slots));
        }
        return new RedisClusterInfo(nodes);
    }

    /** The nodes worth sampling: every reachable node, masters and replicas. */
    public List<Node> reachableNodes() {
        return nodes.stream().filter(Node::reachable).toList();
    }
}
