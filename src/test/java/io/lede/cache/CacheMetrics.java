package io.lede.cache;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counters the cache publishes at /q/metrics, read as an operator would. */
final class CacheMetrics {

    private CacheMetrics() {
    }

    /** lede_response_cache_total for one result: hit, miss or joined. */
    static double responses(String result) {
        return counter("lede_response_cache_total", "result", result);
    }

    /** lede_content_changes_total for one scope: keys or everything. */
    static double changes(String scope) {
        return counter("lede_content_changes_total", "scope", scope);
    }

    private static double counter(String name, String tag, String value) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*" + tag + "=\"" + value + "\"[^}]*} (\\S+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
