package id.ruangaman.inbox;

import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/** The inbox language of this request: Bahasa Indonesia unless the person switched to English (a cookie). */
@RequestScoped
@Named("inboxLocale")
public class InboxLocale {

    public static final String COOKIE = "ruangaman-lang";
    public static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final HttpServerRequest request;

    InboxLocale(HttpServerRequest request) {
        this.request = request;
    }

    public Locale get() {
        Cookie cookie = request.getCookie(COOKIE);
        return cookie != null && "en".equals(cookie.getValue()) ? Locale.ENGLISH : INDONESIAN;
    }

    public String getTag() {
        return get().getLanguage();
    }

    public TemplateInstance apply(TemplateInstance instance) {
        return instance.setAttribute(TemplateInstance.LOCALE, get());
    }
}
