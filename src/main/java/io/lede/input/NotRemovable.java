package io.lede.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request field that a merge patch may change but not remove ({@code "field": null}): absent on
 * create it takes a default, so removing it would silently reset the item. See {@link MergePatcher}.
 */
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface NotRemovable {
}
