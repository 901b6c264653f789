package id.ruangaman.channel.whatsapp;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

/** The two Graph API calls we make: send a message, and look up a media URL. Built in {@link WhatsAppGraph}. */
@Path("")
public interface GraphApi {

    /**
     * Sends a message (Cloud API {@code POST /{phone-number-id}/messages}), its JSON already written, and completes with
     * the answer's JSON as text. Asynchronous, so the caller learns the moment the answer arrives on the client's I/O
     * thread ({@link WhatsAppGraph#send}); a refusal completes it with a {@link jakarta.ws.rs.WebApplicationException},
     * a network failure with a {@link jakarta.ws.rs.ProcessingException}. Text both ways, so the JSON is written and read
     * on the sender's thread, not on the client's I/O thread (see {@link WhatsAppGraph#send}).
     */
    @POST
    @Path("/{phoneNumberId}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    CompletionStage<String> send(@PathParam("phoneNumberId") String phoneNumberId, @HeaderParam("Authorization") String bearer,
            String message);

    @GET
    @Path("/{mediaId}")
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode media(@PathParam("mediaId") String mediaId, @HeaderParam("Authorization") String bearer);

    /** A download from the short-lived URL the media lookup returned. */
    @Path("")
    interface Download {
        @GET
        Response get(@HeaderParam("Authorization") String bearer);
    }
}
