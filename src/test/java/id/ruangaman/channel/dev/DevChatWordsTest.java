package id.ruangaman.channel.dev;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.CsrfForms;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The dev chat's own words (titles, buttons, choices, placeholders, labels), not the bot's lines, are
 * in Bahasa Indonesia first, English second ("Unggah / Upload"): a volunteer trying the flows reads the project's
 * first language. Every such text on both pages is checked, so a new English-only one fails here.
 */
@QuarkusTest
class DevChatWordsTest {

    private static final Pattern BOT_LINES = Pattern.compile("(?s)<div class=\"(msg|choices)[^\"]*\">.*?</div>|<style>.*?</style>");
    private static final Pattern TEXT = Pattern.compile("(?s)>([^<]+)<");
    private static final Pattern ATTRIBUTE = Pattern.compile("(?:placeholder|aria-label)=\"([^\"]+)\"");

    @Test
    void shouldSayEveryOwnWordInBahasaIndonesiaFirst() {
        Response index = given().when().get("/dev/chat");
        String indexPage = index.then().statusCode(200).extract().asString();
        String csrfCookie = index.getCookie("ruangaman-csrf");
        String start = given().redirects().follow(false).cookie("ruangaman-csrf", csrfCookie).contentType(ContentType.URLENC)
                .formParam("csrf-token", CsrfForms.tokenIn(indexPage)).formParam("flow", "intake")
                .when().post("/dev/chat/new").then().statusCode(303).extract().header("Location");
        String chatPage = given().cookie("ruangaman-csrf", csrfCookie).when().get(start).then().statusCode(200).extract().asString();

        List<String> englishOnly = new ArrayList<>();
        for (String page : List.of(indexPage, chatPage)) {
            String chrome = BOT_LINES.matcher(page).replaceAll("");
            for (Pattern p : List.of(TEXT, ATTRIBUTE)) {
                Matcher m = p.matcher(chrome);
                while (m.find()) {
                    String text = m.group(1).strip();
                    if (text.matches(".*\\p{L}.*") && !text.contains(" / ") && !text.equals("Ruang Aman")) {
                        englishOnly.add(text);
                    }
                }
            }
        }
        assertEquals(List.of(), englishOnly, "texts without their Bahasa Indonesia first");

    }
}
