package org.rogatory.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Server-Sent Events client as a browser's EventSource reads a stream (JDK HTTP client, not the project's code). */
final class EventStream implements AutoCloseable {

    record Event(String name, String id, String data) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private EventStream(URI uri, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header(EventsController.LAST_EVENT_ID, lastEventId);
        }
        response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> {
            String[] event = new String[3];
            answer.body().forEach(line -> {
                if (line.isEmpty()) {
                    if (event[2] != null) {
                        events.add(new Event(event[0] == null ? "message" : event[0], event[1], event[2]));
                    }
                    event[0] = event[1] = event[2] = null;
                } else if (line.startsWith("event:")) {
                    event[0] = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    event[1] = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    event[2] = (event[2] == null ? "" : event[2] + "\n") + line.substring(5).trim();
                }
            });
        });
    }

    static EventStream open(int port, String path, String lastEventId) {
        return new EventStream(URI.create("http://127.0.0.1:" + port + path), lastEventId);
    }

    /** The next event; fails after a minute without one. */
    Event next() throws InterruptedException {
        Event event = poll(Duration.ofMinutes(1));
        if (event == null) {
            throw new AssertionError("no event within a minute");
        }
        return event;
    }

    Event poll(Duration within) throws InterruptedException {
        return events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        response.cancel(true);
        http.shutdownNow();
    }
}
