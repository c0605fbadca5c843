package dev.iicsctl.client.internal.http;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Receives an answer's body and gives up once it passes {@code limit} bytes: the subscription is cancelled
 * (which closes the connection) and the body completes with an {@link AnswerTooLargeException}. The caller's
 * deadline can end a stalled body the same way, through {@link #abandon}.
 *
 * @param <T> what the body becomes
 */
abstract class CappedBody<T> implements BodySubscriber<T> {

    private final long limit;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private long received;

    CappedBody(long limit) {
        this.limit = limit;
    }

    /** Takes the next bytes. */
    abstract void accept(ByteBuffer bytes) throws Exception;

    /** @return the body, once all has come */
    abstract T finish() throws Exception;

    /** Releases what was held after a failure. */
    abstract void discard();

    @Override
    public CompletionStage<T> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        try {
            for (ByteBuffer b : items) {
                received += b.remaining();
                if (received > limit) {
                    fail(new AnswerTooLargeException("the answer", limit));
                    return;
                }
                accept(b);
            }
        } catch (Exception e) {
            fail(e);
        }
    }

    @Override
    public void onError(Throwable error) {
        discard();
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        if (result.isDone()) {
            return;
        }
        try {
            result.complete(finish());
        } catch (Exception e) {
            discard();
            result.completeExceptionally(e);
        }
    }

    /** Stops reading (the deadline passed): closes the connection and drops what was received. */
    void abandon(Throwable why) {
        fail(why);
    }

    private void fail(Throwable why) {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        discard();
        result.completeExceptionally(why);
    }
}
