package id.ruangaman.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.vertx.core.http.HttpServerRequest;

/**
 * Whether the page being rendered is the answer to a form post ({@code inject:posted.answer}): a refused form shown
 * again, with its reason and what was typed, at the post's own address (400/409), on any inbox page; the revealed id.
 * The layout marks the body ({@code data-posted-answer}) so the browser keeps the page in the history as an ordinary
 * address (inbox.js): Back to it from the next page, or a reload, then opens that address with GET (the form's page:
 * the address's own GET, or {@link ErrorPages}' 303 to {@link Refusals#pageOf}) instead of the browser's "Confirm Form
 * Resubmission" page.
 */
@RequestScoped
@Named("posted")
public class PostedAnswer {

    private final HttpServerRequest request;

    PostedAnswer(HttpServerRequest request) {
        this.request = request;
    }

    /** True when this request is a POST. */
    public boolean isAnswer() {
        return "POST".equals(request.method().name());
    }
}
