package id.ruangaman.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndMetricsTest {

    @Test
    void shouldReportReadyWithADatabaseCheck() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void shouldReportLive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldExposePrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    /**
     * Each delivery lane shows how it is sized and how full it is, by channel only: an operator (and the benchmark) can
     * see whether a channel sends below its limit because its senders are all busy, and how much of its limit went unused
     * while no send was waiting for a permit.
     */
    @Test
    void shouldExposeEachDeliveryLanesSizeAndLoad() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ruangaman_outbound_in_flight{channel=\"telegram\"}"))
                .body(containsString("ruangaman_outbound_senders_target{channel=\"telegram\"}"))
                .body(containsString("ruangaman_outbound_send_time_seconds{channel=\"telegram\"}"))
                .body(containsString("ruangaman_outbound_slot_unused_seconds_count{channel=\"telegram\"}"))
                .body(containsString("ruangaman_outbound_claim_seconds_count{channel=\"whatsapp\"}"))
                .body(containsString("ruangaman_outbound_senders_target{channel=\"whatsapp\"}"));
    }
}
