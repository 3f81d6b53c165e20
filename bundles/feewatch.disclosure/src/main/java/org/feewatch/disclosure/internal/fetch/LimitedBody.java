package org.feewatch.disclosure.internal.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit. Past the limit it stops reading (cancelling the
 * subscription closes the connection) and either fails with {@link TooLarge} or, for robots.txt,
 * keeps what came before the limit.
 */
final class LimitedBody implements BodySubscriber<byte[]> {

    /** The body went past the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("body over the limit");
        }
    }

    private final long limit;
    private final boolean truncate;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;

    LimitedBody(long limit, boolean truncate) {
        this.limit = limit;
        this.truncate = truncate;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            int n = b.remaining();
            if (out.size() + (long) n > limit) {
                if (truncate) {
                    byte[] part = new byte[(int) (limit - out.size())];
                    b.get(part);
                    out.writeBytes(part);
                    result.complete(out.toByteArray());
                } else {
                    result.completeExceptionally(new TooLarge());
                }
                subscription.cancel();
                return;
            }
            byte[] chunk = new byte[n];
            b.get(chunk);
            out.writeBytes(chunk);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** Stops reading now: the deadline passed. */
    void abort() {
        result.completeExceptionally(new CancellationException("deadline"));
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
