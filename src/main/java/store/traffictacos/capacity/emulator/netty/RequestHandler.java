package store.traffictacos.capacity.emulator.netty;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import store.traffictacos.capacity.emulator.http.ApiRequest;
import store.traffictacos.capacity.emulator.http.ApiResponse;
import store.traffictacos.capacity.emulator.http.CapacityModel;
import store.traffictacos.capacity.emulator.http.ErrorEnvelope;
import store.traffictacos.capacity.emulator.http.Gateway;
import store.traffictacos.capacity.emulator.http.Route;
import store.traffictacos.capacity.emulator.http.Router;
import store.traffictacos.capacity.emulator.metrics.TargetMetrics;

/**
 * Turns a Netty request into an {@link ApiRequest}, routes it, applies the capacity model's
 * delay or 503, runs the gateway (on the I/O thread, or on {@code blockingExecutor} for a
 * blocking store) and writes the response.
 */
@ChannelHandler.Sharable
final class RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);
    private static final String UNMATCHED = "unmatched";

    private final Router router;
    private final Gateway gateway;
    private final CapacityModel capacity;
    private final TargetMetrics metrics;
    private final Executor blockingExecutor;
    private final ScheduledExecutorService delayTimer;

    RequestHandler(
            Router router,
            Gateway gateway,
            CapacityModel capacity,
            TargetMetrics metrics,
            Executor blockingExecutor,
            ScheduledExecutorService delayTimer) {
        this.router = router;
        this.gateway = gateway;
        this.capacity = capacity;
        this.metrics = metrics;
        this.blockingExecutor = blockingExecutor;
        this.delayTimer = delayTimer;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest message) {
        long arrivalNanos = System.nanoTime();
        String method = message.method().name();
        boolean keepAlive = HttpUtil.isKeepAlive(message);
        if (message.decoderResult().isFailure()) {
            write(ctx, ErrorEnvelope.of(400, "INVALID_REQUEST", "malformed HTTP request", ""), false);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(message.uri());
        ApiRequest request;
        try {
            request = new ApiRequest(
                    method,
                    uri.path(),
                    uri.parameters(),
                    headers(message.headers()),
                    ByteBufUtil.getBytes(message.content()),
                    peer(ctx),
                    Map.of());
        } catch (IllegalArgumentException e) { // a malformed percent-escape in the path or query
            respond(
                    ctx,
                    method,
                    UNMATCHED,
                    ErrorEnvelope.of(
                            400,
                            "INVALID_REQUEST",
                            "malformed request URI",
                            message.headers().get("X-Request-ID", "").strip()),
                    keepAlive,
                    arrivalNanos);
            return;
        }
        Router.Match match = router.match(method, uri.path());
        if (!(match instanceof Router.Match.Found found)) {
            ApiResponse response = match instanceof Router.Match.MethodNotAllowed
                    ? ErrorEnvelope.of(405, "METHOD_NOT_ALLOWED", method + " is not allowed here", request.requestId())
                    : ErrorEnvelope.of(404, "NOT_FOUND", "no route for " + uri.path(), request.requestId());
            respond(ctx, method, UNMATCHED, response, keepAlive, arrivalNanos);
            return;
        }
        Route route = found.route();
        ApiRequest routed = request.withPathParams(found.pathParams());
        long delayNanos = route.access() == Route.Access.OPERATIONS ? 0 : capacity.admit(arrivalNanos);
        if (delayNanos == CapacityModel.REJECTED) {
            metrics.capacityRejected();
            respond(
                    ctx,
                    method,
                    route.pattern(),
                    ErrorEnvelope.of(
                            503, "CAPACITY_EXCEEDED", "the target's capacity queue is full", routed.requestId()),
                    keepAlive,
                    arrivalNanos);
            return;
        }
        Runnable serve =
                () -> respond(ctx, method, route.pattern(), gateway.handle(route, routed), keepAlive, arrivalNanos);
        Executor worker = blockingExecutor == null ? ctx.executor() : blockingExecutor;
        if (delayNanos > 0) {
            // The event loop's own timer wakes up on whole milliseconds; the capacity model's delays
            // are ground truth, so a nanosecond timer hands the request to its worker instead.
            delayTimer.schedule(
                    () -> worker.execute(serve), delayNanos - (System.nanoTime() - arrivalNanos), TimeUnit.NANOSECONDS);
        } else if (blockingExecutor == null) {
            serve.run();
        } else {
            blockingExecutor.execute(serve);
        }
    }

    private void respond(
            ChannelHandlerContext ctx,
            String method,
            String route,
            ApiResponse response,
            boolean keepAlive,
            long arrivalNanos) {
        // Counted before the write, so a scrape right after the response already sees it.
        metrics.observe(method, route, response.status(), System.nanoTime() - arrivalNanos);
        write(ctx, response, keepAlive);
    }

    static void write(ChannelHandlerContext ctx, ApiResponse response, boolean keepAlive) {
        FullHttpResponse http = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()),
                Unpooled.wrappedBuffer(response.body()));
        HttpHeaders headers = http.headers();
        headers.set(HttpHeaderNames.DATE, DateHeader.now());
        headers.set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        response.headers().forEach(headers::set);
        if (keepAlive) {
            ctx.writeAndFlush(http, ctx.voidPromise());
        } else {
            headers.set(HttpHeaderNames.CONNECTION, "close");
            ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static ApiRequest.Headers headers(HttpHeaders headers) {
        return name -> Optional.ofNullable(headers.get(name));
    }

    private static String peer(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress address && address.getAddress() != null
                ? address.getAddress().getHostAddress()
                : "unknown";
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            LOG.warn("closing connection after an unexpected error", cause);
        }
        ctx.close();
    }
}
