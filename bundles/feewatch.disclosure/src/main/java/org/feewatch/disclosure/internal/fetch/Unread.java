package org.feewatch.disclosure.internal.fetch;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** A body that is not read at all (an error status, a redirect, a refused type): the connection is dropped. */
final class Unread<T> implements BodySubscriber<T> {

    private final CompletableFuture<T> result;

    Unread(T value) {
        this.result = CompletableFuture.completedFuture(value);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        s.cancel();
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
    }

    @Override
    public void onError(Throwable throwable) {
    }

    @Override
    public void onComplete() {
    }

    @Override
    public CompletionStage<T> getBody() {
        return result;
    }
}
