package id.ruangaman.inbox;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

/** Test-only stand-in for a JSON webhook: proves CSRF protection leaves non-form POSTs alone. */
@Path("/webhooks/csrf-probe")
public class JsonWebhookProbe {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public String receive(String body) {
        return "ok";
    }
}
