package id.ruangaman.channel.dev;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class DevChatResourceTest {

    /** Forms carry a CSRF token bound to a cookie the page sets; the token is read from the rendered form. */
    private static io.restassured.specification.RequestSpecification form() {
        io.restassured.response.Response page = given().when().get("/dev/chat");
        page.then().statusCode(200);
        return given().redirects().follow(false).contentType(ContentType.URLENC).cookie("ruangaman-csrf", page.cookie("ruangaman-csrf"))
                .formParam("csrf-token", id.ruangaman.testing.CsrfForms.tokenIn(page.asString()));
    }

    @Test
    void shouldWalkTheStartOfTheIntakeWithButtonsAndText() {
        given().when().get("/dev/chat").then().statusCode(200).body(containsString("Mulai \"intake\""));

        String chat = form().formParam("flow", "intake")
                .when().post("/dev/chat/new")
                .then().statusCode(303).extract().header("Location").replaceFirst("^https?://[^/]+", "").replace("#end", "");

        given().when().get(chat).then().statusCode(200)
                .body(containsString("Halo, ini Ruang Aman"))
                .body(containsString("value=\"language:id\""));

        form().formParam("data", "language:id")
                .when().post(chat + "/button").then().statusCode(303);
        form().formParam("text", "ya")
                .when().post(chat + "/text").then().statusCode(303);

        given().when().get(chat).then().statusCode(200)
                .body(containsString("Kamu setuju dan mau lanjut?"))
                .body(containsString("apakah kamu dalam bahaya sekarang?"));
    }

    @Test
    void shouldAnswer404ForAnUnknownChat() {
        given().when().get("/dev/chat/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body(not(containsString("Exception")));
    }

    /** An upload of a kind the form does not offer is refused with a short reason, not a server error. */
    @Test
    void shouldRefuseAnUploadOfAnUnknownKind() {
        String chat = form().formParam("flow", "intake")
                .when().post("/dev/chat/new")
                .then().statusCode(303).extract().header("Location").replaceFirst("^https?://[^/]+", "").replace("#end", "");
        io.restassured.response.Response page = given().when().get("/dev/chat");
        given().redirects().follow(false).cookie("ruangaman-csrf", page.cookie("ruangaman-csrf"))
                .multiPart("csrf-token", id.ruangaman.testing.CsrfForms.tokenIn(page.asString()))
                .multiPart("kind", "hologram").multiPart("caption", "")
                .multiPart("file", "bukti-sintetis.txt", "isi sintetis".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                .when().post(chat + "/media")
                .then().statusCode(400).body(containsString("unknown kind of upload")).body(not(containsString("Exception")));
    }

    @Test
    void shouldRefuseAnUnknownFlow() {
        form().formParam("flow", "nope").when().post("/dev/chat/new").then().statusCode(400);
    }
}
