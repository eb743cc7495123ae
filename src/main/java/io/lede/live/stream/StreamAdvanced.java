package io.lede.live.stream;

/**
 * A stream has new events in the database (committed here, or on another replica); {@code null}
 * stream: any may have, after notifications could have been missed.
 */
record StreamAdvanced(String stream) {

    static final StreamAdvanced ANY = new StreamAdvanced(null);
}
