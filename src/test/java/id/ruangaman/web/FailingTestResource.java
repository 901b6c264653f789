package id.ruangaman.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only: an endpoint that fails the way a bug would, to see what a person gets instead of a stack trace. */
@Path("/test-only/failing")
public class FailingTestResource {

    public static final String SENTINEL = "SENTINEL-FAILURE-MESSAGE-4Z";

    @GET
    public String fail() {
        throw new IllegalStateException(SENTINEL);
    }
}
