package id.ruangaman.web;

import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

/** Test-only: a form action whose client goes away while it acts (as Vert.x reports a closed connection); counts its calls. */
@Path("/test-only/client-gone")
public class ClientGoneTestResource {

    static final AtomicInteger CALLS = new AtomicInteger();

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String act() throws ClosedChannelException {
        CALLS.incrementAndGet();
        throw new ClosedChannelException();
    }
}
