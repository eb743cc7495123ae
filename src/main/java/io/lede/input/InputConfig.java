package io.lede.input;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code lede.*} settings of the input rules. */
@ConfigMapping(prefix = "lede")
public interface InputConfig {

    /** Largest request body accepted on JSON endpoints, in bytes; larger ones get 413. */
    @WithDefault("1048576")
    long maxBodyBytes();
}
