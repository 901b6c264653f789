package id.ruangaman.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One line for a DevTools event of Chromium's performance log ({@code {"message":{"method":..., "params":...}}}), for
 * {@link HeadlessChromium}'s record of a failed wait: a navigation asked, started or committed, a request sent (method
 * and address), answered (status) or failed (cancelled, or its error); null for any other event. Synthetic test data
 * only ever passes through it.
 */
final class DevToolsEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DevToolsEvent() {
    }

    static String summary(String logMessage) {
        JsonNode message;
        try {
            message = JSON.readTree(logMessage).path("message");
        } catch (JsonProcessingException unreadable) {
            return null;
        }
        String method = message.path("method").asText();
        JsonNode p = message.path("params");
        return switch (method) {
            case "Page.frameRequestedNavigation", "Page.frameScheduledNavigation" ->
                method + " " + p.path("reason").asText() + " " + p.path("url").asText();
            case "Page.frameStartedNavigating" -> method + " " + p.path("url").asText();
            case "Page.frameNavigated" -> method + " " + p.path("frame").path("url").asText() + p.path("frame").path("urlFragment").asText();
            case "Network.requestWillBeSent" -> method + " " + p.path("requestId").asText() + " " + p.path("request").path("method").asText()
                    + " " + p.path("request").path("url").asText()
                    + (p.has("redirectResponse") ? " (after " + p.path("redirectResponse").path("status").asInt() + ")" : "");
            case "Network.responseReceived" -> method + " " + p.path("requestId").asText() + " " + p.path("response").path("status").asInt()
                    + " " + p.path("response").path("url").asText();
            case "Network.loadingFailed" -> method + " " + p.path("requestId").asText() + " " + p.path("errorText").asText()
                    + (p.path("canceled").asBoolean() ? " (cancelled)" : "");
            default -> null;
        };
    }
}
