package store.traffictacos.capacity.emulator.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import store.traffictacos.capacity.emulator.http.CapacityModel;
import store.traffictacos.capacity.emulator.http.Gateway;
import store.traffictacos.capacity.emulator.http.Router;
import store.traffictacos.capacity.emulator.metrics.TargetMetrics;

/** The HTTP/1.1 server under the target. */
public final class NettyServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel channel;
    private final ScheduledExecutorService delayTimer;

    private NettyServer(EventLoopGroup group, Channel channel, ScheduledExecutorService delayTimer) {
        this.group = group;
        this.channel = channel;
        this.delayTimer = delayTimer;
    }

    /** Binds and starts serving; a port that cannot be bound fails here, before anything is served. */
    public static NettyServer start(
            InetSocketAddress address,
            int ioThreads,
            int maxBodyBytes,
            Router router,
            Gateway gateway,
            CapacityModel capacity,
            TargetMetrics metrics,
            Executor blockingExecutor) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
        ScheduledExecutorService delayTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tacos-capacity-timer");
            thread.setDaemon(true);
            return thread;
        });
        RequestHandler handler = new RequestHandler(router, gateway, capacity, metrics, blockingExecutor, delayTimer);
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(
                                            new HttpServerCodec(),
                                            new HttpServerKeepAliveHandler(),
                                            new BodyLimit(maxBodyBytes),
                                            handler);
                        }
                    })
                    .bind(address)
                    .syncUninterruptibly()
                    .channel();
            return new NettyServer(group, channel, delayTimer);
        } catch (Exception e) { // Netty throws the checked BindException without declaring it
            delayTimer.shutdownNow();
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        delayTimer.shutdownNow();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
