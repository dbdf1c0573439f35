package store.traffictacos.capacity.emulator.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import store.traffictacos.capacity.emulator.TargetTls;
import store.traffictacos.capacity.emulator.http.CapacityModel;
import store.traffictacos.capacity.emulator.http.Gateway;
import store.traffictacos.capacity.emulator.http.Router;
import store.traffictacos.capacity.emulator.metrics.TargetMetrics;

/**
 * The server under the target: HTTP/1.1 in the clear, or over TLS with HTTP/2 and HTTP/1.1 offered through
 * ALPN. Both go to the one {@link RequestHandler}: each HTTP/2 stream is a child channel whose frames are
 * turned into the same HTTP/1.1 objects ({@link Http2StreamFrameToHttpObjectCodec}).
 */
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
            Executor blockingExecutor,
            SslContext tls) {
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
                            if (tls == null) {
                                http1(ch.pipeline(), maxBodyBytes, handler);
                            } else {
                                ch.pipeline()
                                        .addLast(tls.newHandler(ch.alloc()), new Negotiation(maxBodyBytes, handler));
                            }
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

    private static void http1(ChannelPipeline pipeline, int maxBodyBytes, RequestHandler handler) {
        pipeline.addLast(new HttpServerCodec(), new HttpServerKeepAliveHandler(), new BodyLimit(maxBodyBytes), handler);
    }

    /** After the TLS handshake: HTTP/2 when the client chose it through ALPN, else HTTP/1.1. */
    private static final class Negotiation extends ApplicationProtocolNegotiationHandler {
        private final int maxBodyBytes;
        private final RequestHandler handler;

        Negotiation(int maxBodyBytes, RequestHandler handler) {
            super(ApplicationProtocolNames.HTTP_1_1);
            this.maxBodyBytes = maxBodyBytes;
            this.handler = handler;
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            if (!ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                http1(ctx.pipeline(), maxBodyBytes, handler);
                return;
            }
            ctx.pipeline()
                    .addLast(
                            Http2FrameCodecBuilder.forServer()
                                    .initialSettings(Http2Settings.defaultSettings()
                                            .maxConcurrentStreams(TargetTls.MAX_CONCURRENT_STREAMS))
                                    .build(),
                            new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
                                @Override
                                protected void initChannel(Http2StreamChannel stream) {
                                    stream.pipeline()
                                            .addLast(
                                                    new Http2StreamFrameToHttpObjectCodec(true),
                                                    new BodyLimit(maxBodyBytes),
                                                    handler);
                                }
                            }));
        }
    }

    /**
     * The server side of TLS: the certificate and key, or a self-signed certificate, with ALPN offering
     * HTTP/2 first, then HTTP/1.1; OpenSSL (BoringSSL, which Gatling brings) when it is there, else the JDK.
     */
    public static SslContext tls(X509Certificate certificate, PrivateKey key) {
        return tls(SslContextBuilder.forServer(key, certificate));
    }

    public static SslContext tls(Path certificate, Path key) {
        return tls(SslContextBuilder.forServer(certificate.toFile(), key.toFile()));
    }

    private static SslContext tls(SslContextBuilder builder) {
        SslProvider provider = SslProvider.isAlpnSupported(SslProvider.OPENSSL) ? SslProvider.OPENSSL : SslProvider.JDK;
        try {
            return builder.sslProvider(provider)
                    .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(
                            ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2,
                            ApplicationProtocolNames.HTTP_1_1))
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
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
