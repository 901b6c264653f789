package id.ruangaman.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The load generator: HTTP/1.1 keep-alive connections from one event loop, either open-loop (each request
 * leaves at its planned moment whatever the service does, and its latency counts from that moment, so a
 * slow service cannot hide its queueing) or closed-loop (every connection busy all the time, to find the
 * most the service can take).
 */
final class WebhookLoad implements AutoCloseable {

    /** One request: where it goes, its headers and its body. */
    record Request(HttpMethod method, String path, Map<String, String> headers, Buffer body) {
        static Request get(String path) {
            return new Request(HttpMethod.GET, path, Map.of(), null);
        }
    }

    /** A request with the moment it is due, as nanoseconds after the start of the run. */
    record Planned(long dueNanos, Request request) {
    }

    /** The outcome of one request: its HTTP status (0 when it never got one) and when it was answered. */
    record Outcome(int status, long startNanos, long endNanos) {
        long latencyNanos() {
            return endNanos - startNanos;
        }
    }

    /** The status recorded for a request that got no answer at all within the run's timeout. */
    static final int NO_ANSWER = -1;

    private final HttpClient client;
    private final AtomicLong acknowledged = new AtomicLong();

    WebhookLoad(Vertx vertx, int port, int connections) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setKeepAlive(true).setMaxPoolSize(connections).setMaxWaitQueueSize(-1));
    }

    /**
     * Sends every planned request at its due time and waits for all answers. {@code outcomes[i]} is the
     * outcome of {@code plan.get(i)}; its start is the due time, not the moment a connection was free.
     */
    Outcome[] openLoop(List<Planned> plan, Duration answerTimeout) throws InterruptedException {
        Outcome[] outcomes = new Outcome[plan.size()];
        CountDownLatch done = new CountDownLatch(plan.size());
        long start = System.nanoTime();
        for (int i = 0; i < plan.size(); i++) {
            Planned planned = plan.get(i);
            long due = start + planned.dueNanos();
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            send(planned.request()).onComplete(result -> {
                outcomes[index] = new Outcome(result.succeeded() ? result.result() : 0, due, System.nanoTime());
                done.countDown();
            });
        }
        done.await(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        long now = System.nanoTime();
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                // no answer at all within the timeout: reported as status -1 (a platform would retry it)
                outcomes[i] = new Outcome(NO_ANSWER, start + plan.get(i).dueNanos(), now);
            }
        }
        return outcomes;
    }

    /** Keeps {@code concurrency} requests in flight for the duration; returns every outcome. */
    List<Outcome> closedLoop(Supplier<Request> next, int concurrency, Duration duration) throws InterruptedException {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            loop(next, end, outcomes, finished);
        }
        if (!finished.await(duration.toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("closed-loop requests still in flight long after the end");
        }
        return outcomes;
    }

    /**
     * Sends every chain's requests once, each chain strictly one after another (a request leaves only once the one
     * before it in its chain was answered), {@code concurrency} chains at a time. Used to pre-load a backlog: a chain
     * is one person's intake, so their updates arrive in order. Returns every outcome, in no particular order.
     */
    List<Outcome> sendChains(List<List<Request>> chains, int concurrency, Duration limit) throws InterruptedException {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger nextChain = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            sendChain(chains, nextChain, null, 0, outcomes, finished);
        }
        if (!finished.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("not every request was answered within " + limit);
        }
        return outcomes;
    }

    private void sendChain(List<List<Request>> chains, AtomicInteger nextChain, List<Request> chain, int step, List<Outcome> outcomes,
            CountDownLatch finished) {
        if (chain == null || step >= chain.size()) {
            int index = nextChain.getAndIncrement();
            if (index >= chains.size()) {
                finished.countDown();
                return;
            }
            sendChain(chains, nextChain, chains.get(index), 0, outcomes, finished);
            return;
        }
        long start = System.nanoTime();
        send(chain.get(step)).onComplete(result -> {
            outcomes.add(new Outcome(result.succeeded() ? result.result() : 0, start, System.nanoTime()));
            sendChain(chains, nextChain, chain, step + 1, outcomes, finished);
        });
    }

    private void loop(Supplier<Request> next, long end, List<Outcome> outcomes, CountDownLatch finished) {
        long start = System.nanoTime();
        if (start >= end) {
            finished.countDown();
            return;
        }
        send(next.get()).onComplete(result -> {
            outcomes.add(new Outcome(result.succeeded() ? result.result() : 0, start, System.nanoTime()));
            loop(next, end, outcomes, finished);
        });
    }

    private Future<Integer> send(Request request) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(headers::add);
        if (request.body() != null) {
            headers.add("Content-Type", "application/json");
        }
        RequestOptions options = new RequestOptions().setMethod(request.method()).setURI(request.path()).setHeaders(headers)
                .setIdleTimeout(30_000);
        return client.request(options)
                .compose(call -> request.body() == null ? call.send() : call.send(request.body()))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onSuccess(status -> {
                    if (status == 200) {
                        acknowledged.incrementAndGet();
                    }
                });
    }

    /** How many requests have been answered 200 so far. */
    long acknowledged() {
        return acknowledged.get();
    }

    @Override
    public void close() {
        client.close();
    }
}
