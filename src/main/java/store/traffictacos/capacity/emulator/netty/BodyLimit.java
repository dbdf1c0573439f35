package store.traffictacos.capacity.emulator.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import store.traffictacos.capacity.emulator.http.ErrorEnvelope;

/** Aggregates request bodies up to a limit; a larger one is answered 413 in the error envelope. */
final class BodyLimit extends HttpObjectAggregator {
    private final int maxBodyBytes;

    BodyLimit(int maxBodyBytes) {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        RequestHandler.write(
                ctx,
                ErrorEnvelope.of(
                        413,
                        "PAYLOAD_TOO_LARGE",
                        "request body exceeds " + maxBodyBytes + " bytes",
                        oversized.headers().get("X-Request-ID", "").strip()),
                false);
    }
}
